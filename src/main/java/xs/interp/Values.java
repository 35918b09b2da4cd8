package xs.interp;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place that knows what XanoScript values are and how they mix: truthiness, loose and
 * strict equality, ordering, arithmetic and conversion. Values are null, Boolean, Long,
 * BigDecimal, String, List (array) and LinkedHashMap (object); timestamps are epoch-ms Longs.
 * The rules are PHP-flavoured, as in the Xano engine: {@code 1 == "1"}, {@code "0"} is falsy.
 */
public final class Values {
    /** Decimal division keeps 16 significant digits, like a double, without its binary noise. */
    public static final MathContext DIVISION = MathContext.DECIMAL64;

    private Values() {
    }

    // ---- types ----------------------------------------------------------------------------

    /** The XanoScript name of a value's type, as error messages say it. */
    public static String typeName(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Boolean) {
            return "bool";
        }
        if (v instanceof Long || v instanceof Integer) {
            return "int";
        }
        if (v instanceof BigDecimal || v instanceof Double) {
            return "decimal";
        }
        if (v instanceof String) {
            return "text";
        }
        if (v instanceof List<?>) {
            return "array";
        }
        if (v instanceof Map<?, ?>) {
            return "object";
        }
        return v.getClass().getSimpleName();
    }

    public static boolean isNumber(Object v) {
        return v instanceof Long || v instanceof BigDecimal;
    }

    // ---- truthiness and equality ----------------------------------------------------------

    /** Falsy: null, false, 0, 0.0, "", "0", [] and {}. Everything else is truthy. */
    public static boolean truthy(Object v) {
        if (v == null) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Long l) {
            return l != 0;
        }
        if (v instanceof BigDecimal d) {
            return d.signum() != 0;
        }
        if (v instanceof String s) {
            return !s.isEmpty() && !s.equals("0");
        }
        if (v instanceof List<?> l) {
            return !l.isEmpty();
        }
        if (v instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        return true;
    }

    /** "Empty" in the sense of is_empty and the filter_empty family: the falsy values. */
    public static boolean isEmpty(Object v) {
        return !truthy(v);
    }

    /** {@code ==}: numbers by value across int/decimal/numeric text, booleans by truthiness. */
    public static boolean looseEquals(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return x.longValue() == y.longValue();
        }
        if (a == null || b == null) {
            // null equals the other "nothing" values: false, 0, "", [] and {} (but not "0").
            Object other = a == null ? b : a;
            return other == null || (other instanceof String s ? s.isEmpty() : !truthy(other));
        }
        if (a instanceof Boolean || b instanceof Boolean) {
            return truthy(a) == truthy(b);
        }
        if (isNumber(a) || isNumber(b)) {
            BigDecimal x = numericOrNull(a);
            BigDecimal y = numericOrNull(b);
            if (x != null && y != null) {
                return x.compareTo(y) == 0;
            }
            return false;
        }
        if (a instanceof String x && b instanceof String y) {
            // Two numeric texts compare as numbers, as in PHP: "1" == "01", "1e3" == "1000".
            BigDecimal nx = numericText(x);
            BigDecimal ny = nx == null ? null : numericText(y);
            return ny != null ? nx.compareTo(ny) == 0 : x.equals(y);
        }
        if (a instanceof List<?> || a instanceof Map<?, ?>) {
            return sameShape(a, b, Values::looseEquals);
        }
        return false;
    }

    /** {@code ===}: same type and same value (1 and 1.0 differ, "1" and 1 differ). */
    public static boolean strictEquals(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        if (a instanceof List<?> || a instanceof Map<?, ?>) {
            return sameShape(a, b, Values::strictEquals);
        }
        return a.getClass() == b.getClass() && a.equals(b);
    }

    /**
     * Whether two arrays (or two objects) have the same length (keys) and elements that are
     * equal by {@code same}; false for anything else. Key order does not matter.
     */
    public static boolean sameShape(Object a, Object b, java.util.function.BiPredicate<Object, Object> same) {
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!same.test(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (Map.Entry<?, ?> e : x.entrySet()) {
                if (!y.containsKey(e.getKey()) || !same.test(e.getValue(), y.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /**
     * Ordering for {@code < > <= >=} and sorting: numbers (and numeric text) by value, text by
     * code point, booleans false before true, null before everything.
     */
    public static int compare(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return Long.compare(x, y);
        }
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        if (isNumber(a) || isNumber(b)) {
            BigDecimal x = numericOrNull(a);
            BigDecimal y = numericOrNull(b);
            if (x != null && y != null) {
                return x.compareTo(y);
            }
        }
        if (a instanceof Boolean || b instanceof Boolean) {
            return Boolean.compare(truthy(a), truthy(b));
        }
        if (a instanceof String x && b instanceof String y) {
            BigDecimal nx = numericText(x);
            BigDecimal ny = nx == null ? null : numericText(y);
            return ny != null ? nx.compareTo(ny) : x.compareTo(y);
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            return Integer.compare(x.size(), y.size());
        }
        return toText(a).compareTo(toText(b));
    }

    // ---- numbers --------------------------------------------------------------------------

    /** The value as a number if it is one or numeric text; null otherwise. */
    public static BigDecimal numericOrNull(Object v) {
        if (v instanceof Long l) {
            return BigDecimal.valueOf(l);
        }
        if (v instanceof BigDecimal d) {
            return d;
        }
        if (v instanceof Boolean b) {
            return b ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        if (v == null) {
            return BigDecimal.ZERO;
        }
        if (v instanceof String s) {
            String t = s.trim();
            if (t.isEmpty() || !looksNumeric(t)) {
                return null;
            }
            try {
                return new BigDecimal(t);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** Text that is a number ("12", " 1.5", "-3", "1e3"), as a number; null for any other text. */
    private static BigDecimal numericText(String s) {
        return s.isEmpty() ? null : numericOrNull(s);
    }

    private static boolean looksNumeric(String t) {
        char c = t.charAt(0);
        return Character.isDigit(c) || ((c == '-' || c == '+' || c == '.') && t.length() > 1);
    }

    /**
     * The value as a number for arithmetic: Long when integral text or int, BigDecimal when
     * decimal; null counts as 0. Returns null when it is not a number at all.
     */
    public static Object number(Object v) {
        if (v instanceof Long || v instanceof BigDecimal) {
            return v;
        }
        if (v == null) {
            return 0L;
        }
        if (v instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        BigDecimal d = numericOrNull(v);
        if (d == null) {
            return null;
        }
        return integral(d);
    }

    /** A BigDecimal that holds a whole number becomes a Long when it fits, for text like "5". */
    private static Object integral(BigDecimal d) {
        if (d.scale() <= 0) {
            try {
                return d.longValueExact();
            } catch (ArithmeticException e) {
                return d;
            }
        }
        return d;
    }

    /** Normalises a computed decimal: no trailing zeros, but always at least one decimal place. */
    public static BigDecimal decimal(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        return s.scale() < 1 ? s.setScale(1, RoundingMode.UNNECESSARY) : s;
    }

    public static BigDecimal toBigDecimal(Object number) {
        return number instanceof Long l ? BigDecimal.valueOf(l) : (BigDecimal) number;
    }

    // ---- conversion -----------------------------------------------------------------------

    /** The value as text: what {@code ~} and to_text produce. Arrays and objects become JSON. */
    public static String toText(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof List<?> || v instanceof Map<?, ?>) {
            return Json.write(v);
        }
        return v.toString();
    }

    /**
     * Converts anything that came from outside (Jackson, Java code) into script values:
     * Integer to Long, Double to BigDecimal, any Map to LinkedHashMap, arrays to lists.
     */
    public static Object normalize(Object v) {
        if (v == null || v instanceof String || v instanceof Long || v instanceof Boolean) {
            return v;
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof BigDecimal d) {
            return d;
        }
        if (v instanceof BigInteger b) {
            return b.bitLength() < 64 ? (Object) b.longValue() : new BigDecimal(b);
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return null;
            }
            return new BigDecimal(Double.toString(d));
        }
        if (v instanceof Map<?, ?> m) {
            LinkedHashMap<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                out.put(String.valueOf(e.getKey()), normalize(e.getValue()));
            }
            return out;
        }
        if (v instanceof Iterable<?> it) {
            List<Object> out = new ArrayList<>();
            for (Iterator<?> i = it.iterator(); i.hasNext(); ) {
                out.add(normalize(i.next()));
            }
            return out;
        }
        if (v instanceof Object[] arr) {
            List<Object> out = new ArrayList<>(arr.length);
            for (Object o : arr) {
                out.add(normalize(o));
            }
            return out;
        }
        return v.toString();
    }

    /** A deep copy, so that values stored in variables are never shared by accident. */
    @SuppressWarnings("unchecked")
    public static Object copy(Object v) {
        if (v instanceof Map<?, ?> m) {
            LinkedHashMap<String, Object> out = new LinkedHashMap<>(Math.max(4, m.size() * 2));
            for (Map.Entry<?, ?> e : m.entrySet()) {
                out.put((String) e.getKey(), copy(e.getValue()));
            }
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object o : l) {
                out.add(copy(o));
            }
            return out;
        }
        return v;
    }

    /** A new, empty, ordered object. */
    public static LinkedHashMap<String, Object> object() {
        return new LinkedHashMap<>();
    }
}
