package xs.interp.filters;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import xs.interp.Values;

/**
 * PHP's sprintf for the sprintf filter: {@code "%s has %05.2f"|sprintf:"Bob":3.14159} gives
 * "Bob has 03.14". Conversions: % b c d e E f F g G o s u x X; flags - + 0 space and 'c (pad
 * with c); width, .precision and positional arguments (%2$s). Decimals are formatted from
 * their exact decimal value, so 0.125 with %.2f rounds half up to 0.13.
 */
final class PhpSprintf {
    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);
    /** The leading number of a text, as PHP reads "12abc" as 12. */
    private static final Pattern LEADING_NUMBER = Pattern.compile("^\\s*([+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?)");

    private PhpSprintf() {
    }

    static String format(FilterCall c, String fmt, List<Object> args) {
        StringBuilder out = new StringBuilder(fmt.length() + 16);
        int next = 0;
        int i = 0;
        while (i < fmt.length()) {
            char ch = fmt.charAt(i++);
            if (ch != '%') {
                out.append(ch);
                continue;
            }
            if (i >= fmt.length()) {
                throw c.error("the format ends in a lone %");
            }
            if (fmt.charAt(i) == '%') {
                out.append('%');
                i++;
                continue;
            }
            Spec spec = new Spec();
            // Positional argument: digits followed by '$'.
            int j = i;
            while (j < fmt.length() && Character.isDigit(fmt.charAt(j))) {
                j++;
            }
            int argIndex;
            if (j > i && j < fmt.length() && fmt.charAt(j) == '$') {
                argIndex = Integer.parseInt(fmt.substring(i, j)) - 1;
                if (argIndex < 0) {
                    throw c.error("argument numbers in the format start at 1");
                }
                i = j + 1;
            } else {
                argIndex = next++;
            }
            i = spec.parseFlags(fmt, i);
            if (i >= fmt.length()) {
                throw c.error("the format ends inside a % conversion");
            }
            char conv = fmt.charAt(i++);
            if (argIndex >= args.size()) {
                int needed = argIndex + 1;
                throw c.error("the format needs " + needed + (needed == 1 ? " argument" : " arguments") + ", got "
                    + args.size());
            }
            out.append(spec.pad(convert(c, conv, spec, args.get(argIndex))));
        }
        return out.toString();
    }

    /** Flags, width and precision of one conversion. */
    private static final class Spec {
        boolean left;
        boolean plus;
        char padChar = ' ';
        int width;
        int precision = -1;
        boolean numeric;

        int parseFlags(String fmt, int i) {
            while (i < fmt.length()) {
                char f = fmt.charAt(i);
                if (f == '-') {
                    left = true;
                } else if (f == '+') {
                    plus = true;
                } else if (f == '0') {
                    padChar = '0';
                } else if (f == ' ') {
                    padChar = ' ';
                } else if (f == '\'' && i + 1 < fmt.length()) {
                    padChar = fmt.charAt(++i);
                } else {
                    break;
                }
                i++;
            }
            while (i < fmt.length() && Character.isDigit(fmt.charAt(i))) {
                width = width * 10 + (fmt.charAt(i++) - '0');
            }
            if (i < fmt.length() && fmt.charAt(i) == '.') {
                i++;
                precision = 0;
                while (i < fmt.length() && Character.isDigit(fmt.charAt(i))) {
                    precision = precision * 10 + (fmt.charAt(i++) - '0');
                }
            }
            return i;
        }

        String pad(String s) {
            if (s.length() >= width) {
                return s;
            }
            String fill = String.valueOf(padChar).repeat(width - s.length());
            if (left) {
                // PHP pads on the right with the pad character, zeros included.
                return s + fill;
            }
            if (numeric && padChar == '0' && !s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
                return s.charAt(0) + fill + s.substring(1);
            }
            return fill + s;
        }
    }

    private static String convert(FilterCall c, char conv, Spec spec, Object arg) {
        switch (conv) {
            case 's' -> {
                String s = Values.toText(arg);
                return spec.precision >= 0 && spec.precision < s.length() ? s.substring(0, spec.precision) : s;
            }
            case 'd' -> {
                spec.numeric = true;
                long n = integer(arg);
                return (spec.plus && n >= 0 ? "+" : "") + n;
            }
            case 'u' -> {
                long n = integer(arg);
                return n >= 0 ? Long.toString(n) : BigInteger.valueOf(n).add(TWO_64).toString();
            }
            case 'c' -> {
                return new String(Character.toChars((int) (integer(arg) & 0x10FFFF)));
            }
            case 'x' -> {
                return Long.toHexString(integer(arg));
            }
            case 'X' -> {
                return Long.toHexString(integer(arg)).toUpperCase();
            }
            case 'o' -> {
                return Long.toOctalString(integer(arg));
            }
            case 'b' -> {
                return Long.toBinaryString(integer(arg));
            }
            case 'f', 'F' -> {
                spec.numeric = true;
                BigDecimal d = decimal(arg).setScale(spec.precision < 0 ? 6 : spec.precision, RoundingMode.HALF_UP);
                return sign(spec, d) + d.toPlainString();
            }
            case 'e', 'E' -> {
                spec.numeric = true;
                String s = scientific(decimal(arg), spec.precision < 0 ? 6 : spec.precision);
                return sign(spec, decimal(arg)) + (conv == 'E' ? s.toUpperCase() : s);
            }
            case 'g', 'G' -> {
                spec.numeric = true;
                String s = general(decimal(arg), spec.precision < 0 ? 6 : Math.max(1, spec.precision));
                return sign(spec, decimal(arg)) + (conv == 'G' ? s.toUpperCase() : s);
            }
            default -> throw c.error("unknown conversion %" + conv + " in the format");
        }
    }

    private static String sign(Spec spec, BigDecimal d) {
        return spec.plus && d.signum() >= 0 ? "+" : "";
    }

    /** PHP writes exponents without padding: 1.234500e+3. */
    private static String scientific(BigDecimal d, int precision) {
        if (d.signum() == 0) {
            return BigDecimal.ZERO.setScale(precision).toPlainString() + "e+0";
        }
        int exponent = d.precision() - d.scale() - 1;
        BigDecimal mantissa = d.movePointLeft(exponent).setScale(precision, RoundingMode.HALF_UP);
        if (mantissa.abs().compareTo(BigDecimal.TEN) >= 0) {
            exponent++;
            mantissa = d.movePointLeft(exponent).setScale(precision, RoundingMode.HALF_UP);
        }
        return mantissa.toPlainString() + "e" + (exponent < 0 ? "-" : "+") + Math.abs(exponent);
    }

    /** %g: %e when the exponent is below -4 or at least the precision, else %f; no trailing zeros. */
    private static String general(BigDecimal d, int precision) {
        if (d.signum() == 0) {
            return "0";
        }
        BigDecimal rounded = d.round(new MathContext(precision, RoundingMode.HALF_UP));
        int exponent = rounded.precision() - rounded.scale() - 1;
        if (exponent < -4 || exponent >= precision) {
            String s = scientific(rounded, precision - 1);
            int e = s.indexOf('e');
            return stripZeros(s.substring(0, e)) + s.substring(e);
        }
        return stripZeros(rounded.setScale(Math.max(0, precision - 1 - exponent), RoundingMode.HALF_UP).toPlainString());
    }

    private static String stripZeros(String s) {
        if (s.indexOf('.') < 0) {
            return s;
        }
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /** PHP's intval: numbers truncate, text uses its leading number ("12abc" is 12), else 0. */
    private static long integer(Object v) {
        BigDecimal d = decimal(v);
        return d.setScale(0, RoundingMode.DOWN).longValue();
    }

    private static BigDecimal decimal(Object v) {
        if (v instanceof String s) {
            Matcher m = LEADING_NUMBER.matcher(s);
            return m.find() ? new BigDecimal(m.group(1)) : BigDecimal.ZERO;
        }
        BigDecimal d = Values.numericOrNull(v);
        return d == null ? BigDecimal.ZERO : d;
    }
}
