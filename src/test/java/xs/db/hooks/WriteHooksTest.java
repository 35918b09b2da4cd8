package xs.db.hooks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import xs.db.ColumnSchema;
import xs.db.Condition;
import xs.db.DbException;
import xs.db.IndexSchema;
import xs.db.Op;
import xs.db.Operand;
import xs.db.Passwords;
import xs.db.TableSchema;
import xs.db.hooks.TableChange.Action;
import xs.db.memory.MemoryDatabase;

import static org.junit.jupiter.api.Assertions.*;

class WriteHooksTest {
    private final WriteHooks db = new WriteHooks(MemoryDatabase.inMemory(), "test");
    private final List<TableChange> told = new ArrayList<>();

    private static TableSchema login(List<Map<String, Object>> items) {
        return new TableSchema("login", List.of(ColumnSchema.of("email", "email"), ColumnSchema.of("secret", "password")),
            List.of(new IndexSchema("btree|unique", List.of("email"))), items, false);
    }

    private static Map<String, Object> row(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    private String secretOf(Object id) {
        return (String) db.get("login", "id", id).get("secret");
    }

    private void assertHashOf(String plain, String stored) {
        assertNotEquals(plain, stored);
        assertTrue(Passwords.isHash(stored), stored);
        assertTrue(Passwords.check(plain, stored), "the hash does not match " + plain);
    }

    // ---- password columns ---------------------------------------------------------------------

    @Test
    void addStoresTheHashAndReadsReturnIt() {
        db.define(login(List.of()));
        Map<String, Object> added = db.add("login", row("email", "a@x.io", "secret", "hunter2"));
        assertHashOf("hunter2", (String) added.get("secret"));
        assertEquals(added.get("secret"), secretOf(added.get("id")));
        assertFalse(Passwords.check("hunter3", secretOf(added.get("id"))));
    }

    @Test
    void everyWriteHashes() {
        db.define(login(List.of(row("id", 1L, "email", "items@x.io", "secret", "items"))));
        db.seed(Map.of("login", List.of(row("id", 2L, "email", "seed@x.io", "secret", "seed"))));
        db.add("login", row("id", 3L, "email", "c@x.io", "secret", "c"));
        db.add("login", row("id", 4L, "email", "d@x.io", "secret", "d"));
        db.edit("login", "id", 3L, row("secret", "edited"));
        db.patch("login", "id", 4L, row("secret", "patched"));
        db.addOrEdit("login", "email", "new@x.io", row("secret", "upserted"));
        db.bulkAdd("login", List.of(row("id", 10L, "email", "bulk@x.io", "secret", "bulk")));
        db.bulkUpdate("login", List.of(row("id", 1L, "secret", "bulk-updated")));
        assertHashOf("bulk-updated", secretOf(1L));
        assertHashOf("seed", secretOf(2L));
        assertHashOf("edited", secretOf(3L));
        assertHashOf("patched", secretOf(4L));
        assertHashOf("upserted", (String) db.get("login", "email", "new@x.io").get("secret"));
        assertHashOf("bulk", secretOf(10L));
    }

    @Test
    void itemsAreHashedWhenTheTableIsDeclared() {
        db.define(login(List.of(row("id", 1L, "email", "items@x.io", "secret", "items"))));
        assertHashOf("items", secretOf(1L));
    }

    @Test
    void aValueThatIsAlreadyAHashIsKept() {
        String hash = Passwords.hash("kept");
        db.define(login(List.of()));
        db.add("login", row("id", 1L, "email", "a@x.io", "secret", hash));
        assertEquals(hash, secretOf(1L));
        Map<String, Object> read = db.get("login", "id", 1L);
        read.put("email", "b@x.io");
        db.edit("login", "id", 1L, read);
        assertEquals(hash, secretOf(1L));
    }

    @Test
    void aValueOfTheWrongTypeIsAnInputErrorNamingTheColumn() {
        db.define(login(List.of()));
        DbException e = assertThrows(DbException.class, () -> db.add("login", row("email", "a@x.io", "secret", List.of(1))));
        assertEquals(DbException.Kind.INPUT_ERROR, e.kind());
        assertEquals("secret", e.field());
    }

    @Test
    void numbersAreHashedAsTheirTextAndNullStaysNull() {
        db.define(login(List.of()));
        db.add("login", row("id", 1L, "email", "a@x.io", "secret", 1234L));
        db.add("login", row("id", 2L, "email", "b@x.io", "secret", null));
        assertHashOf("1234", secretOf(1L));
        assertNull(secretOf(2L));
    }

    // ---- table listeners ----------------------------------------------------------------------

    private WriteHooks listening() {
        db.define(new TableSchema("item", List.of(ColumnSchema.of("name", "text")),
            List.of(new IndexSchema("btree|unique", List.of("name"))), List.of(), false));
        db.addListener(told::add);
        return db;
    }

    private void assertTold(int index, Action action, Object newName, Object oldName) {
        TableChange change = told.get(index);
        assertEquals("item", change.table());
        assertEquals(action, change.action());
        assertEquals(newName, change.newRow().get("name"), "new row of " + change);
        assertEquals(oldName, change.oldRow().get("name"), "old row of " + change);
        assertEquals("test", change.datasource());
    }

    @Test
    void eachSingleRowWriteIsToldWithItsRows() {
        listening();
        db.add("item", row("name", "a"));
        db.edit("item", "id", 1L, row("name", "b"));
        db.addOrEdit("item", "name", "c", row());
        db.addOrEdit("item", "name", "c", row("name", "d"));
        db.delete("item", "id", 1L);
        db.truncate("item", false);
        assertEquals(6, told.size(), told.toString());
        assertTold(0, Action.INSERT, "a", null);
        assertTrue(told.get(0).oldRow().isEmpty());
        assertEquals(1L, told.get(0).newRow().get("id"));
        assertTold(1, Action.UPDATE, "b", "a");
        assertTold(2, Action.INSERT, "c", null);
        assertTold(3, Action.UPDATE, "d", "c");
        assertTold(4, Action.DELETE, null, "b");
        assertTrue(told.get(4).newRow().isEmpty());
        assertEquals(Action.TRUNCATE, told.get(5).action());
        assertTrue(told.get(5).newRow().isEmpty() && told.get(5).oldRow().isEmpty());
    }

    @Test
    void bulkWritesAreToldRowByRow() {
        listening();
        assertEquals(3L, db.bulkAdd("item", List.of(row("name", "a"), row("name", "b"), row("name", "c"))));
        assertEquals(2L, db.bulkUpdate("item", List.of(row("id", 1L, "name", "a2"), row("id", 99L, "name", "x"),
            row("id", 3L, "name", "c2"))));
        Condition notB = new Condition.Compare(new Operand.Column("item", "name"), Op.NE, new Operand.Constant("b"));
        assertEquals(2L, db.bulkDelete("item", notB));
        assertEquals(7, told.size(), told.toString());
        assertTold(0, Action.INSERT, "a", null);
        assertEquals(3L, told.get(2).newRow().get("id"));
        assertTold(3, Action.UPDATE, "a2", "a");
        assertTold(4, Action.UPDATE, "c2", "c");
        assertTold(5, Action.DELETE, null, "a2");
        assertTold(6, Action.DELETE, null, "c2");
    }

    @Test
    void insideATransactionChangesAreToldAfterTheCommit() {
        listening();
        int toldInside = db.transaction(() -> {
            db.add("item", row("name", "a"));
            db.edit("item", "id", 1L, row("name", "b"));
            return told.size();
        });
        assertEquals(0, toldInside);
        assertEquals(2, told.size());
        assertTold(0, Action.INSERT, "a", null);
        assertTold(1, Action.UPDATE, "b", "a");
    }

    @Test
    void aRolledBackTransactionTellsNothingAndANestedRollbackOnlyItsOwn() {
        listening();
        assertThrows(IllegalStateException.class, () -> db.transaction(() -> {
            db.add("item", row("name", "gone"));
            throw new IllegalStateException("rolled back");
        }));
        assertEquals(List.of(), told);
        db.transaction(() -> {
            db.add("item", row("name", "kept"));
            try {
                db.transaction(() -> {
                    db.add("item", row("name", "undone"));
                    throw new IllegalStateException("inner");
                });
            } catch (IllegalStateException expected) {
                // the outer transaction goes on without the inner one's writes
            }
            return null;
        });
        assertEquals(1, told.size(), told.toString());
        assertTold(0, Action.INSERT, "kept", null);
    }

    @Test
    void aFailedWriteTellsNothing() {
        listening();
        db.add("item", row("name", "a"));
        assertThrows(DbException.class, () -> db.add("item", row("name", "a")));
        assertThrows(DbException.class, () -> db.edit("item", "id", 42L, row("name", "b")));
        assertThrows(DbException.class, () -> db.bulkAdd("item", List.of(row("name", "b"), row("name", "a"))));
        assertEquals(1, told.size(), told.toString());
    }

    @Test
    void aFailingListenerDoesNotUndoTheWriteAndTheOthersAreStillTold() {
        listening();
        db.addListener(change -> {
            throw new IllegalStateException("listener broke");
        });
        List<TableChange> later = new ArrayList<>();
        db.addListener(later::add);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> db.add("item", row("name", "a")));
        assertEquals("listener broke", e.getMessage());
        assertEquals("a", db.get("item", "id", 1L).get("name"));
        assertEquals(1, told.size());
        assertEquals(1, later.size());
    }

