package xs.db.memory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import xs.db.ColumnFilter;
import xs.db.Condition;
import xs.db.DbException;
import xs.db.Direction;
import xs.db.Op;
import xs.db.Operand;
import xs.db.Paging;
import xs.db.Query;
import xs.db.ReturnSpec;
import xs.db.Sort;

import static org.junit.jupiter.api.Assertions.*;
import static xs.db.memory.Schemas.*;

class QueryTest {
    private final MemoryDatabase db = MemoryDatabase.inMemory();

    @BeforeEach
    void data() {
        db.define(table("person", List.of(col("name", "text"), col("team", "text"), col("score", "int"), col("code", "text")),
                unique("code"), btree("team")));
        String[][] people = {{"ann", "red", "3"}, {"bob", "blue", "5"}, {"cy", "red", "5"}, {"dee", "blue", "1"},
                {"eve", "green", "4"}, {"fay", "red", null}, {"gus", "green", "2"}};
        for (String[] p : people) db.add("person", row("name", p[0], "team", p[1], "score", p[2], "code", p[0].toUpperCase()));
    }

    @SuppressWarnings("unchecked")
    private List<String> names(Object result) {
        List<String> out = new ArrayList<>();
        for (Map<String, Object> r : (List<Map<String, Object>>) result) out.add((String) r.get("name"));
        return out;
    }

    private Object run(Condition where, List<Sort> sort, ReturnSpec ret) {
        return db.query(new Query("person", where, sort, ret, null, null));
    }

    private static Condition eq(String field, Object value) {
        return new Condition.Compare(new Operand.Column("person", field), Op.EQ, new Operand.Constant(value));
    }

    @Test
    void defaultOrderIsInsertionOrder() {
        assertEquals(List.of("ann", "bob", "cy", "dee", "eve", "fay", "gus"), names(run(null, null, null)));
    }

    @Test
    void sortsOnSeveralKeysWithNullsLast() {
        List<Sort> sort = List.of(new Sort("person.team", Direction.ASC), new Sort("score", Direction.DESC));
        assertEquals(List.of("bob", "dee", "eve", "gus", "fay", "cy", "ann"), names(run(null, sort, null)),
                "desc puts the null score first within red: nulls sort as the largest value");
        assertEquals(List.of("dee", "gus", "ann", "eve", "bob", "cy", "fay"),
                names(run(null, List.of(new Sort("score", Direction.ASC)), null)), "ties keep insertion order");
    }

    @Test
    void randomSortReturnsEveryRowInSomeOrder() {
        Set<List<String>> orders = new HashSet<>();
        for (int i = 0; i < 30; i++) {
            List<String> names = names(run(null, List.of(new Sort("id", Direction.RAND)), null));
            assertEquals(Set.of("ann", "bob", "cy", "dee", "eve", "fay", "gus"), new HashSet<>(names));
            orders.add(names);
        }
        assertTrue(orders.size() > 1, "30 random orders of 7 rows were all the same");
    }

