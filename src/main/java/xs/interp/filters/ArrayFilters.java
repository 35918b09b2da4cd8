package xs.interp.filters;

import static xs.interp.filters.FilterSupport.list;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import xs.interp.Values;

/**
 * The array filters of reference §8: {@code $cart|push:$item|count}. A null subject counts as
 * an empty array. Filters never change their subject (it may be shared by several variables);
 * they return new arrays. Sorting, set operations, the filter_* family, aggregates and the
 * higher-order filters live in their own classes and register from here.
 */
final class ArrayFilters {
    /** Filters that build arrays from numbers refuse to build more elements than this. */
    static final long MAX_ELEMENTS = 10_000_000L;

    private ArrayFilters() {
    }

    static void register(FilterRegistry r) {
        registerAccess(r);
        registerBuilding(r);
        registerEditing(r);
        ArraySorting.register(r);
        ArraySets.register(r);
        ArrayFiltering.register(r);
        ArrayAggregates.register(r);
        HigherOrderFilters.register(r);
        LambdaFilters.register(r);
    }

    private static void registerAccess(FilterRegistry r) {
        r.register("first", c -> {
            List<Object> l = list(c);
            return l.isEmpty() ? null : l.get(0);
        });
        r.register("last", c -> {
            List<Object> l = list(c);
            return l.isEmpty() ? null : l.get(l.size() - 1);
        });
        r.register("count", c -> {
            Object v = c.subject();
            if (v == null) {
                return 0L;
            }
            if (v instanceof List<?> l) {
                return (long) l.size();
            }
            if (v instanceof Map<?, ?> m) {
                return (long) m.size();
            }
            throw c.error("expects an array or object, got " + Values.typeName(v)
                + (v instanceof String ? " (use strlen for the length of text)" : ""));
        });
        r.register("in", c -> {
            Object wanted = c.arg(0);
            for (Object o : list(c)) {
                if (Values.looseEquals(o, wanted)) {
                    return true;
                }
            }
            return false;
        });
        r.register("join", c -> {
            StringJoiner out = new StringJoiner(FilterSupport.textArg(c, 0, ""));
            for (Object o : list(c)) {
                out.add(Values.toText(o));
            }
            return out.toString();
        });
        r.register("slice", ArrayFilters::slice);
        r.alias("array_slice", "slice");
    }

    /**
     * PHP's array_slice: a negative offset counts from the end; a missing or null length runs
     * to the end; a negative length stops that many elements before the end.
     */
    private static Object slice(FilterCall c) {
        List<Object> l = list(c);
        int size = l.size();
        long offset = FilterSupport.intArg(c, 0, 0);
        long from = offset < 0 ? Math.max(0, size + offset) : Math.min(size, offset);
        long to = size;
        if (c.hasArg(1) && c.arg(1) != null) {
            long length = FilterSupport.intArg(c, 1);
            to = length < 0 ? size + length : from + length;
        }
        to = Math.min(size, to);
        return to <= from ? new ArrayList<>() : new ArrayList<>(l.subList((int) from, (int) to));
    }

    private static void registerBuilding(FilterRegistry r) {
        r.register("range", ArrayFilters::range);
        r.register("safe_array", c -> {
            Object v = c.subject();
            if (v == null) {
                return new ArrayList<>();
            }
            List<Object> out = new ArrayList<>();
            if (v instanceof List<?> l) {
                out.addAll(l);
            } else {
                out.add(v);
            }
            return out;
        });
        r.register("flatten", c -> {
            List<Object> out = new ArrayList<>();
            flattenInto(list(c), out);
            return out;
        });
        r.register("reverse", c -> {
            List<Object> out = new ArrayList<>(list(c));
            Collections.reverse(out);
            return out;
        });
        // "v"|fill:0:3 is ["v","v","v"]; like PHP's array_fill, a non-zero start gives keys
        // start..start+count-1, which only an object can hold.
        r.register("fill", c -> {
            long start = FilterSupport.intArg(c, 0, 0);
            long count = FilterSupport.intArg(c, 1, 0);
            checkSize(c, count);
            if (start == 0) {
                List<Object> out = new ArrayList<>((int) count);
                for (long i = 0; i < count; i++) {
                    out.add(Values.copy(c.subject()));
                }
                return out;
            }
            LinkedHashMap<String, Object> out = Values.object();
            for (long i = 0; i < count; i++) {
                out.put(Long.toString(start + i), Values.copy(c.subject()));
            }
            return out;
        });
        r.register("fill_keys", c -> {
            LinkedHashMap<String, Object> out = Values.object();
            for (Object key : FilterSupport.listArg(c, 0)) {
                out.put(Values.toText(key), Values.copy(c.subject()));
            }
            return out;
        });
        r.alias("array_fill", "fill");
        r.alias("array_fill_keys", "fill_keys");
    }

