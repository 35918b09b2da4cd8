package xs.db.value;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import xs.db.DbException;
import xs.db.Op;

/** What each where-clause operator means for two values. */
public final class Comparisons {
    private Comparisons() {
    }

    /**
     * @param pattern the compiled right side for LIKE and REGEX operators when it is a constant,
     *                else null (then it is compiled here)
     */
    public static boolean test(Op op, Object a, Object b, Pattern pattern) {
        return switch (op) {
            case EQ -> Values.looseEquals(a, b);
            case NE -> !Values.looseEquals(a, b);
            case STRICT_EQ -> Values.strictEquals(a, b);
            case STRICT_NE -> !Values.strictEquals(a, b);
            case GT -> ordered(a, b, c -> c > 0);
            case GE -> ordered(a, b, c -> c >= 0);
            case LT -> ordered(a, b, c -> c < 0);
            case LE -> ordered(a, b, c -> c <= 0);
            case IN -> in(a, b);
            case NOT_IN -> !in(a, b);
            case CONTAINS -> contains(a, b);
            case NOT_CONTAINS -> !contains(a, b);
            case INCLUDES -> includes(a, b);
            case NOT_INCLUDES -> !includes(a, b);
            case LIKE, ILIKE -> matches(op, a, b, pattern);
            case NOT_LIKE, NOT_ILIKE -> !matches(op, a, b, pattern);
            case REGEX -> matches(op, a, b, pattern);
            case NOT_REGEX -> !matches(op, a, b, pattern);
            case OVERLAPS -> overlaps(a, b);
            case NOT_OVERLAPS -> !overlaps(a, b);
            case JSON_CONTAINS -> jsonContains(a, b);
        };
    }

    /** The compiled pattern of a constant right side, or null when the operator takes none. */
    public static Pattern pattern(Op op, Object b) {
        if (b == null) return null;
        return switch (op) {
            case LIKE, NOT_LIKE -> Patterns.like(Values.text(b), false);
            case ILIKE, NOT_ILIKE -> Patterns.like(Values.text(b), true);
            case REGEX, NOT_REGEX -> Patterns.regex(Values.text(b));
            default -> null;
        };
    }

    public static boolean between(Object v, Object low, Object high) {
        Integer lo = Values.compare(v, low), hi = Values.compare(v, high);
        return lo != null && hi != null && lo >= 0 && hi <= 0;
    }

    private interface IntTest {
        boolean test(int c);
    }

    private static boolean ordered(Object a, Object b, IntTest test) {
        Integer c = Values.compare(a, b);
        return c != null && test.test(c);
    }

    private static boolean in(Object a, Object b) {
        if (b == null) return false;
        if (!(b instanceof List<?> list)) {
            throw new DbException(DbException.Kind.BAD_QUERY, "the right side of in must be a list, got " + Values.describe(b));
        }
        for (Object e : list) if (Values.looseEquals(a, e)) return true;
        return false;
    }

    private static boolean contains(Object a, Object b) {
        if (a instanceof List<?> list) {
            for (Object e : list) if (Values.looseEquals(e, b)) return true;
            return false;
        }
        if (a instanceof Map<?, ?> m) return b != null && m.containsKey(Values.text(b));
        if (a == null || b == null || b instanceof List || b instanceof Map) return false;
        return Values.text(a).contains(Values.text(b));
    }

    private static boolean includes(Object a, Object b) {
        if (a == null || b == null || b instanceof List || b instanceof Map) return false;
        String needle = Values.text(b).toLowerCase(Locale.ROOT);
        if (a instanceof List<?> list) {
            for (Object e : list) {
                if (e instanceof String s && s.toLowerCase(Locale.ROOT).contains(needle)) return true;
            }
            return false;
        }
        if (a instanceof Map) return false;
        return Values.text(a).toLowerCase(Locale.ROOT).contains(needle);
    }

    private static boolean matches(Op op, Object a, Object b, Pattern pattern) {
        if (a == null || b == null || a instanceof List || a instanceof Map) return false;
        Pattern p = pattern != null ? pattern : pattern(op, b);
        String text = Values.text(a);
        return op == Op.REGEX || op == Op.NOT_REGEX ? p.matcher(text).find() : p.matcher(text).matches();
    }

    private static boolean overlaps(Object a, Object b) {
        if (!(a instanceof List<?> x) || !(b instanceof List<?> y)) return false;
        for (Object e : x) {
            for (Object f : y) if (Values.looseEquals(e, f)) return true;
        }
        return false;
    }

    /** Postgres {@code @>}: objects contain sub-objects, arrays contain every element of the right array (or the scalar). */
    public static boolean jsonContains(Object a, Object b) {
        if (a instanceof Map<?, ?> x) {
            if (!(b instanceof Map<?, ?> y)) return false;
            for (Map.Entry<?, ?> e : y.entrySet()) {
                if (!x.containsKey(e.getKey()) || !jsonContains(x.get(e.getKey()), e.getValue())) return false;
            }
            return true;
        }
        if (a instanceof List<?> x) {
            if (b instanceof List<?> y) {
                for (Object want : y) {
                    boolean found = false;
                    for (Object have : x) {
                        if (jsonContains(have, want)) {
                            found = true;
                            break;
                        }
                    }
                    if (!found) return false;
                }
                return true;
            }
            if (b instanceof Map) return false;
            for (Object have : x) if (Values.looseEquals(have, b)) return true;
            return false;
        }
        if (b instanceof List || b instanceof Map) return false;
        return Values.looseEquals(a, b);
    }
}
