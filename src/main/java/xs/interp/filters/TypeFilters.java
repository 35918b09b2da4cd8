package xs.interp.filters;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import xs.interp.Values;

/**
 * Conversions, type tests and comparisons: {@code $input.qty|to_int},
 * {@code $value|is_text}, {@code $a|greater_than:$b}. Conversions from text read the leading
 * number the way PHP does ("133.45 kg" is 133 as an int, 133.45 as a decimal, "abc" is 0).
 * (to_expr, which evaluates text as an expression, belongs to the interpreter.)
 */
final class TypeFilters {
    /** The number at the start of a text, after optional whitespace: what PHP's intval reads. */
    private static final Pattern LEADING_NUMBER =
        Pattern.compile("^\\s*([+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?)");
    private static final Pattern UUID = Pattern.compile(
        "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** Decimals read from text beyond this exponent are refused rather than spelled out in full. */
    private static final int MAX_EXPONENT = 400;
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private TypeFilters() {
    }

    static void register(FilterRegistry r) {
        registerConversions(r);
        registerTests(r);
        registerComparisons(r);
    }

    private static void registerConversions(FilterRegistry r) {
        r.register("to_text", c -> Values.toText(c.subject()));
        r.register("to_int", c -> toInt(c, c.subject()));
        r.register("to_decimal", c -> Values.decimal(toDecimal(c, c.subject())));
        r.register("to_bool", c -> toBool(c.subject()));
    }

    /** Decimals are truncated toward zero; numbers beyond 64 bits stick at the largest int. */
    static long toInt(FilterCall c, Object v) {
        if (v instanceof Long l) {
            return l;
        }
        BigDecimal d = v instanceof BigDecimal x ? x : toDecimal(c, v);
        if (d.compareTo(LONG_MAX) > 0) {
            return Long.MAX_VALUE;
        }
        if (d.compareTo(LONG_MIN) < 0) {
            return Long.MIN_VALUE;
        }
        return d.setScale(0, RoundingMode.DOWN).longValueExact();
    }

    static BigDecimal toDecimal(FilterCall c, Object v) {
        if (v == null) {
            return BigDecimal.ZERO;
        }
        if (v instanceof Boolean b) {
            return b ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        if (v instanceof Long || v instanceof BigDecimal) {
            return Values.toBigDecimal(v);
        }
        if (v instanceof String s) {
            Matcher m = LEADING_NUMBER.matcher(s);
            if (!m.find()) {
                return BigDecimal.ZERO;
            }
            BigDecimal d = new BigDecimal(m.group(1));
            int exponent = d.precision() - d.scale() - 1;
            if (d.signum() != 0 && Math.abs(exponent) > MAX_EXPONENT) {
                throw c.error("\"" + FilterSupport.abbreviate(s) + "\" is out of range");
            }
            return d;
        }
        throw c.error("expects text, a number or a bool, got " + Values.typeName(v));
    }

    /** "true", "1", "yes" and "on" are true; "false", "0", "", "no" and "off" false; the rest by truthiness. */
    static boolean toBool(Object v) {
        if (v instanceof String s) {
            switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "true", "1", "yes", "on" -> {
                    return true;
                }
                case "false", "0", "", "no", "off" -> {
                    return false;
                }
                default -> {
                    return true;
                }
            }
        }
        return Values.truthy(v);
    }

    private static void registerTests(FilterRegistry r) {
        test(r, "is_null", v -> v == null);
        test(r, "is_empty", Values::isEmpty);
        test(r, "is_object", v -> v instanceof Map<?, ?>);
        test(r, "is_array", v -> v instanceof List<?>);
        test(r, "is_int", v -> v instanceof Long);
        test(r, "is_decimal", v -> v instanceof BigDecimal);
        test(r, "is_bool", v -> v instanceof Boolean);
        test(r, "is_text", v -> v instanceof String);
        test(r, "is_uuid", v -> v instanceof String s && UUID.matcher(s).matches());
        test(r, "not", v -> !Values.truthy(v));
        r.alias("null", "is_null");
        r.alias("empty", "is_empty");
    }

    private static void test(FilterRegistry r, String name, Predicate<Object> p) {
        r.register(name, c -> p.test(c.subject()));
    }

    private static void registerComparisons(FilterRegistry r) {
        r.register("equals", c -> Values.looseEquals(c.subject(), c.arg(0)));
        r.register("not_equals", c -> !Values.looseEquals(c.subject(), c.arg(0)));
        compare(r, "greater_than", cmp -> cmp > 0);
        compare(r, "greater_than_or_equal", cmp -> cmp >= 0);
        compare(r, "less_than", cmp -> cmp < 0);
        compare(r, "less_than_or_equal", cmp -> cmp <= 0);
        r.alias("eq", "equals");
        r.alias("ne", "not_equals");
        r.alias("gt", "greater_than");
        r.alias("gte", "greater_than_or_equal");
        r.alias("lt", "less_than");
        r.alias("lte", "less_than_or_equal");
    }

    private static void compare(FilterRegistry r, String name, IntPredicate holds) {
        r.register(name, c -> holds.test(Values.compare(c.subject(), c.arg(0))));
    }
}