    @Test
    @SuppressWarnings("unchecked")
    void pagingEnvelopeAtFirstMiddleAndLastPage() {
        List<Sort> byId = List.of(new Sort("id", Direction.ASC));
        Map<String, Object> first = (Map<String, Object>) run(null, byId, new ReturnSpec("list", new Paging(1, 3, 0, true)));
        assertEquals(List.of("itemsReceived", "curPage", "nextPage", "prevPage", "offset", "perPage", "items", "itemsTotal", "pageTotal"),
                List.copyOf(first.keySet()));
        assertEquals(3L, first.get("itemsReceived"));
        assertEquals(1L, first.get("curPage"));
        assertEquals(2L, first.get("nextPage"));
        assertNull(first.get("prevPage"));
        assertEquals(7L, first.get("itemsTotal"));
        assertEquals(3L, first.get("pageTotal"));
        assertEquals(List.of("ann", "bob", "cy"), names(first.get("items")));

        Map<String, Object> middle = (Map<String, Object>) run(null, byId, new ReturnSpec("list", new Paging(2, 3, 0, false)));
        assertEquals(List.of("dee", "eve", "fay"), names(middle.get("items")));
        assertEquals(3L, middle.get("nextPage"));
        assertEquals(1L, middle.get("prevPage"));
        assertFalse(middle.containsKey("itemsTotal"));

        Map<String, Object> last = (Map<String, Object>) run(null, byId, new ReturnSpec("list", new Paging(3, 3, 0, true)));
        assertEquals(List.of("gus"), names(last.get("items")));
        assertEquals(1L, last.get("itemsReceived"));
        assertNull(last.get("nextPage"));
        assertEquals(2L, last.get("prevPage"));

        Map<String, Object> offset = (Map<String, Object>) run(null, byId, new ReturnSpec("list", new Paging(1, 2, 5, true)));
        assertEquals(List.of("fay", "gus"), names(offset.get("items")));
        assertEquals(5L, offset.get("offset"));
        assertNull(offset.get("nextPage"));
        assertEquals(2L, offset.get("itemsTotal"));
        assertEquals(1L, offset.get("pageTotal"));

        Map<String, Object> beyond = (Map<String, Object>) run(null, byId, new ReturnSpec("list", new Paging(9, 3, 0, false)));
        assertEquals(0L, beyond.get("itemsReceived"));
        assertEquals(List.of(), beyond.get("items"));
    }

    @Test
    void badPagingAndReturnTypesAreBadQueries() {
        for (ReturnSpec bad : List.of(new ReturnSpec("list", new Paging(0, 3, 0, false)), new ReturnSpec("list", new Paging(1, 0, 0, false)),
                new ReturnSpec("list", new Paging(1, 3, -1, false)), new ReturnSpec("stream", null))) {
            DbException e = assertThrows(DbException.class, () -> run(null, null, bad));
            assertEquals(DbException.Kind.BAD_QUERY, e.kind());
        }
        assertTrue(assertThrows(DbException.class, () -> run(null, null, new ReturnSpec("stream", null))).getMessage()
                .contains("unknown return type \"stream\""));
    }

