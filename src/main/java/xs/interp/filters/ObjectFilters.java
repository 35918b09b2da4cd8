package xs.interp.filters;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import xs.interp.Values;

/**
 * The object filters of reference §8: {@code $user|get:"profile.name":"anonymous"},
 * {@code {}|set:"a.b":1|set:"c":2}. Paths are dot-separated and may index arrays
 * ({@code "items.0.id"}). Writes return a new value and leave the subject as it was.
 */
final class ObjectFilters {
    private ObjectFilters() {
    }

    static void register(FilterRegistry r) {
        registerPaths(r);
        registerShape(r);
        r.register("first_notnull", c -> c.subject() != null ? c.subject() : c.arg(0));
        r.register("first_notempty", c -> !Values.isEmpty(c.subject()) ? c.subject() : c.arg(0));
        r.register("transform", c -> c.eachArg(0, c.subject(), 0, c.subject()));
    }

    private static void registerPaths(FilterRegistry r) {
        // A missing path and a null stored there both give the default: get:"k":0 reads "k or 0".
        r.register("get", c -> {
            Object v = Paths.find(c.subject(), path(c));
            return v == Paths.MISSING || v == null ? c.arg(1) : v;
        });
        r.register("has", c -> Paths.find(c.subject(), path(c)) != Paths.MISSING);
        r.register("set", c -> setIf(c, (value, cond) -> true));
        r.register("set_conditional", c -> setIf(c, (value, cond) -> Values.truthy(cond)));
        r.register("set_ifnotempty", c -> setIf(c, (value, cond) -> !Values.isEmpty(value)));
        r.register("set_ifnotnull", c -> setIf(c, (value, cond) -> value != null));
        r.register("unset", c -> {
            Object subject = container(c);
            Object out = Paths.unset(subject, path(c));
            return out == subject ? fresh(subject) : out;
        });
    }

    private static String path(FilterCall c) {
        return FilterSupport.textArg(c, 0, "");
    }

    /** set:path:value and its conditional forms; the condition, when there is one, is argument 3. */
    private static Object setIf(FilterCall c, BiPredicate<Object, Object> when) {
        Object subject = container(c);
        Object value = c.arg(1);
        if (!when.test(value, c.arg(2))) {
            return fresh(subject);
        }
        return Paths.set(c, subject, path(c), value);
    }

    /** The subject, which must be an object, an array or null (an empty object to write into). */
    private static Object container(FilterCall c) {
        Object v = c.subject();
        if (v != null && !(v instanceof Map<?, ?>) && !(v instanceof List<?>)) {
            throw c.error("expects an object or array, got " + Values.typeName(v));
        }
        return v;
    }

    /** A new top-level container with the same contents, so the caller never holds the subject. */
    private static Object fresh(Object v) {
        if (v instanceof Map<?, ?> m) {
            return Paths.copyOf(m);
        }
        return v instanceof List<?> l ? new ArrayList<>(l) : v;
    }

    private static void registerShape(FilterRegistry r) {
        r.register("keys", c -> {
            List<Object> out = new ArrayList<>();
            if (container(c) instanceof Map<?, ?> m) {
                out.addAll(m.keySet());
            } else {
                for (long i = 0; i < FilterSupport.list(c).size(); i++) {
                    out.add(i);
                }
            }
            return out;
        });
        r.register("values", c -> container(c) instanceof Map<?, ?> m
            ? new ArrayList<>(m.values()) : new ArrayList<>(FilterSupport.list(c)));
        r.register("entries", c -> {
            List<Object> out = new ArrayList<>();
            if (container(c) instanceof Map<?, ?> m) {
                m.forEach((k, v) -> out.add(entry(k, v)));
            } else {
                List<Object> l = FilterSupport.list(c);
                for (int i = 0; i < l.size(); i++) {
                    out.add(entry((long) i, l.get(i)));
                }
            }
            return out;
        });
        r.register("create_object", ObjectFilters::createObject);
        r.register("create_object_from_entries", ObjectFilters::fromEntries);
        r.register("pick", c -> pick(c, true));
        r.register("unpick", c -> pick(c, false));
        r.alias("array_keys", "keys");
        r.alias("array_values", "values");
        r.alias("array_entries", "entries");
    }

    private static Map<String, Object> entry(Object key, Object value) {
        LinkedHashMap<String, Object> e = Values.object();
        e.put("key", key);
        e.put("value", value);
        return e;
    }

    /** {@code ["a","b"]|create_object:[1,2]} is {a:1, b:2}. */
    private static Object createObject(FilterCall c) {
        List<Object> keys = FilterSupport.list(c);
        List<Object> values = FilterSupport.listArg(c, 0);
        if (keys.size() != values.size()) {
            throw c.error("needs as many values as keys, got " + keys.size() + " keys and " + values.size() + " values");
        }
        LinkedHashMap<String, Object> out = Values.object();
        for (int i = 0; i < keys.size(); i++) {
            out.put(Values.toText(keys.get(i)), values.get(i));
        }
        return out;
    }

    /** The inverse of entries; [key, value] pairs are accepted too. */
    private static Object fromEntries(FilterCall c) {
        LinkedHashMap<String, Object> out = Values.object();
        for (Object o : FilterSupport.list(c)) {
            if (o instanceof Map<?, ?> m && m.containsKey("key")) {
                out.put(Values.toText(m.get("key")), m.get("value"));
            } else if (o instanceof List<?> pair && pair.size() == 2) {
                out.put(Values.toText(pair.get(0)), pair.get(1));
            } else {
                throw c.error("expects entries like {key, value}, got " + Values.typeName(o));
            }
        }
        return out;
    }

    /** pick:[keys] keeps only those keys, unpick:[keys] drops them; "a,b" text works as a list. */
    private static Object pick(FilterCall c, boolean keep) {
        Set<String> keys = new HashSet<>();
        Object arg = c.arg(0);
        if (arg instanceof String s) {
            for (String k : s.split(",")) {
                keys.add(k.trim());
            }
        } else {
            for (Object k : FilterSupport.listArg(c, 0)) {
                keys.add(Values.toText(k));
            }
        }
        LinkedHashMap<String, Object> out = Values.object();
        for (Map.Entry<String, Object> e : FilterSupport.object(c).entrySet()) {
            if (keys.contains(e.getKey()) == keep) {
                out.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }
}
