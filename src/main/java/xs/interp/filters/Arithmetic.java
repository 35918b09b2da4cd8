package xs.interp.filters;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import xs.interp.Values;

/**
 * Arithmetic on numbers already coerced to Long or BigDecimal, for the math filters and the
 * array aggregates ({@code sum}, {@code avg}, {@code product}). Integers stay integers until
 * they overflow; anything touching a decimal is a normalised decimal. Failures are reported
 * against the filter being applied.
 */
final class Arithmetic {
    /**
     * A double holds 15 reliable decimal digits; rounding there drops binary noise such as
     * log(1000)/log(10) = 2.9999999999999996.
     */
    private static final MathContext DOUBLE_DIGITS = new MathContext(15, RoundingMode.HALF_EVEN);

    private Arithmetic() {
    }

    static Object add(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            try {
                return Math.addExact(x, y);
            } catch (ArithmeticException overflow) {
                return Values.decimal(BigDecimal.valueOf(x).add(BigDecimal.valueOf(y)));
            }
        }
        return Values.decimal(big(a).add(big(b)));
    }

    static Object subtract(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            try {
                return Math.subtractExact(x, y);
            } catch (ArithmeticException overflow) {
                return Values.decimal(BigDecimal.valueOf(x).subtract(BigDecimal.valueOf(y)));
            }
        }
        return Values.decimal(big(a).subtract(big(b)));
    }

    static Object multiply(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            try {
                return Math.multiplyExact(x, y);
            } catch (ArithmeticException overflow) {
                return Values.decimal(BigDecimal.valueOf(x).multiply(BigDecimal.valueOf(y)));
            }
        }
        return Values.decimal(big(a).multiply(big(b)));
    }

    /** Two integers that divide exactly give an integer; everything else a decimal. */
    static Object divide(FilterCall c, Object a, Object b) {
        if (big(b).signum() == 0) {
            throw c.error("division by zero");
        }
        if (a instanceof Long x && b instanceof Long y && x % y == 0) {
            // The one quotient of two longs that overflows: Long.MIN_VALUE / -1.
            return x == Long.MIN_VALUE && y == -1 ? Values.decimal(BigDecimal.valueOf(x).negate()) : (Object) (x / y);
        }
        return Values.decimal(big(a).divide(big(b), Values.DIVISION));
    }

    /** The remainder takes the sign of the dividend, as in PHP and Java. */
    static Object modulus(FilterCall c, Object a, Object b) {
        if (big(b).signum() == 0) {
            throw c.error("modulus by zero");
        }
        if (a instanceof Long x && b instanceof Long y) {
            return x % y;
        }
        return Values.decimal(big(a).remainder(big(b)));
    }

    static Object abs(Object a) {
        if (a instanceof Long x) {
            return x == Long.MIN_VALUE ? Values.decimal(BigDecimal.valueOf(x).negate()) : Math.abs(x);
        }
        return Values.decimal(big(a).abs());
    }

    static BigDecimal big(Object number) {
        return Values.toBigDecimal(number);
    }

    /** A decimal back to an integer when it is whole and fits, as floor/ceil/round give. */
    static Object integral(BigDecimal d) {
        BigDecimal whole = d.setScale(0, RoundingMode.UNNECESSARY);
        try {
            return whole.longValueExact();
        } catch (ArithmeticException tooBig) {
            return Values.decimal(whole);
        }
    }

    /** The integer part of a number, for filters that work on bits or digits. */
    static long truncate(FilterCall c, Object number) {
        if (number instanceof Long l) {
            return l;
        }
        BigDecimal whole = ((BigDecimal) number).setScale(0, RoundingMode.DOWN);
        try {
            return whole.longValueExact();
        } catch (ArithmeticException tooBig) {
            throw c.error(whole.toPlainString() + " does not fit in a 64-bit integer");
        }
    }

    /** A double result as a decimal; NaN and infinity (sqrt(-1), ln(0)) are errors. */
    static BigDecimal fromDouble(FilterCall c, double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw c.error("the result is not a finite number");
        }
        return Values.decimal(new BigDecimal(d).round(DOUBLE_DIGITS));
    }
}
