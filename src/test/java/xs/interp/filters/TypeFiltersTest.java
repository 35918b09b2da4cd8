package xs.interp.filters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

class TypeFiltersTest extends FilterFamilyTest {
    TypeFiltersTest() {
        super(TypeFilters::register);
    }

    @Test
    void toText() {
        assertEquals("1.344", call("to_text", dec("1.344")));
        assertEquals("12", call("to_text", 12L));
        assertEquals("true", call("to_text", true));
        assertEquals("", call("to_text", null));
        assertEquals("[1,\"a\"]", call("to_text", list(1L, "a")));
        assertEquals("{\"a\":1}", call("to_text", obj("a", 1L)));
    }

    @Test
    void toIntReadsTheLeadingNumberAndTruncates() {
        assertEquals(133L, call("to_int", "133.45 kg"));
        assertEquals(-12L, call("to_int", "  -12abc"));
        assertEquals(1000L, call("to_int", "1e3"));
        assertEquals(0L, call("to_int", "abc"));
        assertEquals(0L, call("to_int", ""));
        assertEquals(1L, call("to_int", true));
        assertEquals(0L, call("to_int", null));
        assertEquals(-2L, call("to_int", dec("-2.9")));
        assertEquals(7L, call("to_int", 7L));
        assertEquals(Long.MAX_VALUE, call("to_int", "99999999999999999999"));
        assertEquals(Long.MIN_VALUE, call("to_int", dec("-99999999999999999999.5")));
        assertTrue(fails("to_int", list(1L)).contains("expects text, a number or a bool, got array"));
    }

    @Test
    void toDecimalAlwaysGivesADecimal() {
        assertEquals(dec("133.45"), call("to_decimal", "133.45 kg"));
        assertEquals(dec("5.0"), call("to_decimal", 5L));
        assertEquals(dec("0.0"), call("to_decimal", "abc"));
        assertEquals(dec("1.0"), call("to_decimal", true));
        assertEquals(dec("0.5"), call("to_decimal", ".5"));
        assertEquals(dec("1500.0"), call("to_decimal", "1.5e3"));
        assertTrue(fails("to_decimal", "1e999999999").contains("out of range"));
        assertTrue(fails("to_decimal", obj()).contains("got object"));
    }

    @Test
    void toBoolKnowsTheCommonWords() {
        for (String yes : List.of("true", "TRUE", "1", "yes", "on", " On ")) {
            assertEquals(true, call("to_bool", yes), yes);
        }
        for (String no : List.of("false", "False", "0", "", "no", "off")) {
            assertEquals(false, call("to_bool", no), no);
        }
        assertEquals(true, call("to_bool", "anything"));
        assertEquals(false, call("to_bool", 0L));
        assertEquals(true, call("to_bool", dec("0.1")));
        assertEquals(false, call("to_bool", null));
        assertEquals(false, call("to_bool", list()));
    }

    @Test
    void typeTests() {
        assertEquals(true, call("is_null", null));
        assertEquals(false, call("is_null", 8L));
        assertEquals(true, call("null", null));
        assertEquals(true, call("is_empty", list()));
        assertEquals(true, call("is_empty", "0"));
        assertEquals(false, call("is_empty", " "));
        assertEquals(true, call("empty", obj()));
        assertEquals(true, call("is_object", obj("id", 2L)));
        assertEquals(false, call("is_object", list()));
        assertEquals(true, call("is_array", list(1L)));
        assertEquals(false, call("is_array", obj()));
        assertEquals(true, call("is_int", 123L));
        assertEquals(false, call("is_int", "123"));
        assertEquals(false, call("is_int", dec("1.0")));
        assertEquals(true, call("is_decimal", dec("123.45")));
        assertEquals(false, call("is_decimal", 1L));
        assertEquals(true, call("is_bool", false));
        assertEquals(false, call("is_bool", 0L));
        assertEquals(true, call("is_text", "213"));
        assertEquals(false, call("is_text", 213L));
        assertEquals(true, call("is_uuid", "550e8400-e29b-41d4-A716-446655440000"));
        assertEquals(false, call("is_uuid", "550e8400-e29b-41d4-a716-44665544000"));
        assertEquals(false, call("is_uuid", null));
    }

    @Test
    void notNegatesTruthiness() {
        assertEquals(false, call("not", true));
        assertEquals(true, call("not", "0"));
        assertEquals(true, call("not", null));
        assertEquals(false, call("not", list(0L)));
    }

    @Test
    void equalityIsLoose() {
        assertEquals(true, call("equals", 4L, 4L));
        assertEquals(true, call("eq", 1L, "1"));
        assertEquals(true, call("equals", 1L, dec("1.0")));
        assertEquals(false, call("equals", "a", "A"));
        assertEquals(true, call("equals", null, ""));
        assertEquals(false, call("not_equals", 4L, 4L));
        assertEquals(true, call("ne", 4L, 5L));
    }

    @Test
    void orderingComparisons() {
        assertEquals(true, call("greater_than", 4L, 2L));
        assertEquals(true, call("gt", dec("2.5"), 2L));
        assertEquals(false, call("greater_than", "10", 10L));
        assertEquals(true, call("greater_than_or_equal", "10", 10L));
        assertEquals(true, call("gte", 4L, 2L));
        assertEquals(false, call("less_than", 4L, 2L));
        assertEquals(true, call("lt", "apple", "banana"));
        assertEquals(true, call("less_than", null, 0L));
        assertEquals(false, call("less_than_or_equal", 4L, 2L));
        assertEquals(true, call("lte", 2L, 2L));
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void everyTypeFilterIsTested() {
        assertEquals(Set.of(), untested(), "type filters without a test");
    }
}
