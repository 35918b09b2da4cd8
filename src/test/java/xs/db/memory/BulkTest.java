package xs.db.memory;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import xs.db.Condition;
import xs.db.DbException;
import xs.db.Op;
import xs.db.Operand;
import xs.db.Query;
import xs.db.ReturnSpec;

import static org.junit.jupiter.api.Assertions.*;
import static xs.db.memory.Schemas.*;

class BulkTest {
    private final MemoryDatabase db = MemoryDatabase.inMemory();

    @BeforeEach
    void schema() {
        db.define(user());
    }

    private long count() {
        return (Long) db.query(new Query("user", null, null, new ReturnSpec("count", null), null, null));
    }

    @Test
    void bulkAddInsertsAllOrNone() {
        assertEquals(3L, db.bulkAdd("user", List.of(row("email", "a@x.io"), row("email", "b@x.io"), row("email", "c@x.io"))));
        assertEquals(3L, count());
        DbException e = assertThrows(DbException.class,
                () -> db.bulkAdd("user", List.of(row("email", "d@x.io"), row("email", "a@x.io"))));
        assertEquals(DbException.Kind.UNIQUE_VIOLATION, e.kind());
        assertEquals(3L, count());
        assertFalse(db.has("user", "email", "d@x.io"));
        assertEquals(4L, db.add("user", row("email", "d@x.io")).get("id"));
    }

    @Test
    void bulkUpdateAndPatchChangeGivenFieldsByIdAndSkipMissingIds() {
        db.bulkAdd("user", List.of(row("email", "a@x.io", "age", 1L), row("email", "b@x.io", "age", 2L)));
        assertEquals(2L, db.bulkUpdate("user", List.of(row("id", 1L, "age", 10L), row("id", "2", "name", "Bo"), row("id", 99L, "age", 5L))));
        assertEquals(10L, db.get("user", "id", 1L).get("age"));
        assertEquals("Bo", db.get("user", "id", 2L).get("name"));
        assertEquals(2L, db.get("user", "id", 2L).get("age"));
        assertEquals(1L, db.bulkPatch("user", List.of(row("id", 1L, "name", "Al"))));
        assertEquals("Al", db.get("user", "id", 1L).get("name"));
        assertEquals(DbException.Kind.BAD_QUERY, assertThrows(DbException.class, () -> db.bulkUpdate("user", List.of(row("age", 1L)))).kind());
        assertThrows(DbException.class, () -> db.bulkUpdate("user", List.of(row("id", 1L, "age", 11L), row("id", 2L, "age", "x"))));
        assertEquals(10L, db.get("user", "id", 1L).get("age"), "a failing bulk update changes nothing");
    }

    @Test
    void bulkDeleteRemovesMatchingRows() {
        db.bulkAdd("user", List.of(row("email", "a@x.io", "age", 1L), row("email", "b@x.io", "age", 20L), row("email", "c@x.io", "age", 30L)));
        Condition adults = new Condition.Compare(new Operand.Column("user", "age"), Op.GE, new Operand.Constant(18L));
        assertEquals(2L, db.bulkDelete("user", adults));
        assertEquals(1L, count());
        assertEquals(0L, db.bulkDelete("user", adults));
        assertEquals(1L, db.bulkDelete("user", null));
        assertEquals(0L, count());
    }
}
