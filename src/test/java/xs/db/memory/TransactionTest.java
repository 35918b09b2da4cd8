package xs.db.memory;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import xs.db.DbException;
import xs.db.Query;

import static org.junit.jupiter.api.Assertions.*;
import static xs.db.memory.Schemas.*;

class TransactionTest {
    private final MemoryDatabase db = MemoryDatabase.inMemory();

    @BeforeEach
    void schema() {
        db.define(user());
        db.add("user", row("email", "a@x.io", "age", 1L));
    }

    private List<?> all(String table) {
        return (List<?>) db.query(Query.all(table));
    }

    @Test
    void committedTransactionKeepsEverything() {
        Long id = db.transaction(() -> {
            db.add("user", row("email", "b@x.io"));
            return (Long) db.edit("user", "id", 1L, row("age", 2L)).get("id");
        });
        assertEquals(1L, id);
        assertEquals(2, all("user").size());
        assertEquals(2L, db.get("user", "id", 1L).get("age"));
    }

    @Test
    void failureInTheMiddleOfSeveralWritesUndoesThemAll() {
        List<?> before = all("user");
        DbException e = assertThrows(DbException.class, () -> db.transaction(() -> {
            db.add("user", row("email", "b@x.io"));
            db.edit("user", "id", 1L, row("age", 99L, "name", "changed"));
            db.delete("user", "email", "b@x.io");
            db.add("user", row("email", "c@x.io"));
            db.add("log", row("msg", "implicit table created inside"));
            db.truncate("user", true);
            db.add("user", row("email", "d@x.io"));
            db.add("user", row("email", "d@x.io"));
            return null;
        }));
        assertEquals(DbException.Kind.UNIQUE_VIOLATION, e.kind());
        assertEquals(before, all("user"));
        assertFalse(db.tables().contains("log"), "the implicit table created inside is gone too");
        assertEquals(2L, db.add("user", row("email", "z@x.io")).get("id"), "the id sequence is rolled back as well");
    }

    @Test
    void anyExceptionRollsBackAndPropagates() {
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> db.transaction(() -> {
            db.bulkAdd("user", List.of(row("email", "b@x.io"), row("email", "c@x.io")));
            throw new IllegalArgumentException("script error");
        }));
        assertEquals("script error", thrown.getMessage());
        assertEquals(1, all("user").size());
    }

    @Test
    void nestedTransactionsJoinTheOuterOne() {
        assertThrows(IllegalStateException.class, () -> db.transaction(() -> {
            db.transaction(() -> db.add("user", row("email", "inner@x.io")));
            db.add("user", row("email", "outer@x.io"));
            throw new IllegalStateException("outer fails after the inner committed");
        }));
        assertFalse(db.has("user", "email", "inner@x.io"));
        assertFalse(db.has("user", "email", "outer@x.io"));
    }

    @Test
    void caughtFailureInsideATransactionUndoesOnlyThatStatement() {
        db.transaction(() -> {
            db.add("user", row("email", "b@x.io"));
            assertThrows(DbException.class, () -> db.add("user", row("email", "a@x.io")));
            assertThrows(IllegalStateException.class, () -> db.transaction(() -> {
                db.add("user", row("email", "nested@x.io"));
                throw new IllegalStateException("nested fails");
            }));
            db.add("user", row("email", "c@x.io"));
            return null;
        });
        assertTrue(db.has("user", "email", "b@x.io"));
        assertTrue(db.has("user", "email", "c@x.io"));
        assertFalse(db.has("user", "email", "nested@x.io"));
        assertEquals(3, all("user").size());
    }

    @Test
    void readsInsideATransactionSeeItsOwnWrites() {
        Map<String, Object> seen = db.transaction(() -> {
            db.add("user", row("email", "b@x.io"));
            return db.get("user", "email", "b@x.io");
        });
        assertEquals(2L, seen.get("id"));
    }
}
