package xs.interp.filters;

import static xs.interp.filters.Arithmetic.big;
import static xs.interp.filters.Arithmetic.fromDouble;
import static xs.interp.filters.Arithmetic.integral;
import static xs.interp.filters.Arithmetic.truncate;
import static xs.interp.filters.FilterSupport.number;
import static xs.interp.filters.FilterSupport.numberArg;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.function.DoubleUnaryOperator;
import xs.interp.Values;

/**
 * The math filters of reference §8: {@code $price|multiply:$qty|round:2}. The subject and the
 * arguments are numbers or numeric text (null counts as 0). Integer results stay integers;
 * functions that are irrational in general (sqrt, sin, log) always give decimals.
 */
final class MathFilters {
    /** Integer powers are computed exactly up to this many bits, then refused. */
    private static final int MAX_POWER_BITS = 4096;
    /** Decimal powers with a whole exponent are computed with BigDecimal up to this exponent. */
    private static final int MAX_DECIMAL_EXPONENT = 9999;

    private MathFilters() {
    }

    static void register(FilterRegistry r) {
        registerArithmetic(r);
        registerRounding(r);
        registerFunctions(r);
        registerBits(r);
        NumberBases.register(r);
        r.register("number_format", MathFilters::numberFormat);
    }

    private static void registerArithmetic(FilterRegistry r) {
        r.register("add", c -> Arithmetic.add(number(c), numberArg(c, 0)));
        r.register("subtract", c -> Arithmetic.subtract(number(c), numberArg(c, 0)));
        r.register("multiply", c -> Arithmetic.multiply(number(c), numberArg(c, 0)));
        r.register("divide", c -> Arithmetic.divide(c, number(c), numberArg(c, 0)));
        r.register("modulus", c -> Arithmetic.modulus(c, number(c), numberArg(c, 0)));
        r.register("abs", c -> Arithmetic.abs(number(c)));
        r.register("pow", c -> pow(c, number(c), numberArg(c, 0)));
        // min:b and max:b compare the subject with one value; array_min/array_max scan arrays.
        r.register("min", c -> {
            Object a = number(c);
            Object b = numberArg(c, 0);
            return big(b).compareTo(big(a)) < 0 ? b : a;
        });
        r.register("max", c -> {
            Object a = number(c);
            Object b = numberArg(c, 0);
            return big(b).compareTo(big(a)) > 0 ? b : a;
        });
        r.alias("sub", "subtract");
        r.alias("mul", "multiply");
        r.alias("div", "divide");
        r.alias("mod", "modulus");
        r.alias("num_min", "min");
        r.alias("num_max", "max");
    }

    private static void registerRounding(FilterRegistry r) {
        r.register("floor", c -> toWhole(number(c), RoundingMode.FLOOR));
        r.register("ceil", c -> toWhole(number(c), RoundingMode.CEILING));
        r.register("round", c -> {
            Object n = number(c);
            long precision = FilterSupport.intArg(c, 0, 0);
            if (n instanceof Long && precision >= 0) {
                return n;
            }
            // PHP rounds halves away from zero, which is BigDecimal's HALF_UP.
            BigDecimal rounded = big(n).setScale((int) Math.max(-40, Math.min(1000, precision)), RoundingMode.HALF_UP);
            return precision <= 0 ? integral(rounded) : Values.decimal(rounded);
        });
    }

    private static Object toWhole(Object n, RoundingMode mode) {
        return n instanceof Long ? n : integral(((BigDecimal) n).setScale(0, mode));
    }

