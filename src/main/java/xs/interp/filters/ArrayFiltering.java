package xs.interp.filters;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import xs.interp.Values;

/**
 * The filter_* family, which drops one kind of "nothing" from an array:
 * {@code $tags|filter_empty_text}, {@code $rows|filter_empty:"email"}. On an object subject
 * the matching entries are dropped and the other keys kept.
 */
final class ArrayFiltering {
    private ArrayFiltering() {
    }

    static void register(FilterRegistry r) {
        r.register("filter_empty", c -> {
            String path = FilterSupport.textArg(c, 0, "");
            return drop(c, v -> Values.isEmpty(Paths.get(v, path)));
        });
        r.register("filter_empty_text", c -> drop(c, v -> v instanceof String s && s.isEmpty()));
        r.register("filter_empty_array", c -> drop(c, v -> v instanceof List<?> l && l.isEmpty()));
        r.register("filter_empty_object", c -> drop(c, v -> v instanceof Map<?, ?> m && m.isEmpty()));
        r.register("filter_null", c -> drop(c, v -> v == null));
        r.register("filter_zero", c -> drop(c, v -> v instanceof Long l ? l == 0
            : v instanceof BigDecimal d && d.signum() == 0));
        r.register("filter_false", c -> drop(c, v -> Boolean.FALSE.equals(v)));
    }

    private static Object drop(FilterCall c, Predicate<Object> unwanted) {
        if (c.subject() instanceof Map<?, ?> m) {
            LinkedHashMap<String, Object> out = Values.object();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!unwanted.test(e.getValue())) {
                    out.put((String) e.getKey(), e.getValue());
                }
            }
            return out;
        }
        List<Object> out = new ArrayList<>();
        for (Object o : FilterSupport.list(c)) {
            if (!unwanted.test(o)) {
                out.add(o);
            }
        }
        return out;
    }
}
