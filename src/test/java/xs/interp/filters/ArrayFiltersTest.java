package xs.interp.filters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

class ArrayFiltersTest extends FilterFamilyTest {
    ArrayFiltersTest() {
        super(ArrayFilters::register);
    }

    @Test
    void firstAndLast() {
        assertEquals("five", call("first", list("five", "six", "seven")));
        assertEquals("seven", call("last", list("five", "six", "seven")));
        assertNull(call("first", list()));
        assertNull(call("last", null));
        assertTrue(fails("first", "abc").contains("expects an array, got text"));
    }

    @Test
    void countCountsArraysAndObjects() {
        assertEquals(3L, call("count", list(1L, 2L, 3L)));
        assertEquals(2L, call("count", obj("a", 1L, "b", 2L)));
        assertEquals(0L, call("count", null));
        assertEquals(0L, call("count", list()));
        String message = fails("count", "abc");
        assertTrue(message.contains("got text") && message.contains("strlen"), message);
        assertTrue(fails("count", 5L).contains("got int"));
    }

    @Test
    void inUsesLooseEquality() {
        assertEquals(true, call("in", list(1L, 2L, 3L), 3L));
        assertEquals(true, call("in", list(1L, 2L, 3L), "2"));
        assertEquals(false, call("in", list(1L, 2L, 3L), 4L));
        assertEquals(false, call("in", null, 1L));
        assertEquals(true, call("in", list(obj("a", 1L)), obj("a", 1L)));
    }

    @Test
    void joinWritesElementsAsText() {
        assertEquals("Epic Battle", call("join", list("Epic", "Battle"), " "));
        assertEquals("1,2.5,true,,[1]", call("join", list(1L, dec("2.5"), true, null, list(1L)), ","));
        assertEquals("ab", call("join", list("a", "b")));
        assertEquals("", call("join", null, ","));
    }

    @Test
    void sliceFollowsArraySlice() {
        assertEquals(list(3L, 4L), call("slice", list(1L, 2L, 3L, 4L, 5L), 2L, 2L));
        assertEquals(list(3L, 4L), call("array_slice", list(1L, 2L, 3L, 4L, 5L), 2L, 2L));
        assertEquals(list(2L, 3L, 4L, 5L), call("slice", list(1L, 2L, 3L, 4L, 5L), 1L));
        assertEquals(list(4L, 5L), call("slice", list(1L, 2L, 3L, 4L, 5L), -2L));
        assertEquals(list(2L, 3L), call("slice", list(1L, 2L, 3L, 4L, 5L), 1L, -2L));
        assertEquals(list(), call("slice", list(1L, 2L), 5L, 2L));
        assertEquals(list(1L, 2L), call("slice", list(1L, 2L), -10L));
        assertEquals(list(), call("slice", null, 0L, 2L));
    }

    @Test
    void rangeIncludesBothEnds() {
        assertEquals(list(10L, 11L, 12L, 13L, 14L, 15L), call("range", null, 10L, 15L));
        assertEquals(list(5L, 4L, 3L), call("range", "ignored", 5L, 3L));
        assertEquals(list(0L, 5L, 10L), call("range", null, 0L, 10L, 5L));
        assertEquals(list(0L, 3L, 6L, 9L), call("range", null, 0L, 10L, 3L));
        assertEquals("[0.5,1.0,1.5]", json("range", null, dec("0.5"), dec("1.5"), dec("0.5")));
        assertEquals(list(7L), call("range", null, 7L, 7L));
        assertTrue(fails("range", null, 0L, 5L, 0L).contains("step cannot be 0"));
        assertTrue(fails("range", null, 0L, 100_000_000L).contains("more than"));
    }

    @Test
    void safeArrayFlattenReverse() {
        assertEquals(list(12L), call("safe_array", 12L));
        assertEquals(list(1L, 2L), call("safe_array", list(1L, 2L)));
        assertEquals(list(), call("safe_array", null));
        assertEquals(list(obj("a", 1L)), call("safe_array", obj("a", 1L)));
        assertEquals(list(1L, 2L, 3L, 4L, 5L, obj("a", list(6L))),
            call("flatten", list(1L, list(2L, 3L), list(list(4L, 5L)), obj("a", list(6L)))));
        assertEquals(list(), call("flatten", list(list(), list())));
        assertEquals(list(15L, 14L, 13L), call("reverse", list(13L, 14L, 15L)));
        assertEquals(list(), call("reverse", null));
    }

