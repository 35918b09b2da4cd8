package xs.interp.filters;

import java.util.ArrayList;
import java.util.List;
import xs.interp.Values;

/**
 * Filters whose argument is an expression evaluated once per element, with {@code $$} (or
 * {@code $this}) the element, {@code $index} its position and {@code $parent} the array:
 * {@code $orders|filter:$$.status == "paid"|map:$$.total|reduce:$$ + $result:0}.
 * The {@code lambda_*} forms, which take JavaScript, are {@link LambdaFilters}.
 */
final class HigherOrderFilters {
    private HigherOrderFilters() {
    }

    static void register(FilterRegistry r) {
        r.register("map", HigherOrderFilters::map);
        r.register("filter", c -> {
            List<Object> l = FilterSupport.list(c);
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < l.size(); i++) {
                if (Values.truthy(c.eachArg(0, l.get(i), i, l))) {
                    out.add(l.get(i));
                }
            }
            return out;
        });
        r.register("some", c -> firstMatch(c) >= 0);
        r.register("every", c -> {
            List<Object> l = FilterSupport.list(c);
            for (int i = 0; i < l.size(); i++) {
                if (!Values.truthy(c.eachArg(0, l.get(i), i, l))) {
                    return false;
                }
            }
            return true;
        });
        r.register("find", c -> {
            int at = firstMatch(c);
            return at < 0 ? null : FilterSupport.list(c).get(at);
        });
        r.register("findIndex", c -> (long) firstMatch(c));
        r.register("reduce", c -> {
            List<Object> l = FilterSupport.list(c);
            Object result = c.hasArg(1) ? c.arg(1) : 0L;
            for (int i = 0; i < l.size(); i++) {
                result = c.reduceArg(0, l.get(i), i, l, result);
            }
            return result;
        });
    }

    /**
     * map:expr gives the expression's value for each element. A constant text argument
     * ({@code map:"rating"}, seen in real exports) plucks that path from each element.
     */
    private static Object map(FilterCall c) {
        List<Object> l = FilterSupport.list(c);
        List<Object> out = new ArrayList<>(l.size());
        if (c.argIsConstant(0) && c.arg(0) instanceof String path) {
            for (Object o : l) {
                out.add(Paths.get(o, path));
            }
            return out;
        }
        for (int i = 0; i < l.size(); i++) {
            out.add(c.eachArg(0, l.get(i), i, l));
        }
        return out;
    }

    /** The position of the first element for which the expression is truthy, or -1. */
    private static int firstMatch(FilterCall c) {
        List<Object> l = FilterSupport.list(c);
        for (int i = 0; i < l.size(); i++) {
            if (Values.truthy(c.eachArg(0, l.get(i), i, l))) {
                return i;
            }
        }
        return -1;
    }
}
