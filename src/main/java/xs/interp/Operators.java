package xs.interp;

import java.math.BigDecimal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What the binary operators compute: arithmetic (int stays int until it must become decimal),
 * {@code ~}, comparisons and the where-clause operators when used outside a query.
 * Each failure says which operator and which types met.
 */
public final class Operators {
    /** A range longer than this is refused instead of filling the heap. */
    static final long MAX_RANGE = 10_000_000L;

    private Operators() {
    }

    public static Object add(Object a, Object b) {
        return exact(a, b, "+", Math::addExact, BigDecimal::add);
    }

    public static Object subtract(Object a, Object b) {
        return exact(a, b, "-", Math::subtractExact, BigDecimal::subtract);
    }

    public static Object multiply(Object a, Object b) {
        return exact(a, b, "*", Math::multiplyExact, BigDecimal::multiply);
    }

    /**
     * An operation that stays an int while both sides are ints and the result fits, and is
     * otherwise done in decimal: ints never overflow silently.
     */
    private static Object exact(Object a, Object b, String op, java.util.function.LongBinaryOperator ints,
                                java.util.function.BinaryOperator<BigDecimal> decimals) {
        Object x = operand(a, op, a, b);
        Object y = operand(b, op, a, b);
        if (x instanceof Long l && y instanceof Long r) {
            try {
                return ints.applyAsLong(l, r);
            } catch (ArithmeticException e) {
                return Values.decimal(decimals.apply(BigDecimal.valueOf(l), BigDecimal.valueOf(r)));
            }
        }
        return Values.decimal(decimals.apply(Values.toBigDecimal(x), Values.toBigDecimal(y)));
    }

    public static Object divide(Object a, Object b) {
        Object x = operand(a, "/", a, b);
        Object y = operand(b, "/", a, b);
        if (Values.toBigDecimal(y).signum() == 0) {
            throw XsError.runtime(null, "division by zero");
        }
        if (x instanceof Long l && y instanceof Long r && r != 0 && l % r == 0 && !(l == Long.MIN_VALUE && r == -1)) {
            return l / r;
        }
        return Values.decimal(Values.toBigDecimal(x).divide(Values.toBigDecimal(y), Values.DIVISION));
    }

    public static Object modulo(Object a, Object b) {
        Object x = operand(a, "%", a, b);
        Object y = operand(b, "%", a, b);
        if (Values.toBigDecimal(y).signum() == 0) {
            throw XsError.runtime(null, "modulo by zero");
        }
        if (x instanceof Long l && y instanceof Long r) {
            return r == -1 ? 0L : l % r;
        }
        return Values.decimal(Values.toBigDecimal(x).remainder(Values.toBigDecimal(y)));
    }

    public static Object negate(Object a) {
        Object x = Values.number(a);
        if (x == null || a instanceof List<?> || a instanceof Map<?, ?>) {
            throw XsError.runtime(null, "cannot negate " + describe(a));
        }
        if (x instanceof Long l) {
            return l == Long.MIN_VALUE ? Values.decimal(BigDecimal.valueOf(l).negate()) : -l;
        }
        return Values.decimal(((BigDecimal) x).negate());
    }

    private static Object operand(Object v, String op, Object a, Object b) {
        Object n = Values.number(v);
        if (n == null || v instanceof List<?> || v instanceof Map<?, ?>) {
            String hint = op.equals("+") && (a instanceof String || b instanceof String)
                ? " (use ~ to join text)" : "";
            throw XsError.runtime(null, "cannot apply '" + op + "' to " + describe(a) + " and " + describe(b) + hint);
        }
        return n;
    }

    static String describe(Object v) {
        if (v instanceof String s) {
            return "text \"" + (s.length() > 30 ? s.substring(0, 27) + "..." : s) + "\"";
        }
        return Values.typeName(v);
    }

    public static String concat(Object a, Object b) {
        return Values.toText(a).concat(Values.toText(b));
    }

