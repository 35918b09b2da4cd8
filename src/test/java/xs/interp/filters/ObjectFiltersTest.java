package xs.interp.filters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

class ObjectFiltersTest extends FilterFamilyTest {
    ObjectFiltersTest() {
        super(ObjectFilters::register);
    }

    @Test
    void getFollowsDottedPathsIntoObjectsAndArrays() {
        Object order = parse("{\"fizz\":\"buzz\",\"items\":[{\"price\":5},{\"price\":7}],\"none\":null}");
        assertEquals("buzz", call("get", order, "fizz"));
        assertEquals(7L, call("get", order, "items.1.price"));
        assertEquals(10L, call("get", list(10L, 20L, 30L), 0L));
        assertNull(call("get", order, "missing"));
        assertNull(call("get", order, "items.5.price"));
        assertEquals("dflt", call("get", order, "items.x", "dflt"));
        assertEquals(0L, call("get", order, "none", 0L));
        assertEquals(0L, call("get", null, "a", 0L));
        assertEquals(0L, call("get", "text", "a", 0L));
        assertEquals(order, call("get", order, ""));
        assertTrue(fails("get", order, list("a")).contains("expects text for argument 1, got array"));
    }

    @Test
    void hasSaysWhetherSomethingIsThere() {
        Object o = parse("{\"a\":{\"b\":null},\"list\":[1]}");
        assertEquals(true, call("has", o, "a"));
        assertEquals(true, call("has", o, "a.b"));
        assertEquals(false, call("has", o, "a.c"));
        assertEquals(true, call("has", o, "list.0"));
        assertEquals(false, call("has", o, "list.1"));
        assertEquals(false, call("has", null, "a"));
        assertEquals(false, call("has", 5L, "a"));
    }

    @Test
    void setWritesACopyAndCreatesObjectsOnTheWay() {
        assertEquals("{\"fizz\":\"buzz\",\"foo\":\"bar\"}", json("set", obj("fizz", "buzz"), "foo", "bar"));
        assertEquals("{\"k\":0}", json("set", obj(), "k", 0L));
        assertEquals("{\"a\":{\"b\":{\"c\":1}}}", json("set", null, "a.b.c", 1L));
        assertEquals("{\"a\":{\"b\":2}}", json("set", obj("a", "scalar"), "a.b", 2L));
        assertEquals("{\"a\":1,\"b\":2}", json("set", obj("a", 5L, "b", 2L), "a", 1L));
        assertEquals("{\"items\":[{\"n\":1},{\"n\":9}]}", json("set", parse("{\"items\":[{\"n\":1},{\"n\":2}]}"), "items.1.n", 9L));
        assertEquals("[1,2,3]", json("set", list(1L, 2L), "2", 3L));
        assertTrue(fails("set", list(1L), "5", 3L).contains("cannot set \"5\" in an array of 1 elements"));
        assertTrue(fails("set", "text", "a", 1L).contains("expects an object or array, got text"));
    }

    @Test
    void setNeverChangesItsSubject() {
        Map<String, Object> inner = new LinkedHashMap<>(Map.of("b", 1L));
        Map<String, Object> subject = new LinkedHashMap<>(Map.of("a", inner));
        Object out = FilterRegistry.standard().get("set").apply(Calls.call("set", subject, "a.b", 2L));
        assertEquals(Map.of("a", Map.of("b", 2L)), out);
        assertEquals(Map.of("a", Map.of("b", 1L)), subject);
        Object same = FilterRegistry.standard().get("set_ifnotnull").apply(Calls.call("set_ifnotnull", subject, "x", null));
        assertEquals(subject, same);
        assertNotSame(subject, same);
    }

    @Test
    void conditionalSets() {
        Object o = obj("fizz", "buzz");
        assertEquals("{\"fizz\":\"buzz\",\"foo\":\"bar\"}", json("set_conditional", o, "foo", "bar", true));
        assertEquals("{\"fizz\":\"buzz\"}", json("set_conditional", o, "foo", "bar", 0L));
        assertEquals("{\"fizz\":\"buzz\",\"foo\":\"bar\"}", json("set_ifnotempty", o, "foo", "bar"));
        assertEquals("{\"fizz\":\"buzz\"}", json("set_ifnotempty", o, "foo", ""));
        assertEquals("{\"fizz\":\"buzz\"}", json("set_ifnotempty", o, "foo", 0L));
        assertEquals("{\"fizz\":\"buzz\",\"foo\":0}", json("set_ifnotnull", o, "foo", 0L));
        assertEquals("{\"fizz\":\"buzz\"}", json("set_ifnotnull", o, "foo", null));
        assertTrue(fails("set_ifnotnull", 1L, "foo", 1L).contains("got int"));
    }

