package xs.db.memory;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import xs.db.DbException;
import xs.db.Query;
import xs.db.ReturnSpec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static xs.db.memory.Schemas.*;

class CoercionTest {
    private static MemoryDatabase typed() {
        MemoryDatabase db = MemoryDatabase.inMemory();
        db.define(table("t", List.of(
                col("i", "int"), col("d", "decimal"), col("b", "bool"), col("ts", "timestamp"), col("day", "date"),
                col("txt", "text"), col("mail", "email"), col("pw", "password"), col("u", "uuid"), col("j", "json"),
                enumOf("role", "user", "admin"), array("tags", "text"), array("nums", "int"),
                object("addr", col("zip", "int"), withDefault("country", "text", "NZ")), col("vec", "vector"),
                col("pic", "image"), col("where", "geo_point"), filtered("up", "text", "trim", "upper"))));
        return db;
    }

    static Stream<Arguments> good() {
        return Stream.of(
                Arguments.of("i", 5L, 5L), Arguments.of("i", "5", 5L), Arguments.of("i", new BigDecimal("5.0"), 5L),
                Arguments.of("i", 7, 7L), Arguments.of("i", 5.0d, 5L),
                Arguments.of("d", 5L, new BigDecimal("5")), Arguments.of("d", "2.50", new BigDecimal("2.50")),
                Arguments.of("b", true, true), Arguments.of("b", "false", false), Arguments.of("b", 1L, true),
                Arguments.of("b", 0L, false), Arguments.of("b", "true", true),
                Arguments.of("ts", 1735787045000L, 1735787045000L),
                Arguments.of("ts", "2025-01-02T03:04:05Z", 1735787045000L),
                Arguments.of("ts", "2025-01-02 03:04:05", 1735787045000L),
                Arguments.of("ts", "2025-01-02", 1735776000000L),
                Arguments.of("ts", "2025-01-02T05:04:05+02:00", 1735787045000L),
                Arguments.of("day", "2025-01-02", "2025-01-02"), Arguments.of("day", 1735787045000L, "2025-01-02"),
                Arguments.of("txt", "hi", "hi"), Arguments.of("txt", 5L, "5"), Arguments.of("txt", new BigDecimal("1.50"), "1.50"),
                Arguments.of("mail", "a@b.co", "a@b.co"), Arguments.of("pw", "secret", "secret"),
                Arguments.of("u", "123e4567-e89b-12d3-a456-426614174000", "123e4567-e89b-12d3-a456-426614174000"),
                Arguments.of("j", Map.of("k", List.of(1L)), Map.of("k", List.of(1L))),
                Arguments.of("role", "admin", "admin"),
                Arguments.of("tags", List.of("a", 5L), List.of("a", "5")), Arguments.of("nums", List.of("1", 2L), List.of(1L, 2L)),
                Arguments.of("addr", Map.of("zip", "123", "junk", 1L), row("zip", 123L, "country", "NZ")),
                Arguments.of("vec", List.of(1L, new BigDecimal("0.5")), List.of(1L, new BigDecimal("0.5"))),
                Arguments.of("pic", Map.of("url", "x"), Map.of("url", "x")),
                Arguments.of("where", Map.of("lat", 1L), Map.of("lat", 1L)),
                Arguments.of("up", "  shout ", "SHOUT"),
                Arguments.of("i", null, null));
    }

    @ParameterizedTest(name = "{0} <- {1}")
    @MethodSource("good")
    void acceptsAndConverts(String column, Object given, Object stored) {
        MemoryDatabase db = typed();
        Map<String, Object> data = new java.util.HashMap<>();
        data.put(column, given);
        Map<String, Object> row = db.add("t", data);
        assertEquals(stored, row.get(column));
        assertEquals(stored, db.get("t", "id", row.get("id")).get(column));
    }

    static Stream<Arguments> bad() {
        return Stream.of(
                Arguments.of("i", "5.5"), Arguments.of("i", "abc"), Arguments.of("i", true), Arguments.of("i", new BigDecimal("5.5")),
                Arguments.of("d", "x1"), Arguments.of("d", List.of()), Arguments.of("b", "yes"), Arguments.of("b", 2L),
                Arguments.of("ts", "yesterday-ish"), Arguments.of("ts", true), Arguments.of("day", "2025-13-45"),
                Arguments.of("txt", Map.of()), Arguments.of("txt", true), Arguments.of("mail", "not-an-email"),
                Arguments.of("u", "1234"), Arguments.of("role", "owner"), Arguments.of("tags", "a"),
                Arguments.of("nums", List.of("x")), Arguments.of("addr", "street"), Arguments.of("vec", List.of("a")));
    }

    @ParameterizedTest(name = "{0} rejects {1}")
    @MethodSource("bad")
    void rejectsWithInputError(String column, Object given) {
        MemoryDatabase db = typed();
        DbException e = assertThrows(DbException.class, () -> db.add("t", Map.of(column, given)));
        assertEquals(DbException.Kind.INPUT_ERROR, e.kind());
        assertEquals(column, e.field());
        assertTrue(e.getMessage().contains("table t"), e.getMessage());
        assertEquals(0L, db.query(new Query("t", null, null, new ReturnSpec("count", null), null, null)));
    }

    @Test
    void nestedObjectErrorsNameThePath() {
        MemoryDatabase db = typed();
        DbException e = assertThrows(DbException.class, () -> db.add("t", Map.of("addr", Map.of("zip", "abc"))));
        assertEquals("addr.zip", e.field());
    }

    @Test
    void timestampNowIsTheCurrentTime() {
        MemoryDatabase db = typed();
        long before = System.currentTimeMillis();
        long ts = (Long) db.add("t", Map.of("ts", "now")).get("ts");
        assertTrue(ts >= before && ts <= System.currentTimeMillis());
    }

    @Test
    void unknownFieldsAreDroppedForDeclaredTables() {
        MemoryDatabase db = typed();
        Map<String, Object> row = db.add("t", Map.of("i", 1L, "nope", "x"));
        assertTrue(!row.containsKey("nope"));
        assertEquals(List.of("id", "i", "d", "b", "ts", "day", "txt", "mail", "pw", "u", "j", "role", "tags", "nums",
                "addr", "vec", "pic", "where", "up"), List.copyOf(row.keySet()));
    }
}
