package xs.db.memory;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import xs.db.ColumnFilter;
import xs.db.Condition;
import xs.db.DbException;
import xs.db.Op;
import xs.db.Operand;
import xs.db.Query;
import xs.db.ReturnSpec;
import xs.db.value.Timestamps;

import static org.junit.jupiter.api.Assertions.*;
import static xs.db.memory.Schemas.*;

/** Every operator and database-side filter of the where-clause language. */
class WhereTest {
    private final MemoryDatabase db = MemoryDatabase.inMemory();

    @BeforeEach
    void data() {
        db.define(table("item", List.of(col("name", "text"), col("qty", "int"), col("price", "decimal"),
                col("at", "timestamp"), array("tags", "text"), col("meta", "json"), col("ok", "bool"))));
        db.add("item", row("name", "Apple pie", "qty", 3L, "price", "2.50", "at", "2025-01-02T03:04:05Z",
                "tags", list("sweet", "baked"), "meta", row("color", "gold", "sizes", list(1L, 2L)), "ok", true));
        db.add("item", row("name", "banana_split", "qty", 10L, "price", "4", "at", "2024-06-30T23:59:00Z",
                "tags", list("sweet", "cold"), "meta", row("color", "yellow"), "ok", false));
        db.add("item", row("name", "Cherry", "qty", null, "price", "0.99", "at", null, "tags", list(), "meta", null));
    }

