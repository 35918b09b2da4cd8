package xs.interp.filters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

class MathFiltersTest extends FilterFamilyTest {
    MathFiltersTest() {
        super(MathFilters::register);
    }

    @Test
    void addStaysIntegerUntilItOverflows() {
        assertEquals(5L, call("add", 2L, 3L));
        assertEquals(6L, call("add", "5", 1L));
        assertEquals(1L, call("add", null, 1L));
        assertEquals(dec("3.5"), call("add", 2L, dec("1.5")));
        assertEquals(dec("3.0"), call("add", dec("1.5"), dec("1.5")));
        assertEquals(dec("9223372036854775808.0"), call("add", Long.MAX_VALUE, 1L));
    }

    @Test
    void addRejectsTextThatIsNotANumber() {
        String message = fails("add", "abc", 1L);
        assertTrue(message.contains("got text \"abc\""), message);
        assertTrue(fails("add", 1L, java.util.List.of(1L)).contains("got array"));
    }

    @Test
    void subtractAndMultiply() {
        assertEquals(-1L, call("subtract", 2L, 3L));
        assertEquals(-1L, call("sub", 2L, 3L));
        assertEquals(dec("0.1"), call("subtract", dec("0.3"), dec("0.2")));
        assertEquals(dec("-9223372036854775809.0"), call("subtract", Long.MIN_VALUE, 1L));
        assertEquals(6L, call("multiply", 2L, 3L));
        assertEquals(6L, call("mul", -2L, -3L));
        assertEquals(dec("3.0"), call("multiply", dec("1.5"), 2L));
        assertEquals(dec("18446744073709551614.0"), call("multiply", Long.MAX_VALUE, 2L));
    }

    @Test
    void divideKeepsExactIntegerQuotients() {
        assertEquals(5L, call("divide", 20L, 4L));
        assertEquals(5L, call("div", 20L, 4L));
        assertEquals(dec("3.5"), call("divide", 7L, 2L));
        assertEquals(dec("0.3333333333333333"), call("divide", 1L, 3L));
        assertEquals(dec("-2.5"), call("divide", dec("5.0"), -2L));
        assertEquals(dec("9223372036854775808.0"), call("divide", Long.MIN_VALUE, -1L));
        assertTrue(fails("divide", 1L, 0L).contains("division by zero"));
        assertTrue(fails("divide", 1L, dec("0.0")).contains("division by zero"));
    }

    @Test
    void modulusTakesTheSignOfTheDividend() {
        assertEquals(2L, call("modulus", 20L, 3L));
        assertEquals(2L, call("mod", 20L, 3L));
        assertEquals(-1L, call("modulus", -7L, 3L));
        assertEquals(dec("1.5"), call("modulus", dec("5.5"), 2L));
        assertTrue(fails("modulus", 5L, 0L).contains("modulus by zero"));
    }

    @Test
    void abs() {
        assertEquals(10L, call("abs", -10L));
        assertEquals(dec("2.5"), call("abs", dec("-2.5")));
        assertEquals(0L, call("abs", null));
        assertEquals(dec("9223372036854775808.0"), call("abs", Long.MIN_VALUE));
    }

    @Test
    void powIsExactForIntegers() {
        assertEquals(100L, call("pow", 10L, 2L));
        assertEquals(1L, call("pow", 7L, 0L));
        assertEquals(-1L, call("pow", -1L, 5L));
        assertEquals(dec("18446744073709551616.0"), call("pow", 2L, 64L));
        assertEquals(dec("0.5"), call("pow", 2L, -1L));
        assertEquals(dec("2.25"), call("pow", dec("1.5"), 2L));
        assertEquals(dec("4.0"), call("pow", 2L, dec("2.0")));
        assertEquals(dec("1.4142135623731"), call("pow", 2L, dec("0.5")));
        assertTrue(fails("pow", 0L, -1L).contains("division by zero"));
        assertTrue(fails("pow", 3L, 100000L).contains("too large"));
        assertTrue(fails("pow", -8L, dec("0.5")).contains("not a finite number"));
    }

    @Test
    void rootsExponentsAndLogarithmsAreDecimals() {
        assertEquals(dec("3.0"), call("sqrt", 9L));
        assertEquals(dec("1.414213562373095"), call("sqrt", 2L));
        assertTrue(fails("sqrt", -1L).contains("negative"));
        assertEquals(dec("1.0"), call("exp", 0L));
        assertEquals(dec("2.71828182845905"), call("exp", 1L));
        assertEquals(dec("0.0"), call("ln", 1L));
        assertEquals(dec("2.30258509299405"), call("ln", 10L));
        assertTrue(fails("ln", 0L).contains("not a finite number"));
        assertEquals(dec("2.0"), call("log10", 100L));
        assertEquals(dec("3.0"), call("log", 8L, 2L));
        assertEquals(dec("3.0"), call("log", 1000L, 10L));
        assertEquals(dec("1.0"), call("log", dec("2.718281828459045")));
        assertTrue(fails("log", 5L, 1L).contains("not a finite number"));
    }