    @Test
    void fillAndFillKeys() {
        assertEquals(list("v", "v", "v"), call("fill", "v", 0L, 3L));
        assertEquals(list("v", "v"), call("array_fill", "v", 0L, 2L));
        assertEquals("{\"5\":\"v\",\"6\":\"v\"}", json("fill", "v", 5L, 2L));
        assertEquals(list(), call("fill", "v", 0L, 0L));
        assertTrue(fails("fill", "v", 0L, -1L).contains("-1 elements"));
        assertEquals("{\"a\":\"key\",\"b\":\"key\",\"1\":\"key\"}", json("fill_keys", "key", list("a", "b", 1L)));
        assertEquals("{\"a\":0}", json("array_fill_keys", 0L, list("a")));
    }

    @Test
    void pushUnshiftPopShift() {
        assertEquals(list(1L, 2L, 3L, "a"), call("push", list(1L, 2L, 3L), "a"));
        assertEquals(list(1L, list(2L)), call("array_push", list(1L), list(2L)));
        assertEquals(list((Object) null), call("push", null, (Object) null));
        assertEquals(list(0L, 1L, 2L), call("unshift", list(1L, 2L), 0L));
        assertEquals(list(0L), call("array_unshift", null, 0L));
        assertEquals(3L, call("pop", list(1L, 2L, 3L)));
        assertEquals(3L, call("array_pop", list(1L, 2L, 3L)));
        assertNull(call("pop", list()));
        assertEquals(1L, call("shift", list(1L, 2L, 3L)));
        assertEquals(1L, call("array_shift", list(1L, 2L, 3L)));
        assertNull(call("shift", null));
        assertTrue(fails("push", obj("a", 1L), 2L).contains("expects an array, got object"));
    }

    @Test
    void filtersNeverChangeTheirSubject() {
        List<Object> shared = new ArrayList<>(List.of(3L, 1L, 2L));
        for (String name : List.of("push", "unshift", "sort", "reverse", "remove", "append", "shuffle")) {
            Object out = FilterRegistry.standard().get(name).apply(Calls.call(name, shared, 1L));
            assertNotSame(shared, out, name);
            assertEquals(List.of(3L, 1L, 2L), shared, name);
        }
    }

    @Test
    void removeDropsEqualElements() {
        assertEquals(list(1L, 3L), call("remove", list(1L, 2L, 3L, 2L), 2L));
        assertEquals(list(1L, 3L), call("array_remove", list(1L, "2", 3L), 2L));
        assertEquals(list(1L, "2", 3L), call("remove", list(1L, "2", 3L), 2L, "", true));
        assertEquals(list(obj("v", 1L), obj("v", 3L)),
            call("remove", list(obj("v", 1L), obj("v", 2L), obj("v", 3L)), obj("v", 2L)));
        assertEquals(list(obj("v", 1L)), call("remove", list(obj("v", 1L), obj("v", 2L)), 2L, "v"));
        assertEquals(list(), call("remove", null, 1L));
    }

    @Test
    void appendAndPrependOptionallyAtAPath() {
        assertEquals(list(1L, 2L, 3L, 4L), call("append", list(1L, 2L, 3L), 4L));
        assertEquals(list(0L, 1L, 2L, 3L), call("prepend", list(1L, 2L, 3L), 0L));
        assertEquals("{\"id\":1,\"tags\":[\"a\",\"b\"]}",
            json("append", obj("id", 1L, "tags", list("a")), "b", "tags"));
        assertEquals("{\"id\":1,\"tags\":[\"b\",\"a\"]}",
            json("prepend", obj("id", 1L, "tags", list("a")), "b", "tags"));
        assertEquals("{\"a\":{\"list\":[1]}}", json("append", null, 1L, "a.list"));
        assertTrue(fails("append", obj("tags", "x"), "b", "tags").contains("expects an array at \"tags\", got text"));
        assertTrue(fails("prepend", "text", 1L).contains("got text"));
    }