    private List<Object> ids(Condition where) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) db.query(Query.where("item", where));
        List<Object> out = new ArrayList<>();
        for (Map<String, Object> r : rows) out.add(r.get("id"));
        return out;
    }

    private static Operand.Column c(String field, ColumnFilter... filters) {
        return new Operand.Column("item", field, List.of(filters));
    }

    private static Operand.Constant k(Object v) {
        return new Operand.Constant(v);
    }

    private List<Object> where(String field, Op op, Object value) {
        return ids(new Condition.Compare(c(field), op, k(value)));
    }

    private static List<Object> ids(long... ids) {
        List<Object> out = new ArrayList<>();
        for (long id : ids) out.add(id);
        return out;
    }

    @Test
    void equality() {
        assertEquals(ids(1), where("qty", Op.EQ, "3"), "loose: text 3 equals int 3");
        assertEquals(ids(2, 3), where("qty", Op.NE, 3L));
        assertEquals(ids(3), where("qty", Op.EQ, null), "null equals null");
        assertEquals(ids(1), where("qty", Op.STRICT_EQ, 3L));
        assertEquals(ids(), where("qty", Op.STRICT_EQ, "3"));
        assertEquals(ids(1, 2, 3), where("qty", Op.STRICT_NE, "3"));
        assertEquals(ids(2), where("price", Op.EQ, 4L), "decimal 4 equals int 4");
        assertEquals(ids(2), where("ok", Op.EQ, "false"));
        assertEquals(ids(1), where("at", Op.EQ, "2025-01-02 03:04:05"), "text constants become timestamps");
    }

    @Test
    void ordering() {
        assertEquals(ids(2), where("qty", Op.GT, 3L));
        assertEquals(ids(1, 2), where("qty", Op.GE, "3"));
        assertEquals(ids(), where("qty", Op.LT, 3L), "null is never ordered");
        assertEquals(ids(1), where("qty", Op.LE, 3L));
        assertEquals(ids(1), where("name", Op.LT, "B"), "text compares lexicographically");
        assertEquals(ids(1, 3), where("price", Op.LT, new BigDecimal("3")));
        assertEquals(ids(1), where("at", Op.GT, "2025-01-01"));
    }

    @Test
    void between() {
        assertEquals(ids(1, 2), ids(new Condition.Between(c("qty"), k(3L), k("10"), false)));
        assertEquals(ids(2, 3), ids(new Condition.Between(c("price"), k(1L), k(3L), true)));
    }

    @Test
    void membership() {
        assertEquals(ids(1, 3), where("qty", Op.IN, list("3", null)));
        assertEquals(ids(2), where("qty", Op.NOT_IN, list(3L, null)));
        assertEquals(DbException.Kind.BAD_QUERY, assertThrows(DbException.class, () -> where("qty", Op.IN, 3L)).kind());
    }

    @Test
    void containsAndIncludes() {
        assertEquals(ids(1, 2), where("tags", Op.CONTAINS, "sweet"));
        assertEquals(ids(1, 3), where("tags", Op.NOT_CONTAINS, "cold"));
        assertEquals(ids(1), where("name", Op.CONTAINS, "pie"), "text contains a substring");
        assertEquals(ids(), where("name", Op.CONTAINS, "PIE"), "case-sensitive");
        assertEquals(ids(1), where("name", Op.INCLUDES, "PIE"), "includes ignores case");
        assertEquals(ids(2, 3), where("name", Op.NOT_INCLUDES, "pIe"));
    }

    @Test
    void likePatterns() {
        assertEquals(ids(1), where("name", Op.LIKE, "Apple%"));
        assertEquals(ids(), where("name", Op.LIKE, "apple%"));
        assertEquals(ids(1), where("name", Op.ILIKE, "apple%"));
        assertEquals(ids(3), where("name", Op.LIKE, "Ch_rry"));
        assertEquals(ids(2), where("name", Op.LIKE, "%\\_split"), "escaped underscore is literal");
        assertEquals(ids(2, 3), where("name", Op.NOT_LIKE, "%pie"));
        assertEquals(ids(1, 2), where("name", Op.NOT_ILIKE, "cherry"));
    }

    @Test
    void regex() {
        assertEquals(ids(1, 3), where("name", Op.REGEX, "^[A-Z]"));
        assertEquals(ids(2), where("name", Op.NOT_REGEX, "^[A-Z]"));
        assertEquals(ids(1, 2, 3), where("name", Op.REGEX, "/^[a-c]/i"));
        assertEquals(DbException.Kind.BAD_QUERY, assertThrows(DbException.class, () -> where("name", Op.REGEX, "(")).kind());
    }

    @Test
    void overlapsAndJsonContains() {
        assertEquals(ids(2), where("tags", Op.OVERLAPS, list("cold", "hot")));
        assertEquals(ids(1, 3), where("tags", Op.NOT_OVERLAPS, list("cold")));
        assertEquals(ids(1), where("meta", Op.JSON_CONTAINS, row("color", "gold")));
        assertEquals(ids(1), where("meta", Op.JSON_CONTAINS, row("sizes", list(2L))));
        assertEquals(ids(1, 2), where("tags", Op.JSON_CONTAINS, list("sweet")));
        assertEquals(ids(), where("meta", Op.JSON_CONTAINS, row("color", "red")));
    }

    @Test
    void jsonPathsAndTablePrefixes() {
        assertEquals(ids(2), where("meta.color", Op.EQ, "yellow"));
        assertEquals(ids(1), where("meta.sizes.1", Op.EQ, 2L));
        assertEquals(ids(1), where("item.qty", Op.EQ, 3L));
        DbException e = assertThrows(DbException.class, () -> where("nope", Op.EQ, 1L));
        assertEquals(DbException.Kind.BAD_QUERY, e.kind());
        assertEquals("unknown column item.nope", e.getMessage());
    }

    @Test
    void logic() {
        Condition sweet = new Condition.Compare(c("tags"), Op.CONTAINS, k("sweet"));
        Condition cheap = new Condition.Compare(c("price"), Op.LT, k(3L));
        assertEquals(ids(1), ids(new Condition.And(List.of(sweet, cheap))));
        assertEquals(ids(1, 2, 3), ids(new Condition.Or(List.of(sweet, cheap))));
        assertEquals(ids(3), ids(new Condition.Not(sweet)));
        assertEquals(ids(1, 2, 3), ids(new Condition.Always(true)));
        assertEquals(ids(), ids(new Condition.Always(false)));
        assertEquals(ids(1, 2, 3), ids(new Condition.And(List.of())));
        assertEquals(ids(), ids(new Condition.Or(List.of())));
        assertEquals(ids(1), ids(new Condition.Compare(k(3L), Op.EQ, c("qty"))), "constant on the left");
    }

    private Object eval(long id, Operand operand) {
        Query q = new Query("item", new Condition.Compare(c("id"), Op.EQ, k(id)), null, new ReturnSpec("single", null),
                List.of("id"), Map.of("v", operand));
        @SuppressWarnings("unchecked")
        Map<String, Object> row = (Map<String, Object>) db.query(q);
        return row.get("v");
    }

    private static ColumnFilter f(String name, Object... args) {
        return new ColumnFilter(name, args);
    }

    @Test
    void textFilters() {
        assertEquals("apple pie", eval(1, c("name", f("to_lower"))));
        assertEquals("APPLE PIE", eval(1, c("name", f("to_upper"))));
        assertEquals("Apple pie!", eval(1, c("name", f("concat", "!"))));
        assertEquals("Apple pie - x", eval(1, c("name", f("concat", "x", " - "))));
        assertEquals("ppl", eval(1, c("name", f("substr", 1L, 3L))));
        assertEquals("pie", eval(1, c("name", f("substr", -3L))));
        assertEquals(9L, eval(1, c("name", f("length"))));
        assertEquals(2L, eval(1, c("tags", f("length"))));
        assertEquals("none", eval(3, c("qty", f("coalesce", "none"))));
        assertEquals(3L, eval(1, c("qty", f("coalesce", "none"))));
        assertEquals(ids(1), ids(new Condition.Compare(c("name", f("to_lower")), Op.EQ, k("apple pie"))));
    }

    @Test
    void mathFilters() {
        assertEquals(5L, eval(1, c("qty", f("add", 2L))));
        assertEquals(1L, eval(1, c("qty", f("sub", 2L))));
        assertEquals(new BigDecimal("7.50"), eval(1, c("price", f("mul", 3L))));
        assertEquals(new BigDecimal("1.25"), eval(1, c("price", f("div", 2L))));
        assertEquals(5L, eval(2, c("qty", f("div", 2L))));
        assertEquals(new BigDecimal("1.5"), eval(1, c("qty", f("div", 2L))));
        assertEquals(2L, eval(1, c("price", f("floor"))));
        assertEquals(3L, eval(1, c("price", f("ceil"))));
        assertEquals(3L, eval(1, c("price", f("round"))));
        assertEquals(new BigDecimal("1.0"), eval(3, c("price", f("round", 1L))));
        assertNull(eval(3, c("qty", f("add", 1L))), "null stays null");
        assertEquals(DbException.Kind.BAD_QUERY, assertThrows(DbException.class, () -> eval(1, c("qty", f("div", 0L)))).kind());
    }

    @Test
    void timestampFilters() {
        assertEquals(2025L, eval(1, c("at", f("timestamp_year"))));
        assertEquals(1L, eval(1, c("at", f("timestamp_month"))));
        assertEquals(2L, eval(1, c("at", f("timestamp_day_of_month"))));
        assertEquals(3L, eval(1, c("at", f("timestamp_hour"))));
        assertEquals(4L, eval(1, c("at", f("timestamp_minute"))));
        long at = 1735787045000L;
        assertEquals(at + 2 * 86_400_000L, eval(1, c("at", f("timestamp_add_days", 2L))));
        assertEquals(at + 3_600_000L, eval(1, c("at", f("timestamp_add_hours", 1L))));
        assertEquals(at + 60_000L, eval(1, c("at", f("timestamp_add_minutes", 1L))));
        assertEquals(at + 5_000L, eval(1, c("at", f("timestamp_add_seconds", 5L))));
        assertEquals(at - 86_400_000L, eval(1, c("at", f("timestamp_subtract_days", 1L))));
        assertEquals(at - 7_200_000L, eval(1, c("at", f("timestamp_subtract_hours", 2L))));
        assertEquals(at - 60_000L, eval(1, c("at", f("timestamp_subtract_minutes", 1L))));
        assertEquals(at - 1_000L, eval(1, c("at", f("timestamp_subtract_seconds", 1L))));
        assertEquals(ids(2), ids(new Condition.Compare(c("at", f("timestamp_year")), Op.EQ, k(2024L))));
    }

    @Test
    void calendarTimestampFilters() {
        assertEquals(4L, eval(1, c("at", f("timestamp_day_of_week"))), "2025-01-02 is a Thursday; Sunday is 0");
        assertEquals(2L, eval(1, c("at", f("timestamp_day_of_year"))));
        assertEquals(1L, eval(1, c("at", f("timestamp_week"))));
        assertEquals(Timestamps.parse("2025-02-02T03:04:05Z"), eval(1, c("at", f("timestamp_add_months", 1L))));
        assertEquals(Timestamps.parse("2024-01-02T03:04:05Z"), eval(1, c("at", f("timestamp_subtract_years", 1L))));
        assertNull(eval(3, c("at", f("timestamp_year"))));
    }

    @Test
    void unknownFilterIsABadQueryNamingIt() {
        DbException e = assertThrows(DbException.class, () -> eval(1, c("name", f("sparkle"))));
        assertEquals(DbException.Kind.BAD_QUERY, e.kind());
        assertTrue(e.getMessage().contains("\"sparkle\""), e.getMessage());
    }
}