    private static void registerFunctions(FilterRegistry r) {
        r.register("sqrt", c -> {
            BigDecimal n = big(number(c));
            if (n.signum() < 0) {
                throw c.error("cannot take the square root of a negative number");
            }
            return Values.decimal(n.sqrt(Values.DIVISION));
        });
        unary(r, "exp", Math::exp);
        unary(r, "ln", Math::log);
        unary(r, "log10", Math::log10);
        r.register("log", c -> {
            double x = big(number(c)).doubleValue();
            if (!c.hasArg(0) || c.arg(0) == null) {
                return fromDouble(c, Math.log(x));
            }
            double base = big(numberArg(c, 0)).doubleValue();
            return fromDouble(c, Math.log(x) / Math.log(base));
        });
        unary(r, "sin", Math::sin);
        unary(r, "cos", Math::cos);
        unary(r, "tan", Math::tan);
        unary(r, "asin", Math::asin);
        unary(r, "acos", Math::acos);
        unary(r, "atan", Math::atan);
        // java.lang.Math has no inverse hyperbolic functions; these are their textbook forms.
        unary(r, "asinh", x -> Math.copySign(Math.log(Math.abs(x) + Math.sqrt(x * x + 1)), x));
        unary(r, "acosh", x -> Math.log(x + Math.sqrt(x * x - 1)));
        unary(r, "atanh", x -> 0.5 * Math.log((1 + x) / (1 - x)));
        unary(r, "deg2rad", Math::toRadians);
        unary(r, "rad2deg", Math::toDegrees);
    }

    private static void unary(FilterRegistry r, String name, DoubleUnaryOperator f) {
        r.register(name, c -> fromDouble(c, f.applyAsDouble(big(number(c)).doubleValue())));
    }

    private static void registerBits(FilterRegistry r) {
        r.register("bitwise_and", c -> truncate(c, number(c)) & truncate(c, numberArg(c, 0)));
        r.register("bitwise_or", c -> truncate(c, number(c)) | truncate(c, numberArg(c, 0)));
        r.register("bitwise_xor", c -> truncate(c, number(c)) ^ truncate(c, numberArg(c, 0)));
        r.register("bitwise_not", c -> ~truncate(c, number(c)));
        r.register("odd", c -> truncate(c, number(c)) % 2 != 0);
        r.register("even", c -> truncate(c, number(c)) % 2 == 0);
    }

    /**
     * Integer to a non-negative integer power is exact; a whole exponent otherwise goes through
     * BigDecimal (so 2|pow:-1 is 0.5 exactly); a fractional exponent goes through double.
     */
    static Object pow(FilterCall c, Object base, Object exponent) {
        BigDecimal e = big(exponent).stripTrailingZeros();
        boolean wholeExponent = e.scale() <= 0;
        if (base instanceof Long b && exponent instanceof Long n && n >= 0) {
            return integerPower(c, b, n);
        }
        if (wholeExponent && e.abs().compareTo(BigDecimal.valueOf(MAX_DECIMAL_EXPONENT)) <= 0) {
            int n = e.intValueExact();
            if (n < 0 && big(base).signum() == 0) {
                throw c.error("division by zero (0 to a negative power)");
            }
            return Values.decimal(big(base).pow(n, Values.DIVISION));
        }
        return fromDouble(c, Math.pow(big(base).doubleValue(), e.doubleValue()));
    }

    private static Object integerPower(FilterCall c, long base, long n) {
        if (Math.abs(base) <= 1) {
            return base == -1 ? (n % 2 == 0 ? 1L : -1L) : (n == 0 ? 1L : base);
        }
        BigInteger b = BigInteger.valueOf(base);
        if ((double) b.bitLength() * n > MAX_POWER_BITS) {
            throw c.error(base + " to the power " + n + " is too large");
        }
        BigInteger result = b.pow((int) n);
        return result.bitLength() < 64 ? (Object) result.longValue() : Values.decimal(new BigDecimal(result));
    }

    /** {@code 1234567.891|number_format:2:",":"."} is "1.234.567,89"; halves round away from zero. */
    private static Object numberFormat(FilterCall c) {
        int decimals = (int) Math.max(0, Math.min(100, FilterSupport.intArg(c, 0, 0)));
        String point = FilterSupport.textArg(c, 1, ".");
        String thousands = FilterSupport.textArg(c, 2, ",");
        BigDecimal v = big(number(c)).setScale(decimals, RoundingMode.HALF_UP);
        String digits = v.abs().toPlainString();
        int dot = digits.indexOf('.');
        String whole = dot < 0 ? digits : digits.substring(0, dot);
        StringBuilder out = new StringBuilder(v.signum() < 0 ? "-" : "");
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                out.append(thousands);
            }
            out.append(whole.charAt(i));
        }
        if (dot >= 0) {
            out.append(point).append(digits, dot + 1, digits.length());
        }
        return out.toString();
    }
}
