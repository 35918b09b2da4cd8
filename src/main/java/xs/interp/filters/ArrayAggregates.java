package xs.interp.filters;

import java.util.List;
import java.util.Map;
import xs.interp.Values;

/**
 * Arithmetic over a whole array: {@code $prices|sum}, {@code avg}, {@code product},
 * {@code array_min}, {@code array_max}. Elements are numbers or numeric text; null counts
 * as 0. The sum of nothing is 0 and the product of nothing 1; the average, minimum and
 * maximum of nothing are null.
 */
final class ArrayAggregates {
    private ArrayAggregates() {
    }

    static void register(FilterRegistry r) {
        r.register("sum", ArrayAggregates::sum);
        r.register("product", c -> {
            Object total = 1L;
            for (Object o : FilterSupport.list(c)) {
                total = Arithmetic.multiply(total, element(c, o));
            }
            return total;
        });
        r.register("avg", c -> {
            List<Object> l = FilterSupport.list(c);
            return l.isEmpty() ? null : Arithmetic.divide(c, sum(c), (long) l.size());
        });
        r.register("array_min", c -> extreme(c, -1));
        r.register("array_max", c -> extreme(c, 1));
    }

    private static Object sum(FilterCall c) {
        Object total = 0L;
        for (Object o : FilterSupport.list(c)) {
            total = Arithmetic.add(total, element(c, o));
        }
        return total;
    }

    /** The smallest (sign -1) or largest (sign 1) element, compared as the {@code <} operator does. */
    private static Object extreme(FilterCall c, int sign) {
        Object best = null;
        boolean first = true;
        for (Object o : FilterSupport.list(c)) {
            if (first || Integer.signum(Values.compare(o, best)) == sign) {
                best = o;
                first = false;
            }
        }
        return best;
    }

    private static Object element(FilterCall c, Object v) {
        Object n = Values.number(v);
        if (n == null || v instanceof List<?> || v instanceof Map<?, ?>) {
            throw c.error("expects an array of numbers, found " + Values.typeName(v)
                + (v instanceof String s ? " \"" + FilterSupport.abbreviate(s) + "\"" : ""));
        }
        return n;
    }
}