    @Test
    void aListenerMayWriteAndIsToldOfItsOwnWrites() {
        listening();
        db.define(new TableSchema("audit", List.of(ColumnSchema.of("what", "text")), List.of(), List.of(), false));
        db.addListener(change -> {
            if (change.table().equals("item")) {
                db.add("audit", row("what", change.action().word() + " " + change.newRow().get("name")));
            }
        });
        db.transaction(() -> db.add("item", row("name", "a")));
        assertEquals("insert a", db.get("audit", "id", 1L).get("what"));
        assertEquals(List.of("item", "audit"), told.stream().map(TableChange::table).toList());
    }

    @Test
    void listenersGetTheWritersRowsReadOnly() {
        listening();
        Map<String, Object> added = db.add("item", row("name", "a"));
        assertEquals(added, told.get(0).newRow());
        assertThrows(UnsupportedOperationException.class, () -> told.get(0).newRow().put("name", "b"));
        assertEquals("a", added.get("name"));
    }

    @Test
    void writesToATableNoListenerListensToAreNotTold() {
        db.define(new TableSchema("item", List.of(ColumnSchema.of("name", "text")), List.of(), List.of(), false));
        db.define(new TableSchema("other", List.of(ColumnSchema.of("name", "text")), List.of(), List.of(), false));
        db.addListener(new TableListener() {
            @Override
            public void changed(TableChange change) {
                told.add(change);
            }

            @Override
            public boolean listensTo(String table) {
                return table.equals("item");
            }
        });
        db.add("other", row("name", "a"));
        db.add("item", row("name", "b"));
        assertEquals(List.of("item"), told.stream().map(TableChange::table).toList());
    }
}
