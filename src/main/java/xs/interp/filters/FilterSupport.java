package xs.interp.filters;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import xs.interp.Values;

/**
 * Typed access to a filter's subject and arguments. A value of the wrong type fails with a
 * message that names the filter, what it expects and the type it got:
 * {@code filter 'split' expects text, got array}.
 */
final class FilterSupport {
    private FilterSupport() {
    }

    /** The subject as text; numbers and booleans are converted, null is "". */
    static String text(FilterCall c) {
        return textOf(c, c.subject(), "its input");
    }

    static String textArg(FilterCall c, int i) {
        return textOf(c, c.arg(i), "argument " + (i + 1));
    }

    static String textArg(FilterCall c, int i, String fallback) {
        return c.hasArg(i) ? textArg(c, i) : fallback;
    }

    private static String textOf(FilterCall c, Object v, String what) {
        if (v instanceof List<?> || v instanceof Map<?, ?>) {
            throw c.error("expects text for " + what + ", got " + Values.typeName(v));
        }
        return Values.toText(v);
    }

    /** The subject as an array; null counts as an empty array. */
    @SuppressWarnings("unchecked")
    static List<Object> list(FilterCall c) {
        Object v = c.subject();
        if (v == null) {
            return List.of();
        }
        if (v instanceof List<?> l) {
            return (List<Object>) l;
        }
        throw c.error("expects an array, got " + Values.typeName(v));
    }

    @SuppressWarnings("unchecked")
    static List<Object> listArg(FilterCall c, int i) {
        Object v = c.arg(i);
        if (v == null) {
            return List.of();
        }
        if (v instanceof List<?> l) {
            return (List<Object>) l;
        }
        throw c.error("expects an array for argument " + (i + 1) + ", got " + Values.typeName(v));
    }

    /** The subject as an object; null counts as an empty object. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> object(FilterCall c) {
        Object v = c.subject();
        if (v == null) {
            return Map.of();
        }
        if (v instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw c.error("expects an object, got " + Values.typeName(v));
    }

    /** The subject as a number (Long or BigDecimal); numeric text is accepted, null is 0. */
    static Object number(FilterCall c) {
        return numberOf(c, c.subject(), "its input");
    }

    static Object numberArg(FilterCall c, int i) {
        return numberOf(c, c.arg(i), "argument " + (i + 1));
    }

    private static Object numberOf(FilterCall c, Object v, String what) {
        Object n = Values.number(v);
        if (n == null || v instanceof List<?> || v instanceof Map<?, ?>) {
            throw c.error("expects a number for " + what + ", got " + Values.typeName(v)
                + (v instanceof String s ? " \"" + abbreviate(s) + "\"" : ""));
        }
        return n;
    }

    static BigDecimal decimalArg(FilterCall c, int i) {
        return Values.toBigDecimal(numberArg(c, i));
    }

    static long intArg(FilterCall c, int i) {
        Object n = numberArg(c, i);
        return n instanceof Long l ? l : ((BigDecimal) n).longValue();
    }

    static long intArg(FilterCall c, int i, long fallback) {
        return c.hasArg(i) && c.arg(i) != null ? intArg(c, i) : fallback;
    }

    static String abbreviate(String s) {
        return s.length() > 30 ? s.substring(0, 27) + "..." : s;
    }
}