    @Test
    void unsetRemovesAPath() {
        assertEquals("{\"fizz\":\"buzz\"}", json("unset", obj("fizz", "buzz", "foo", "bar"), "foo"));
        assertEquals("{\"a\":{\"c\":2}}", json("unset", parse("{\"a\":{\"b\":1,\"c\":2}}"), "a.b"));
        assertEquals("{\"l\":[1,3]}", json("unset", parse("{\"l\":[1,2,3]}"), "l.1"));
        assertEquals("{\"a\":1}", json("unset", obj("a", 1L), "missing.path"));
        assertNull(call("unset", null, "a"));
        assertTrue(fails("unset", true, "a").contains("got bool"));
    }

    @Test
    void keysValuesEntries() {
        Object o = obj("a", 1L, "b", 2L, "c", 3L);
        assertEquals(list("a", "b", "c"), call("keys", o));
        assertEquals(list("a", "b", "c"), call("array_keys", o));
        assertEquals(list(0L, 1L), call("keys", list("x", "y")));
        assertEquals(list(), call("keys", null));
        assertEquals(list(1L, 2L, 3L), call("values", o));
        assertEquals(list(1L, 2L, 3L), call("array_values", o));
        assertEquals(list("x"), call("values", list("x")));
        assertEquals("[{\"key\":\"a\",\"value\":1},{\"key\":\"b\",\"value\":2},{\"key\":\"c\",\"value\":3}]", json("entries", o));
        assertEquals("[{\"key\":0,\"value\":\"x\"}]", json("array_entries", list("x")));
        assertTrue(fails("keys", "abc").contains("expects an object or array, got text"));
    }

    @Test
    void createObjects() {
        assertEquals("{\"a\":1,\"b\":2,\"c\":3}", json("create_object", list("a", "b", "c"), list(1L, 2L, 3L)));
        assertEquals("{\"1\":true}", json("create_object", list(1L), list(true)));
        assertEquals("{}", json("create_object", null, list()));
        assertTrue(fails("create_object", list("a", "b"), list(1L)).contains("2 keys and 1 values"));
        Object entries = parse("[{\"key\":\"a\",\"value\":1},{\"key\":\"b\",\"value\":2}]");
        assertEquals("{\"a\":1,\"b\":2}", json("create_object_from_entries", entries));
        assertEquals("{\"a\":1}", json("create_object_from_entries", list(list("a", 1L))));
        assertTrue(fails("create_object_from_entries", list(5L)).contains("got int"));
    }

    @Test
    void firstNotNullAndFirstNotEmpty() {
        assertEquals(0L, call("first_notnull", null, 0L));
        assertEquals("", call("first_notnull", "", 0L));
        assertEquals(false, call("first_notnull", false, true));
        assertEquals(1L, call("first_notempty", "", 1L));
        assertEquals(1L, call("first_notempty", list(), 1L));
        assertEquals("x", call("first_notempty", "x", 1L));
    }

    @Test
    void transformBindsTheSubjectToDollarDollar() {
        assertEquals(5L, call("transform", 2L, (Calls.Each) (el, i, p) -> (Long) el + 3));
        assertEquals(2L, call("transform", list(1L, 2L), (Calls.Each) (el, i, p) -> (long) ((List<?>) el).size()));
    }

    @Test
    void pickAndUnpick() {
        Object o = obj("a", 1L, "b", 2L, "c", 3L);
        assertEquals("{\"a\":1,\"c\":3}", json("pick", o, list("c", "a")));
        assertEquals("{\"a\":1,\"c\":3}", json("pick", o, "a, c"));
        assertEquals("{\"b\":2}", json("unpick", o, list("a", "c")));
        assertEquals("{}", json("pick", null, list("a")));
        assertEquals("{\"a\":1,\"b\":2,\"c\":3}", json("unpick", o, list()));
        assertTrue(fails("pick", list(1L), list("a")).contains("expects an object, got array"));
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void everyObjectFilterIsTested() {
        assertEquals(Set.of(), untested(), "object filters without a test");
    }
}