    @Test
    void singleCountExists() {
        Condition red = eq("team", "red");
        assertEquals("fay", ((Map<?, ?>) run(red, List.of(new Sort("name", Direction.DESC)), new ReturnSpec("single", null))).get("name"));
        assertEquals("ann", ((Map<?, ?>) run(red, null, new ReturnSpec("single", null))).get("name"));
        assertNull(run(eq("team", "pink"), null, new ReturnSpec("single", null)));
        assertEquals(3L, run(red, null, new ReturnSpec("count", null)));
        assertEquals(true, run(red, null, new ReturnSpec("exists", null)));
        assertEquals(false, run(eq("team", "pink"), null, new ReturnSpec("exists", null)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void outputAndEval() {
        Map<String, Operand> eval = new java.util.LinkedHashMap<>();
        eval.put("shout", new Operand.Column("person", "name", List.of(new ColumnFilter("to_upper"))));
        eval.put("bonus", new Operand.Column("person", "score", List.of(new ColumnFilter("mul", 10L))));
        eval.put("fixed", new Operand.Constant("k"));
        Query q = new Query("person", eq("name", "bob"), null, null, List.of("score", "name"), eval);
        List<Map<String, Object>> rows = (List<Map<String, Object>>) db.query(q);
        assertEquals(1, rows.size());
        assertEquals(List.of("score", "name", "shout", "bonus", "fixed"), List.copyOf(rows.get(0).keySet()));
        assertEquals("BOB", rows.get(0).get("shout"));
        assertEquals(50L, rows.get(0).get("bonus"));
        DbException e = assertThrows(DbException.class, () -> db.query(new Query("person", null, null, null, List.of("nope"), null)));
        assertEquals(DbException.Kind.BAD_QUERY, e.kind());
    }

    @Test
    void indexedEqualityDoesNotScan() {
        long before = db.fullScans();
        assertEquals(List.of("cy"), names(run(eq("code", "CY"), null, null)));
        assertEquals(List.of("bob", "dee"), names(run(eq("team", "blue"), null, null)));
        assertEquals(List.of("bob"), names(run(new Condition.And(List.of(eq("team", "blue"), eq("score", "5"))), null, null)));
        assertEquals(List.of("ann", "cy"), names(run(new Condition.Compare(new Operand.Column("person", "code"), Op.IN,
                new Operand.Constant(list("CY", "ANN", "CY"))), null, null)));
        assertEquals(List.of("ann"), names(run(new Condition.Compare(new Operand.Column("person", "id"), Op.STRICT_EQ,
                new Operand.Constant(1L)), null, null)));
        assertEquals(List.of("eve"), names(run(new Condition.Compare(new Operand.Constant("EVE"), Op.EQ,
                new Operand.Column("person", "code")), null, null)));
        assertEquals("bob", db.get("person", "code", "BOB").get("name"));
        assertTrue(db.has("person", "id", "2"));
        db.edit("person", "code", "BOB", row("score", 6L));
        db.addOrEdit("person", "code", "BOB", row("score", 7L));
        db.delete("person", "code", "GUS");
        assertEquals(before, db.fullScans(), "an indexed lookup visited every row");

        assertEquals(List.of("cy"), names(run(eq("score", 5L), null, null)));
        run(eq("name", "bob"), null, null);
        assertEquals(before + 2, db.fullScans(), "unindexed columns scan");
    }

    @Test
    void indexStaysConsistentAfterEditsAndRollbacks() {
        db.edit("person", "name", "ann", row("code", "ANNA", "team", "blue"));
        assertNull(db.get("person", "code", "ANN"));
        assertEquals("ann", db.get("person", "code", "ANNA").get("name"));
        assertEquals(List.of("ann", "bob", "dee"), names(run(eq("team", "blue"), null, null)));
        assertThrows(IllegalStateException.class, () -> db.transaction(() -> {
            db.edit("person", "code", "ANNA", row("code", "ZED"));
            db.delete("person", "code", "BOB");
            throw new IllegalStateException("boom");
        }));
        assertEquals("ann", db.get("person", "code", "ANNA").get("name"));
        assertNull(db.get("person", "code", "ZED"));
        assertEquals(List.of("ann", "bob", "dee"), names(run(eq("team", "blue"), null, null)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPageOfManyRowsIsTheSliceOfTheFullOrder() {
        // Many ties (score 0..4, team of three) so the stable order is what is being checked.
        for (int i = 0; i < 200; i++) {
            db.add("person", row("name", "p" + i, "team", List.of("red", "blue", "green").get(i % 3),
                    "score", String.valueOf((i * 7) % 5), "code", "P" + i));
        }
        for (List<Sort> sort : List.of(List.of(new Sort("score", Direction.ASC)),
                List.of(new Sort("score", Direction.DESC), new Sort("team", Direction.ASC)))) {
            List<String> all = names(run(null, sort, null));
            for (long page = 1; page <= 5; page++) {
                Map<String, Object> envelope = (Map<String, Object>) run(null, sort,
                        new ReturnSpec("list", new Paging(page, 7, 3, true)));
                int from = (int) (3 + (page - 1) * 7);
                assertEquals(all.subList(from, from + 7), names(envelope.get("items")), "page " + page + " of " + sort);
                assertEquals(204L, envelope.get("itemsTotal"));
                assertEquals(page + 1, envelope.get("nextPage"));
            }
            Map<String, Object> single = (Map<String, Object>) run(null, sort, new ReturnSpec("single", null));
            assertEquals(all.get(0), single.get("name"));
        }
        Map<String, Object> absurd = (Map<String, Object>) run(null, List.of(new Sort("score", Direction.ASC)),
                new ReturnSpec("list", new Paging(Long.MAX_VALUE / 2, 1000, 0, false)));
        assertEquals(List.of(), absurd.get("items"));
    }
}