    @Test
    void sortByValuePathTypeAndDirection() {
        assertEquals(list(1L, 2L, 10L), call("sort", list(10L, 2L, 1L)));
        assertEquals(list(null, 1L, dec("1.5"), 2L), call("sort", list(2L, dec("1.5"), null, 1L)));
        Object rows = list(obj("v", "a", "e", 20L), obj("v", "z", "e", 10L), obj("v", "B", "e", 5L));
        assertEquals("[{\"v\":\"B\",\"e\":5},{\"v\":\"a\",\"e\":20},{\"v\":\"z\",\"e\":10}]", json("sort", rows, "v", "text"));
        assertEquals("[{\"v\":\"a\",\"e\":20},{\"v\":\"B\",\"e\":5},{\"v\":\"z\",\"e\":10}]", json("sort", rows, "v", "itext"));
        assertEquals("[{\"v\":\"z\",\"e\":10},{\"v\":\"a\",\"e\":20},{\"v\":\"B\",\"e\":5}]", json("fsort", rows, "v", "text", true));
        assertEquals("[{\"v\":\"a\",\"e\":20},{\"v\":\"z\",\"e\":10},{\"v\":\"B\",\"e\":5}]", json("sort", rows, "e", "number", "desc"));
        assertEquals(list("9", "10", "x"), call("sort", list("10", "x", "9"), "", "number"));
        assertEquals(list("10", "9"), call("sort", list("9", "10"), "", "text"));
        assertEquals(list("img2", "IMG3", "img10"), call("sort", list("img10", "IMG3", "img2"), "", "inatural"));
        assertEquals(list("IMG3", "img2", "img10"), call("sort", list("img10", "IMG3", "img2"), "", "natural"));
        assertEquals(list(3L, 2L, 1L), call("sort", list(1L, 3L, 2L), "", "desc"));
        assertEquals(list(), call("sort", null));
    }

    @Test
    void shuffleKeepsTheElements() {
        List<Object> in = list(1L, 2L, 3L, 4L, 5L);
        List<?> out = (List<?>) call("shuffle", in);
        assertEquals(new TreeSet<>(in), new TreeSet<>(out));
        assertEquals(5, ((List<?>) call("array_shuffle", in)).size());
    }

    @Test
    void uniqueComparesTextForms() {
        assertEquals(list(12L, 13L, 11L), call("unique", list(12L, 13L, 13L, 12L, 11L)));
        assertEquals(list(1L, "a"), call("unique", list(1L, "1", dec("1.0"), "a", true)));
        assertEquals(list(obj("g", "x", "n", 1L), obj("g", "y", "n", 2L)),
            call("unique", list(obj("g", "x", "n", 1L), obj("g", "y", "n", 2L), obj("g", "x", "n", 3L)), "g"));
        assertEquals(list(list(1L)), call("unique", list(list(1L), list(1L))));
        assertEquals(list(), call("unique", null));
    }

    @Test
    void diffAndIntersectMatchValues() {
        assertEquals(list(1L, 4L), call("diff", list(1L, 2L, 3L, 4L), list(3L, 2L)));
        assertEquals(list(1L, 4L), call("array_diff", list(1L, 2L, 3L, 4L), list("3", "2")));
        assertEquals(list(2L, 3L), call("intersect", list(1L, 2L, 3L, 4L), list(3L, 2L)));
        assertEquals(list(2L, 3L), call("array_intersect", list(1L, 2L, 3L, 4L), list(3L, 2L, 9L)));
        assertEquals("{\"a\":1}", json("diff", obj("a", 1L, "b", 2L), list(2L)));
        assertEquals(list(1L, 2L), call("diff", list(1L, 2L), (Object) null));
        assertTrue(fails("diff", list(1L), "x").contains("expects an array for argument 1, got text"));
    }

    @Test
    void assocFormsAlsoMatchPositionsAndKeys() {
        assertEquals(list(1L, 3L), call("diff_assoc", list(1L, 2L, 3L), list(2L, 2L)));
        assertEquals(list(2L), call("intersect_assoc", list(1L, 2L, 3L), list(2L, 2L)));
        assertEquals("{\"b\":\"brown\",\"c\":\"blue\"}",
            json("array_diff_assoc", obj("a", "green", "b", "brown", "c", "blue"), obj("a", "green", "b", "yellow")));
        assertEquals("{\"a\":\"green\"}",
            json("array_intersect_assoc", obj("a", "green", "b", "brown"), obj("a", "green", "b", "yellow")));
        assertTrue(fails("diff_assoc", list(1L), 5L).contains("argument 1, got int"));
    }