    /** {@code a..b}: the integers from a to b inclusive (counting down when b is smaller). */
    public static List<Object> range(Object a, Object b) {
        Object x = Values.number(a);
        Object y = Values.number(b);
        if (!(x instanceof Long from) || !(y instanceof Long to)) {
            throw XsError.runtime(null, "a range needs two integers, got " + describe(a) + " and " + describe(b));
        }
        long size = Math.abs(to - from) + 1;
        if (size > MAX_RANGE || size <= 0) {
            throw XsError.runtime(null, "range " + from + ".." + to + " has more than " + MAX_RANGE + " elements");
        }
        List<Object> out = new ArrayList<>((int) size);
        long step = to >= from ? 1 : -1;
        for (long i = from; ; i += step) {
            out.add(i);
            if (i == to) {
                break;
            }
        }
        return out;
    }

    /** {@code a in b}: b is an array holding a (loosely), a text containing it, or an object with that key. */
    public static boolean in(Object a, Object b) {
        if (b instanceof List<?> list) {
            for (Object o : list) {
                if (Values.looseEquals(a, o)) {
                    return true;
                }
            }
            return false;
        }
        if (b instanceof Map<?, ?> m) {
            return m.containsKey(Values.toText(a));
        }
        if (b instanceof String s) {
            return s.contains(Values.toText(a));
        }
        return false;
    }

    /** {@code a contains b}: an array holding b, or a text containing b. */
    public static boolean contains(Object a, Object b) {
        if (a instanceof List<?> || a instanceof Map<?, ?>) {
            return in(b, a);
        }
        return a != null && Values.toText(a).contains(Values.toText(b));
    }

    /** {@code a includes b}: text contains, ignoring case. */
    public static boolean includes(Object a, Object b) {
        if (a instanceof List<?>) {
            return in(b, a);
        }
        return a != null && Values.toText(a).toLowerCase(Locale.ROOT).contains(Values.toText(b).toLowerCase(Locale.ROOT));
    }

    public static boolean like(Object a, Object pattern, boolean ignoreCase) {
        if (a == null) {
            return false;
        }
        StringBuilder re = new StringBuilder();
        for (char c : Values.toText(pattern).toCharArray()) {
            switch (c) {
                case '%' -> re.append(".*");
                case '_' -> re.append('.');
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        int flags = Pattern.DOTALL | (ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
        return Pattern.compile(re.toString(), flags).matcher(Values.toText(a)).matches();
    }

    public static boolean overlaps(Object a, Object b) {
        if (!(a instanceof List<?> x) || !(b instanceof List<?> y)) {
            return false;
        }
        for (Object o : x) {
            if (in(o, y)) {
                return true;
            }
        }
        return false;
    }

    /** {@code a @> b}: a (object or array) contains all of b. */
    public static boolean jsonContains(Object a, Object b) {
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            for (Map.Entry<?, ?> e : y.entrySet()) {
                if (!x.containsKey(e.getKey()) || !jsonContains(x.get(e.getKey()), e.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            for (Object want : y) {
                boolean found = false;
                for (Object have : x) {
                    if (jsonContains(have, want)) {
                        found = true;
                        break;
                    }
                }
                if (!found) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof List<?> x) {
            return in(b, x);
        }
        return Values.looseEquals(a, b);
    }

    /** Regex match; the pattern may be written with delimiters and flags ("/^a/i"). */
    public static boolean regex(Object subject, Object pattern) {
        if (subject == null) {
            return false;
        }
        return compileRegex(Values.toText(pattern)).matcher(Values.toText(subject)).find();
    }

    static Pattern compileRegex(String written) {
        String body = written;
        int flags = 0;
        if (written.length() >= 2 && written.charAt(0) == '/' && written.lastIndexOf('/') > 0) {
            int close = written.lastIndexOf('/');
            body = written.substring(1, close);
            for (char f : written.substring(close + 1).toCharArray()) {
                flags |= switch (f) {
                    case 'i' -> Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
                    case 'm' -> Pattern.MULTILINE;
                    case 's' -> Pattern.DOTALL;
                    case 'x' -> Pattern.COMMENTS;
                    default -> 0;
                };
            }
        }
        try {
            return Pattern.compile(body, flags);
        } catch (PatternSyntaxException e) {
            throw XsError.runtime(null, "invalid regular expression " + written + ": " + e.getDescription());
        }
    }

}