    @Test
    void floorCeilAndRoundGiveIntegersWithoutPrecision() {
        assertEquals(2L, call("floor", dec("2.5")));
        assertEquals(-3L, call("floor", dec("-2.5")));
        assertEquals(7L, call("floor", 7L));
        assertEquals(3L, call("ceil", dec("2.1")));
        assertEquals(-2L, call("ceil", dec("-2.9")));
        assertEquals(3L, call("round", dec("2.5")));
        assertEquals(-3L, call("round", dec("-2.5")));
        assertEquals(2L, call("round", dec("2.4999")));
        assertEquals(5L, call("round", 5L, 2L));
        assertEquals(1200L, call("round", 1234L, -2L));
        assertEquals(dec("3.14"), call("round", dec("3.14159"), 2L));
        assertEquals(dec("1.01"), call("round", dec("1.005"), 2L));
        assertEquals(dec("2.5"), call("round", dec("2.5432"), 1L));
        assertEquals(dec("2.0"), call("round", dec("1.999"), 2L));
    }

    @Test
    void minAndMaxCompareTwoNumbers() {
        assertEquals(0L, call("min", 1L, 0L));
        assertEquals(0L, call("num_min", 1L, 0L));
        assertEquals(dec("-1.5"), call("min", 1L, dec("-1.5")));
        assertEquals(20L, call("max", 5L, 20L));
        assertEquals(20L, call("num_max", 5L, 20L));
        assertEquals(dec("1.5"), call("max", dec("1.5"), 1L));
        assertEquals(3L, call("max", "3", 2L));
    }

    @Test
    void trigonometry() {
        assertEquals(dec("0.0"), call("sin", 0L));
        assertEquals(dec("0.841470984807897"), call("sin", 1L));
        assertEquals(dec("1.0"), call("cos", 0L));
        assertEquals(dec("0.54030230586814"), call("cos", 1L));
        assertEquals(dec("0.0"), call("tan", 0L));
        assertEquals(dec("1.5707963267949"), call("asin", 1L));
        assertEquals(dec("0.0"), call("acos", 1L));
        assertTrue(fails("acos", 2L).contains("not a finite number"));
        assertEquals(dec("0.785398163397448"), call("atan", 1L));
        assertEquals(dec("0.881373587019543"), call("asinh", 1L));
        assertEquals(dec("-0.881373587019543"), call("asinh", -1L));
        assertEquals(dec("0.0"), call("acosh", 1L));
        assertTrue(fails("acosh", dec("0.5")).contains("not a finite number"));
        assertEquals(dec("0.549306144334055"), call("atanh", dec("0.5")));
        assertTrue(fails("atanh", 1L).contains("not a finite number"));
        assertEquals(dec("3.14159265358979"), call("deg2rad", 180L));
        assertEquals(dec("180.0"), call("rad2deg", dec("3.141592653589793")));
    }

    @Test
    void numberFormat() {
        assertEquals("31,253,212.14", call("number_format", dec("31253212.141592"), 2L));
        assertEquals("31,253,212.14", call("number_format", dec("31253212.141592"), 2L, ".", ","));
        assertEquals("1.234.567,89", call("number_format", dec("1234567.891"), 2L, ",", "."));
        assertEquals("1 234 568", call("number_format", dec("1234567.891"), 0L, ".", " "));
        assertEquals("-1,235", call("number_format", dec("-1234.5")));
        assertEquals("0", call("number_format", dec("-0.4")));
        assertEquals("999.00", call("number_format", 999L, 2L));
        assertEquals("0", call("number_format", null));
    }

    @Test
    void bitwiseOperationsWorkOnIntegers() {
        assertEquals(3L, call("bitwise_and", 7L, 3L));
        assertEquals(15L, call("bitwise_or", 7L, 9L));
        assertEquals(14L, call("bitwise_xor", 7L, 9L));
        assertEquals(-9L, call("bitwise_not", 8L));
        assertEquals(2L, call("bitwise_and", dec("7.9"), 2L));
    }

    @Test
    void oddAndEven() {
        assertEquals(true, call("odd", 3L));
        assertEquals(true, call("odd", -3L));
        assertEquals(false, call("odd", 4L));
        assertEquals(true, call("even", 4L));
        assertEquals(true, call("even", 0L));
        assertEquals(false, call("even", "7"));
    }

    @Test
    void baseConversions() {
        assertEquals("ff", call("dechex", 255L));
        assertEquals("ff", call("dechex", "255"));
        assertEquals("ffffffffffffffff", call("dechex", -1L));
        assertEquals(255L, call("hexdec", "ff"));
        assertEquals(255L, call("hexdec", "0xFF"));
        assertEquals(dec("4722366482869645213695.0"), call("hexdec", "ffffffffffffffffff"));
        assertEquals("1010", call("decbin", 10L));
        assertEquals(10L, call("bindec", "1010"));
        assertEquals(0L, call("bindec", ""));
        assertEquals("12", call("decoct", 10L));
        assertEquals(10L, call("octdec", "12"));
        assertEquals("255", call("base_convert", "ff", 16L, 10L));
        assertEquals("11111111", call("base_convert", "FF", 16L, 2L));
        assertEquals("zz", call("base_convert", "1295", 10L, 36L));
        assertTrue(fails("base_convert", "1", 1L, 10L).contains("between 2 and 36"));
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void everyMathFilterIsTested() {
        assertEquals(Set.of(), untested(), "math filters without a test");
    }
}