    @Test
    void mergeConcatenatesArraysAndCombinesObjects() {
        assertEquals(list(1L, 2L, 3L, "a", "b"), call("merge", list(1L, 2L, 3L), list("a", "b")));
        assertEquals("{\"a\":1,\"b\":3,\"c\":4}", json("array_merge", obj("a", 1L, "b", 2L), obj("b", 3L, "c", 4L)));
        assertEquals(list(1L), call("merge", null, list(1L)));
        assertEquals("{\"a\":1}", json("merge", obj("a", 1L), (Object) null));
        assertTrue(fails("merge", list(1L), obj("a", 1L)).contains("cannot merge an array with an object"));
        assertTrue(fails("merge", "x", (Object) null).contains("got text"));
    }

    @Test
    void mergeRecursiveCombinesNestedValues() {
        Object a = parse("{\"color\":{\"favorite\":[\"red\"]},\"n\":1,\"keep\":true}");
        Object b = parse("{\"color\":{\"favorite\":[\"green\",\"blue\"],\"other\":1},\"n\":2}");
        assertEquals("{\"color\":{\"favorite\":[\"red\",\"green\",\"blue\"],\"other\":1},\"n\":[1,2],\"keep\":true}",
            json("merge_recursive", a, b));
        assertEquals("{\"a\":{\"b\":1,\"c\":2}}", json("array_merge_recursive", parse("{\"a\":{\"b\":1}}"), parse("{\"a\":{\"c\":2}}")));
        assertEquals(list(1L, 2L), call("merge_recursive", list(1L), list(2L)));
    }

    @Test
    void indexByGroupsByTheTextOfAPath() {
        Object rows = parse("[{\"id\":1,\"g\":\"x\"},{\"id\":2,\"g\":\"y\"},{\"id\":3,\"g\":\"x\"},{\"id\":4}]");
        assertEquals("{\"x\":[{\"id\":1,\"g\":\"x\"},{\"id\":3,\"g\":\"x\"}],\"y\":[{\"id\":2,\"g\":\"y\"}],\"\":[{\"id\":4}]}",
            json("index_by", rows, "g"));
        assertEquals("{\"1\":[1,1],\"2\":[2]}", json("index_by", list(1L, 2L, 1L), ""));
        assertEquals("{}", json("index_by", null, "g"));
    }

    @Test
    void filterFamilyDropsOneKindOfNothing() {
        List<Object> mixed = list(1L, null, "", 0L, dec("0.0"), "0", "text", false, list(), obj());
        assertEquals(list(1L, "text"), call("filter_empty", mixed));
        assertEquals(list(1L, null, 0L, dec("0.0"), "0", "text", false, list(), obj()), call("filter_empty_text", mixed));
        assertEquals(list(1L, null, "", 0L, dec("0.0"), "0", "text", false, obj()), call("filter_empty_array", mixed));
        assertEquals(list(1L, null, "", 0L, dec("0.0"), "0", "text", false, list()), call("filter_empty_object", mixed));
        assertEquals(list(1L, "", 0L, dec("0.0"), "0", "text", false, list(), obj()), call("filter_null", mixed));
        assertEquals(list(1L, null, "", "0", "text", false, list(), obj()), call("filter_zero", mixed));
        assertEquals(list(1L, null, "", 0L, dec("0.0"), "0", "text", list(), obj()), call("filter_false", mixed));
        assertEquals(list(obj("a", 1L, "b", null)),
            call("filter_empty", list(obj("a", 1L, "b", null), obj("a", 0L, "b", 4L)), "a"));
        assertEquals("{\"a\":1}", json("filter_null", obj("a", 1L, "b", null)));
        assertEquals(list(), call("filter_null", null));
    }

