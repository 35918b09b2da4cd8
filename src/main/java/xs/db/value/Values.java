package xs.db.value;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Equality, ordering, copying and index keys for the plain Java values the database stores:
 * null, Boolean, Long, BigDecimal, String, List and LinkedHashMap. Kept in one place so that a
 * scan and an index lookup can never disagree about what "equal" means.
 */
public final class Values {
    private Values() {
    }

    /**
     * Loose (PHP-like) equality: numbers compare numerically, also against numeric text; two
     * texts compare exactly; a boolean compares with the truthiness of the other side; null
     * equals only null.
     */
    public static boolean looseEquals(Object a, Object b) {
        if (a == null || b == null) return a == b;
        // fast paths for the common same-type cases; scans spend their time here
        if (a instanceof Long x && b instanceof Long y) return x.longValue() == y.longValue();
        if (a instanceof String x && b instanceof String y) return x.equals(y);
        if (a instanceof Boolean x) return x == truthy(b);
        if (b instanceof Boolean y) return y == truthy(a);
        if (a instanceof Number || b instanceof Number) {
            BigDecimal x = toNumber(a), y = toNumber(b);
            return x != null && y != null && x.compareTo(y) == 0;
        }
        if (a instanceof String x && b instanceof String y) return x.equals(y);
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) return false;
            for (int i = 0; i < x.size(); i++) if (!looseEquals(x.get(i), y.get(i))) return false;
            return true;
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (x.size() != y.size()) return false;
            for (Map.Entry<?, ?> e : x.entrySet()) {
                if (!y.containsKey(e.getKey()) || !looseEquals(e.getValue(), y.get(e.getKey()))) return false;
            }
            return true;
        }
        return false;
    }

    /** Strict equality: same kind of value (int, decimal, text, bool, list, object) and equal. */
    public static boolean strictEquals(Object a, Object b) {
        if (a == null || b == null) return a == b;
        a = normalize(a);
        b = normalize(b);
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) return x.compareTo(y) == 0;
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) return false;
            for (int i = 0; i < x.size(); i++) if (!strictEquals(x.get(i), y.get(i))) return false;
            return true;
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (x.size() != y.size()) return false;
            for (Map.Entry<?, ?> e : x.entrySet()) {
                if (!y.containsKey(e.getKey()) || !strictEquals(e.getValue(), y.get(e.getKey()))) return false;
            }
            return true;
        }
        return a.getClass() == b.getClass() && a.equals(b);
    }

    /**
     * Ordering for {@code > >= < <=} and between: numbers (and numeric text against numbers)
     * numerically, texts lexicographically, false before true. Null when the two cannot be
     * ordered, which makes every ordering comparison false.
     */
    public static Integer compare(Object a, Object b) {
        if (a == null || b == null) return null;
        if (a instanceof Long x && b instanceof Long y) return Long.compare(x, y);
        if (a instanceof Number || b instanceof Number) {
            BigDecimal x = toNumber(a), y = toNumber(b);
            return x == null || y == null ? null : x.compareTo(y);
        }
        if (a instanceof String x && b instanceof String y) return x.compareTo(y);
        if (a instanceof Boolean x && b instanceof Boolean y) return Boolean.compare(x, y);
        return null;
    }

    /** Total order for sorting: nulls after everything, then numbers, texts, booleans, others. */
    public static int sortCompare(Object a, Object b) {
        if (a == null || b == null) return a == null ? (b == null ? 0 : 1) : -1;
        int ra = sortRank(a), rb = sortRank(b);
        if (ra != rb) return Integer.compare(ra, rb);
        Integer c = compare(a, b);
        return c == null ? 0 : c;
    }

    private static int sortRank(Object v) {
        if (v instanceof Number) return 0;
        if (v instanceof String) return 1;
        if (v instanceof Boolean) return 2;
        return 3;
    }

    /** PHP-like truthiness: null, false, 0, "", "0", empty list or object are false. */
    public static boolean truthy(Object v) {
        if (v == null) return false;
        if (v instanceof Boolean b) return b;
        if (v instanceof Number) {
            BigDecimal n = toNumber(v);
            return n != null && n.signum() != 0;
        }
        if (v instanceof String s) return !s.isEmpty() && !s.equals("0");
        if (v instanceof List<?> l) return !l.isEmpty();
        if (v instanceof Map<?, ?> m) return !m.isEmpty();
        return true;
    }

    /** A number, or numeric text, as a BigDecimal; null for anything else. */
    public static BigDecimal toNumber(Object v) {
        if (v instanceof Long l) return BigDecimal.valueOf(l);
        if (v instanceof BigDecimal d) return d;
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) return BigDecimal.valueOf(((Number) v).longValue());
        if (v instanceof BigInteger i) return new BigDecimal(i);
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
        }
        if (v instanceof String s) return parseNumber(s);
        return null;
    }

    public static BigDecimal parseNumber(String s) {
        String t = s.trim();
        if (t.isEmpty() || t.length() > 400) return null;
        char c = t.charAt(t.length() - 1);
        if (!Character.isDigit(c) && c != '.') return null;
        try {
            return new BigDecimal(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Integral numbers become Long, other numbers BigDecimal; Integer/Double from callers are tolerated. */
    public static Object normalize(Object v) {
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) return ((Number) v).longValue();
        if (v instanceof Double || v instanceof Float || v instanceof BigInteger) return toNumber(v);
        return v;
    }

    /**
     * The hash key of a value in an index: numbers collapse to one representation (5, 5.0 and
     * 5.00 share a key), lists and objects recurse. Two values with equal keys are the same
     * for unique indexes; lookups always re-check the full condition on the rows found.
     */
    public static Object indexKey(Object v) {
        if (v == null || v instanceof String || v instanceof Boolean || v instanceof Long) return v;
        if (v instanceof Number) {
            BigDecimal d = toNumber(v);
            if (d == null) return v;
            if (d.signum() == 0) return 0L;
            BigDecimal s = d.stripTrailingZeros();
            if (s.scale() <= 0 && s.precision() - s.scale() <= 18) return s.longValueExact();
            return s;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object e : l) out.add(indexKey(e));
            return out;
        }
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> out = new HashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) out.put(e.getKey(), indexKey(e.getValue()));
            return out;
        }
        return v;
    }

    /** A deep copy of lists and objects, so neither callers nor the store can change the other's data. */
    public static Object copy(Object v) {
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object e : l) out.add(copy(e));
            return out;
        }
        if (v instanceof Map<?, ?> m) {
            LinkedHashMap<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) out.put(String.valueOf(e.getKey()), copy(e.getValue()));
            return out;
        }
        return normalize(v);
    }

    /** Text form used by text coercion and text operators: numbers plainly, others via toString. */
    public static String text(Object v) {
        if (v == null) return null;
        if (v instanceof String s) return s;
        if (v instanceof BigDecimal d) return d.toPlainString();
        return String.valueOf(normalize(v));
    }

    /** How a value is quoted in error messages. */
    public static String describe(Object v) {
        if (v == null) return "null";
        if (v instanceof String s) return '"' + s + '"';
        if (v instanceof BigDecimal d) return d.toPlainString();
        return String.valueOf(v);
    }
}
