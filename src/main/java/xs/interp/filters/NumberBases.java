package xs.interp.filters;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import xs.interp.Values;

/**
 * Conversions between integers and their digits in base 2, 8, 16 or any base 2..36:
 * {@code 255|dechex} is "ff", {@code "ff"|hexdec} is 255, {@code "ff"|base_convert:16:2} is
 * "11111111". As in PHP, negative integers print as their 64-bit two's complement and
 * characters that are not digits of the base are skipped when reading.
 */
final class NumberBases {
    private NumberBases() {
    }

    static void register(FilterRegistry r) {
        r.register("dechex", c -> Long.toHexString(Arithmetic.truncate(c, FilterSupport.number(c))));
        r.register("decbin", c -> Long.toBinaryString(Arithmetic.truncate(c, FilterSupport.number(c))));
        r.register("decoct", c -> Long.toOctalString(Arithmetic.truncate(c, FilterSupport.number(c))));
        r.register("hexdec", c -> integer(read(FilterSupport.text(c), 16)));
        r.register("bindec", c -> integer(read(FilterSupport.text(c), 2)));
        r.register("octdec", c -> integer(read(FilterSupport.text(c), 8)));
        r.register("base_convert", c -> {
            int from = base(c, 0);
            int to = base(c, 1);
            return read(FilterSupport.text(c), from).toString(to);
        });
    }

    private static int base(FilterCall c, int arg) {
        long b = FilterSupport.intArg(c, arg);
        if (b < 2 || b > 36) {
            throw c.error("a base must be between 2 and 36, got " + b);
        }
        return (int) b;
    }

    /** The digits of the text in the given base, skipping anything else ("0x1f" reads as 0x1f). */
    static BigInteger read(String text, int base) {
        BigInteger value = BigInteger.ZERO;
        BigInteger radix = BigInteger.valueOf(base);
        for (char ch : text.toLowerCase(Locale.ROOT).toCharArray()) {
            int digit = ch < 128 ? Character.digit(ch, base) : -1;
            if (digit >= 0) {
                value = value.multiply(radix).add(BigInteger.valueOf(digit));
            }
        }
        return value;
    }

    /** An int when it fits in 64 bits, else a decimal (PHP turns such results into floats). */
    private static Object integer(BigInteger v) {
        return v.bitLength() < 64 ? (Object) v.longValue() : Values.decimal(new BigDecimal(v));
    }
}