    @Test
    void aggregates() {
        assertEquals(10L, call("sum", list(1L, 2L, 3L, 4L)));
        assertEquals(dec("3.5"), call("sum", list(1L, dec("2.5"))));
        assertEquals(3L, call("sum", list("1", null, 2L)));
        assertEquals(0L, call("sum", list()));
        assertEquals(24L, call("product", list(1L, 2L, 3L, 4L)));
        assertEquals(1L, call("product", null));
        assertEquals(dec("2.5"), call("avg", list(1L, 2L, 3L, 4L)));
        assertEquals(3L, call("avg", list(2L, 4L)));
        assertNull(call("avg", list()));
        assertEquals(1L, call("array_min", list(5L, 2L, 8L, 1L)));
        assertEquals(8L, call("array_max", list(5L, 2L, 8L, 1L)));
        assertEquals(dec("-1.5"), call("array_min", list(1L, dec("-1.5"))));
        assertEquals("b", call("array_max", list("a", "b")));
        assertNull(call("array_max", list()));
        assertTrue(fails("sum", list(1L, "x")).contains("found text \"x\""));
        assertTrue(fails("avg", list(1L, list())).contains("found array"));
    }

    @Test
    void mapEvaluatesPerElementOrPlucksAConstantPath() {
        Object rows = list(obj("value", 2L), obj("value", 5L));
        assertEquals(list(4L, 10L), call("map", rows, (Calls.Each) (el, i, p) -> (Long) ((java.util.Map<?, ?>) el).get("value") * 2));
        assertEquals(list(0L, 1L), call("map", list("a", "b"), (Calls.Each) (el, i, p) -> i));
        assertEquals(list(2L, 2L), call("map", list("a", "b"), (Calls.Each) (el, i, p) -> (long) ((List<?>) p).size()));
        assertEquals(list(2L, 5L), call("map", rows, "value"));
        assertEquals(list(1L, null), call("map", list(obj("a", obj("b", 1L)), obj()), "a.b"));
        assertEquals(list(), call("map", null, "value"));
    }

    @Test
    void filterSomeEveryFindFindIndex() {
        Calls.Each even = (el, i, p) -> (Long) el % 2 == 0;
        assertEquals(list(2L, 4L), call("filter", list(1L, 2L, 3L, 4L), even));
        assertEquals(true, call("some", list(1L, 2L), even));
        assertEquals(false, call("some", list(1L, 3L), even));
        assertEquals(false, call("some", list(), even));
        assertEquals(true, call("every", list(2L, 4L), even));
        assertEquals(false, call("every", list(2L, 3L), even));
        assertEquals(true, call("every", list(), even));
        assertEquals(4L, call("find", list(1L, 3L, 4L, 6L), even));
        assertNull(call("find", list(1L, 3L), even));
        assertEquals(2L, call("findIndex", list(1L, 3L, 4L), even));
        assertEquals(-1L, call("findIndex", list(1L, 3L), even));
        assertTrue(fails("filter", "abc", even).contains("expects an array, got text"));
    }

    @Test
    void reduceCarriesTheResult() {
        Calls.Reduce plus = (el, i, p, result) -> (Long) el + (Long) result;
        assertEquals(25L, call("reduce", list(1L, 2L, 3L, 4L, 5L), plus, 10L));
        assertEquals(6L, call("reduce", list(1L, 2L, 3L), plus));
        assertEquals("init", call("reduce", list(), plus, "init"));
    }

    @Test
    void lambdaFiltersWithoutAJavaScriptRuntimeFailClearly() {
        for (String name : List.of("lambda_map", "lambda_filter", "lambda_some", "lambda_every", "lambda_find",
            "lambda_findIndex", "lambda_reduce", "lambda")) {
            // lambda_reduce takes the initial value first, then the code.
            String message = name.equals("lambda_reduce") ? fails(name, list(1L), 0L, "return $result")
                : fails(name, list(1L), "return $this");
            assertTrue(message.equals("filter '" + name + "': it runs JavaScript, and no JavaScript runtime is set up here"),
                message);
        }
        assertEquals("filter 'lambda_map': needs JavaScript code as text, as in: lambda_map:\"return $this.id;\"",
            fails("lambda_map", list(1L), 5L));
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void everyArrayFilterIsTested() {
        assertEquals(Set.of(), untested(), "array filters without a test");
    }
}