    private static void flattenInto(List<?> from, List<Object> out) {
        for (Object o : from) {
            if (o instanceof List<?> inner) {
                flattenInto(inner, out);
            } else {
                out.add(o);
            }
        }
    }

    static void checkSize(FilterCall c, long count) {
        if (count < 0) {
            throw c.error("cannot build an array of " + count + " elements");
        }
        if (count > MAX_ELEMENTS) {
            throw c.error("refusing to build an array of more than " + MAX_ELEMENTS + " elements");
        }
    }

    /**
     * {@code |range:1:5} is [1,2,3,4,5]: both ends included, counting down when stop is below
     * start; an optional third argument is the step. The subject is ignored.
     */
    private static Object range(FilterCall c) {
        Object start = FilterSupport.numberArg(c, 0);
        Object stop = FilterSupport.numberArg(c, 1);
        Object step = c.hasArg(2) && c.arg(2) != null ? Arithmetic.abs(FilterSupport.numberArg(c, 2)) : 1L;
        BigDecimal stepSize = Arithmetic.big(step);
        if (stepSize.signum() == 0) {
            throw c.error("the step cannot be 0");
        }
        BigDecimal distance = Arithmetic.big(stop).subtract(Arithmetic.big(start)).abs();
        BigDecimal steps = distance.divideToIntegralValue(stepSize);
        if (steps.compareTo(BigDecimal.valueOf(MAX_ELEMENTS)) >= 0) {
            throw c.error("refusing to build an array of more than " + MAX_ELEMENTS + " elements");
        }
        boolean down = Arithmetic.big(stop).compareTo(Arithmetic.big(start)) < 0;
        List<Object> out = new ArrayList<>(steps.intValue() + 1);
        Object at = start;
        for (int i = 0; i <= steps.intValue(); i++) {
            out.add(at);
            at = down ? Arithmetic.subtract(at, step) : Arithmetic.add(at, step);
        }
        return out;
    }

    private static void registerEditing(FilterRegistry r) {
        r.register("push", c -> {
            List<Object> out = new ArrayList<>(list(c));
            out.add(c.arg(0));
            return out;
        });
        r.register("unshift", c -> {
            List<Object> out = new ArrayList<>(list(c).size() + 1);
            out.add(c.arg(0));
            out.addAll(list(c));
            return out;
        });
        // pop and shift give the element they would take off; the subject stays as it was.
        r.register("pop", c -> {
            List<Object> l = list(c);
            return l.isEmpty() ? null : l.get(l.size() - 1);
        });
        r.register("shift", c -> {
            List<Object> l = list(c);
            return l.isEmpty() ? null : l.get(0);
        });
        r.register("remove", ArrayFilters::remove);
        r.register("append", c -> addAt(c, false));
        r.register("prepend", c -> addAt(c, true));
        r.alias("array_push", "push");
        r.alias("array_unshift", "unshift");
        r.alias("array_pop", "pop");
        r.alias("array_shift", "shift");
        r.alias("array_remove", "remove");
    }

    /** remove:value[:path[:strict]]: drops the elements (or their value at path) equal to value. */
    private static Object remove(FilterCall c) {
        Object unwanted = c.arg(0);
        String path = FilterSupport.textArg(c, 1, "");
        boolean strict = Values.truthy(c.arg(2));
        List<Object> out = new ArrayList<>();
        for (Object o : list(c)) {
            Object v = Paths.get(o, path);
            boolean same = strict ? Values.strictEquals(v, unwanted) : Values.looseEquals(v, unwanted);
            if (!same) {
                out.add(o);
            }
        }
        return out;
    }

    /**
     * append:value[:path] and prepend:value[:path]: without a path like push/unshift; with a
     * path the subject is an object and the array at that path (created when missing) grows.
     */
    private static Object addAt(FilterCall c, boolean atStart) {
        String path = FilterSupport.textArg(c, 1, "");
        Object subject = c.subject();
        if (!path.isEmpty() && subject != null && !(subject instanceof Map<?, ?>) && !(subject instanceof List<?>)) {
            throw c.error("expects an object, got " + Values.typeName(subject));
        }
        Object target = path.isEmpty() ? subject : Paths.get(subject, path);
        if (target != null && !(target instanceof List<?>)) {
            throw c.error("expects an array" + (path.isEmpty() ? "" : " at \"" + path + "\"")
                + ", got " + Values.typeName(target));
        }
        List<Object> grown = new ArrayList<>();
        if (target != null) {
            grown.addAll((List<?>) target);
        }
        grown.add(atStart ? 0 : grown.size(), c.arg(0));
        return path.isEmpty() ? grown : Paths.set(c, c.subject(), path, grown);
    }
}
