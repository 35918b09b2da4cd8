package xs.interp.filters;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import xs.interp.Json;
import xs.interp.Values;

/**
 * Filters that treat arrays as collections of values: {@code unique}, {@code diff},
 * {@code intersect} (and their {@code _assoc} forms that also match positions or keys),
 * {@code merge}, {@code merge_recursive} and {@code index_by}.
 * <p>Like PHP's array functions behind them, elements match when their text forms match: 1,
 * 1.0, "1" and true are one value, and so are null, false and "". Arrays and objects match when
 * their JSON matches.
 */
final class ArraySets {
    private ArraySets() {
    }

    static void register(FilterRegistry r) {
        r.register("unique", c -> {
            String path = FilterSupport.textArg(c, 0, "");
            Set<String> seen = new HashSet<>();
            List<Object> out = new ArrayList<>();
            for (Object o : FilterSupport.list(c)) {
                if (seen.add(key(Paths.get(o, path)))) {
                    out.add(o);
                }
            }
            return out;
        });
        r.register("diff", c -> byValue(c, false));
        r.register("intersect", c -> byValue(c, true));
        r.register("diff_assoc", c -> byKeyAndValue(c, false));
        r.register("intersect_assoc", c -> byKeyAndValue(c, true));
        r.register("merge", c -> merge(c, false));
        r.register("merge_recursive", c -> merge(c, true));
        r.register("index_by", c -> {
            String path = FilterSupport.textArg(c, 0, "");
            LinkedHashMap<String, Object> groups = Values.object();
            for (Object o : FilterSupport.list(c)) {
                String group = Values.toText(Paths.get(o, path));
                @SuppressWarnings("unchecked")
                List<Object> members = (List<Object>) groups.computeIfAbsent(group, k -> new ArrayList<>());
                members.add(o);
            }
            return groups;
        });
        r.alias("array_diff", "diff");
        r.alias("array_intersect", "intersect");
        r.alias("array_diff_assoc", "diff_assoc");
        r.alias("array_intersect_assoc", "intersect_assoc");
        r.alias("array_merge", "merge");
        r.alias("array_merge_recursive", "merge_recursive");
    }

    /** The text form two elements must share to be the same value. */
    static String key(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Boolean b) {
            return b ? "1" : "";
        }
        if (v instanceof BigDecimal d) {
            return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
        }
        if (v instanceof List<?> || v instanceof Map<?, ?>) {
            // A prefix no text starts with keeps ["a"] apart from the text "[\"a\"]".
            return "\u0000" + Json.write(v);
        }
        return v.toString();
    }

    /** The values of an array or object argument (null is empty). */
    private static Collection<?> values(FilterCall c, int i) {
        Object v = c.arg(i);
        if (v instanceof Map<?, ?> m) {
            return m.values();
        }
        return FilterSupport.listArg(c, i);
    }

    /** diff (keep = false) and intersect (keep = true) on values only. */
    private static Object byValue(FilterCall c, boolean keep) {
        Set<String> other = new HashSet<>();
        for (Object o : values(c, 0)) {
            other.add(key(o));
        }
        if (c.subject() instanceof Map<?, ?> m) {
            LinkedHashMap<String, Object> out = Values.object();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (other.contains(key(e.getValue())) == keep) {
                    out.put((String) e.getKey(), e.getValue());
                }
            }
            return out;
        }
        List<Object> out = new ArrayList<>();
        for (Object o : FilterSupport.list(c)) {
            if (other.contains(key(o)) == keep) {
                out.add(o);
            }
        }
        return out;
    }

    /**
     * diff_assoc and intersect_assoc: an entry matches when the other side has the same key
     * (array position or object key) holding the same value. An array subject gives an array.
     */
    private static Object byKeyAndValue(FilterCall c, boolean keep) {
        Map<String, Object> other = entries(c, c.arg(0), "argument 1");
        Map<String, Object> mine = entries(c, c.subject(), "its input");
        LinkedHashMap<String, Object> kept = Values.object();
        for (Map.Entry<String, Object> e : mine.entrySet()) {
            boolean match = other.containsKey(e.getKey()) && key(other.get(e.getKey())).equals(key(e.getValue()));
            if (match == keep) {
                kept.put(e.getKey(), e.getValue());
            }
        }
        return c.subject() instanceof Map<?, ?> ? kept : new ArrayList<>(kept.values());
    }

    /** An array or object as entries keyed by text (array positions become "0", "1", ...). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> entries(FilterCall c, Object v, String what) {
        if (v == null) {
            return Map.of();
        }
        if (v instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        if (v instanceof List<?> l) {
            LinkedHashMap<String, Object> out = new LinkedHashMap<>();
            for (int i = 0; i < l.size(); i++) {
                out.put(Integer.toString(i), l.get(i));
            }
            return out;
        }
        throw c.error("expects an array or object for " + what + ", got " + Values.typeName(v));
    }

    /**
     * merge: arrays are concatenated; objects are combined key by key, the argument winning.
     * merge_recursive follows PHP's array_merge_recursive: objects under the same key are
     * merged in turn, and any other pair of values under one key becomes an array of both.
     */
    private static Object merge(FilterCall c, boolean recursive) {
        Object a = c.subject();
        Object b = c.arg(0);
        if (a == null || b == null) {
            Object only = a == null ? b : a;
            if (only != null && !(only instanceof List<?>) && !(only instanceof Map<?, ?>)) {
                throw c.error("expects arrays or objects, got " + Values.typeName(only));
            }
            return only instanceof Map<?, ?> m ? Paths.copyOf(m) : new ArrayList<>(only == null ? List.of() : (List<?>) only);
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            List<Object> out = new ArrayList<>(x);
            out.addAll(y);
            return out;
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            return recursive ? mergeRecursive(x, y) : mergeFlat(x, y);
        }
        throw c.error("cannot merge " + article(a) + " with " + article(b));
    }

    private static String article(Object v) {
        String type = Values.typeName(v);
        return (type.equals("array") || type.equals("object") || type.equals("int") ? "an " : "a ") + type;
    }

    private static LinkedHashMap<String, Object> mergeFlat(Map<?, ?> a, Map<?, ?> b) {
        LinkedHashMap<String, Object> out = Paths.copyOf(a);
        for (Map.Entry<?, ?> e : b.entrySet()) {
            out.put((String) e.getKey(), e.getValue());
        }
        return out;
    }

    private static LinkedHashMap<String, Object> mergeRecursive(Map<?, ?> a, Map<?, ?> b) {
        LinkedHashMap<String, Object> out = Paths.copyOf(a);
        for (Map.Entry<?, ?> e : b.entrySet()) {
            String k = (String) e.getKey();
            Object theirs = e.getValue();
            if (!out.containsKey(k)) {
                out.put(k, theirs);
                continue;
            }
            Object ours = out.get(k);
            if (ours instanceof Map<?, ?> x && theirs instanceof Map<?, ?> y) {
                out.put(k, mergeRecursive(x, y));
            } else {
                List<Object> both = new ArrayList<>();
                addAsList(both, ours);
                addAsList(both, theirs);
                out.put(k, both);
            }
        }
        return out;
    }

    private static void addAsList(List<Object> into, Object v) {
        if (v instanceof List<?> l) {
            into.addAll(l);
        } else {
            into.add(v);
        }
    }
}
