package xs.db.memory;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import xs.db.DbException;
import xs.db.DefaultValue;
import xs.db.Query;
import xs.db.ReturnSpec;
import xs.db.value.Timestamps;

import static org.junit.jupiter.api.Assertions.*;
import static xs.db.memory.Schemas.*;

class WritesTest {
    private final MemoryDatabase db = MemoryDatabase.inMemory();

    @Test
    void intIdsCountFromOneAndRowsComeBackInSchemaOrder() {
        db.define(user());
        Map<String, Object> a = db.add("user", row("name", "Ada", "email", "ada@x.io"));
        Map<String, Object> b = db.add("user", row("email", "bob@x.io"));
        assertEquals(1L, a.get("id"));
        assertEquals(2L, b.get("id"));
        assertEquals(List.of("id", "email", "name", "age", "active", "created_at"), List.copyOf(a.keySet()));
        assertNull(b.get("name"));
    }

    @Test
    void defaultsApplyOnlyToMissingFields() {
        db.define(table("t", List.of(withDefault("role", "text", "user"), withDefault("n", "int", "-1"),
                withDefault("at", "timestamp", DefaultValue.NOW), withDefault("day", "date", DefaultValue.NOW))));
        long before = System.currentTimeMillis();
        Map<String, Object> r = db.add("t", Map.of());
        assertEquals("user", r.get("role"));
        assertEquals(-1L, r.get("n"));
        assertTrue((Long) r.get("at") >= before);
        assertEquals(Timestamps.date(System.currentTimeMillis()), r.get("day"));
        Map<String, Object> explicitNull = new java.util.HashMap<>();
        explicitNull.put("role", null);
        assertNull(db.add("t", explicitNull).get("role"));
    }

    @Test
    void uuidIdsAreRandomUuids() {
        db.define(table("doc", List.of(col("id", "uuid"), col("title", "text"))));
        String a = (String) db.add("doc", row("title", "a")).get("id");
        String b = (String) db.add("doc", row("title", "b")).get("id");
        assertNotEquals(a, b);
        assertTrue(a.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}"), a);
        assertEquals("b", db.get("doc", "id", b).get("title"));
    }

    @Test
    void tableWithoutIdColumnGetsIntId() {
        db.define(table("note", List.of(col("body", "text"))));
        Map<String, Object> r = db.add("note", row("body", "x"));
        assertEquals(List.of("id", "body"), List.copyOf(r.keySet()));
        assertEquals(1L, r.get("id"));
    }

    @Test
    void uniqueViolationNamesIndexAndValueAndWritesNothing() {
        db.define(user());
        db.add("user", row("email", "a@b.c"));
        DbException e = assertThrows(DbException.class, () -> db.add("user", row("email", " A@B.C ")));
        assertEquals(DbException.Kind.UNIQUE_VIOLATION, e.kind());
        assertEquals("duplicate value \"a@b.c\" for unique index on user.email", e.getMessage());
        assertEquals(1L, db.query(new Query("user", null, null, new ReturnSpec("count", null), null, null)));
        Map<String, Object> second = db.add("user", row("email", "b@b.c"));
        assertEquals(2L, second.get("id"), "a failed insert leaves no trace, not even a used id");
    }

    @Test
    void editIntoAnotherRowsUniqueValueFails() {
        db.define(user());
        db.add("user", row("email", "a@b.c"));
        db.add("user", row("email", "b@b.c"));
        DbException e = assertThrows(DbException.class, () -> db.edit("user", "id", 2L, row("email", "a@b.c")));
        assertEquals(DbException.Kind.UNIQUE_VIOLATION, e.kind());
        assertEquals("b@b.c", db.get("user", "id", 2L).get("email"));
        assertEquals("a@b.c", db.edit("user", "id", 1L, row("email", "a@b.c", "name", "same")).get("email"));
    }

    @Test
    void compositeUniqueIndex() {
        db.define(table("member", List.of(col("org", "int"), col("user", "int")), unique("org", "user")));
        db.add("member", row("org", 1L, "user", 1L));
        db.add("member", row("org", 1L, "user", 2L));
        DbException e = assertThrows(DbException.class, () -> db.add("member", row("org", "1", "user", 2L)));
        assertEquals("duplicate value (1, 2) for unique index on member.(org, user)", e.getMessage());
        db.add("member", row("org", 1L));
        db.add("member", row("org", 1L));
    }

    @Test
    void nullsDoNotCollideInUniqueIndexes() {
        db.define(user());
        db.add("user", row("name", "x"));
        db.add("user", row("name", "y"));
        assertEquals(2L, db.query(new Query("user", null, null, new ReturnSpec("count", null), null, null)));
    }

    @Test
    void readsOfUnknownTablesFail() {
        for (Runnable read : List.<Runnable>of(
                () -> db.get("ghost", "id", 1L), () -> db.has("ghost", "id", 1L), () -> db.query(Query.all("ghost")),
                () -> db.edit("ghost", "id", 1L, Map.of()), () -> db.patch("ghost", "id", 1L, Map.of()),
                () -> db.delete("ghost", "id", 1L))) {
            DbException e = assertThrows(DbException.class, read::run);
            assertEquals(DbException.Kind.UNKNOWN_TABLE, e.kind());
            assertEquals("unknown table \"ghost\"", e.getMessage());
        }
        assertFalse(db.tables().contains("ghost"));
    }

    @Test
    void editPatchDeleteOfMissingRowIsNotFound() {
        db.define(user());
        DbException e = assertThrows(DbException.class, () -> db.edit("user", "id", 9L, row("name", "x")));
        assertEquals(DbException.Kind.NOT_FOUND, e.kind());
        assertEquals("no row in table \"user\" with id = 9", e.getMessage());
        assertEquals(DbException.Kind.NOT_FOUND, assertThrows(DbException.class, () -> db.patch("user", "email", "x@y.z", Map.of())).kind());
        DbException del = assertThrows(DbException.class, () -> db.delete("user", "email", "x@y.z"));
        assertTrue(del.getMessage().contains("email = \"x@y.z\""), del.getMessage());
    }

    @Test
    void editUpdatesOnlyGivenFieldsAndNeverTheId() {
        db.define(user());
        db.add("user", row("email", "a@b.c", "name", "Ada", "age", 30L));
        Map<String, Object> edited = db.edit("user", "email", "a@b.c", row("age", "31", "id", 99L));
        assertEquals(1L, edited.get("id"));
        assertEquals(31L, edited.get("age"));
        assertEquals("Ada", edited.get("name"));
        Map<String, Object> patched = db.patch("user", "id", 1L, row("name", "Ada L."));
        assertEquals("Ada L.", patched.get("name"));
        assertEquals(31L, patched.get("age"));
        assertNull(db.get("user", "id", 99L));
    }

    @Test
    void addOrEditInsertsThenEdits() {
        db.define(user());
        Map<String, Object> added = db.addOrEdit("user", "email", "n@x.io", row("name", "New"));
        assertEquals("n@x.io", added.get("email"));
        assertEquals(1L, added.get("id"));
        Map<String, Object> edited = db.addOrEdit("user", "email", "n@x.io", row("name", "Renamed"));
        assertEquals(1L, edited.get("id"));
        assertEquals("Renamed", db.get("user", "id", 1L).get("name"));
        assertTrue(db.has("user", "email", "n@x.io"));
    }

    @Test
    void deleteAndTruncate() {
        db.define(user());
        db.add("user", row("email", "a@b.c"));
        db.add("user", row("email", "b@b.c"));
        db.delete("user", "id", 1L);
        assertFalse(db.has("user", "id", 1L));
        db.truncate("user", false);
        assertEquals(List.of(), db.query(Query.all("user")));
        assertEquals(3L, db.add("user", row("email", "c@b.c")).get("id"));
        db.truncate("user", true);
        assertEquals(1L, db.add("user", row("email", "c@b.c")).get("id"));
    }

    @Test
    void returnedRowsAreCopies() {
        db.define(table("t", List.of(col("meta", "json"))));
        Map<String, Object> meta = row("tags", list("a"));
        Map<String, Object> added = db.add("t", row("meta", meta));
        ((List<Object>) meta.get("tags")).add("changed by caller after the write");
        added.put("meta", "mutated");
        @SuppressWarnings("unchecked")
        Map<String, Object> stored = (Map<String, Object>) db.get("t", "id", 1L).get("meta");
        assertEquals(List.of("a"), stored.get("tags"));
        ((List<Object>) stored.get("tags")).clear();
        assertEquals(row("tags", list("a")), db.get("t", "id", 1L).get("meta"));
    }

    @Test
    void implicitTablesAreCreatedOnFirstWriteAndKeepAnyFields() {
        long before = System.currentTimeMillis();
        Map<String, Object> a = db.add("event", row("kind", "click", "n", 1));
        Map<String, Object> b = db.add("event", row("other", list(1L, 2L), "created_at", 5L));
        assertTrue(db.isImplicit("event"));
        assertFalse(db.isImplicit("nothing"));
        assertEquals(1L, a.get("id"));
        assertTrue((Long) a.get("created_at") >= before);
        assertEquals(List.of("id", "created_at", "kind", "n"), List.copyOf(a.keySet()));
        assertEquals(1L, a.get("n"));
        assertEquals(List.of("id", "created_at", "other"), List.copyOf(b.keySet()), "fields a row never had are not returned");
        assertEquals(5L, b.get("created_at"));
        assertEquals("click", db.edit("event", "id", 2L, row("kind", "click")).get("kind"));
        assertTrue(db.schema("event").isEmpty());
        db.define(user());
        assertFalse(db.isImplicit("user"));
        assertEquals("user", db.schema("user").orElseThrow().name());
        assertEquals(List.of("event", "user"), List.copyOf(db.tables()));
    }

    @Test
    void itemsAndSeedDataKeepTheirIdsAndLaterIdsContinue() {
        db.define(table("color", List.of(col("name", "text")),
                List.of(row("id", 5L, "name", "red"), row("name", "green"))));
        assertEquals(6L, db.get("color", "name", "green").get("id"));
        db.seed(Map.of("color", List.of(row("id", "10", "name", "blue")), "tag", List.of(row("id", 3L, "label", "x"), row("label", "y"))));
        assertEquals(11L, db.add("color", row("name", "pink")).get("id"));
        assertEquals(4L, db.get("tag", "label", "y").get("id"));
        assertTrue(db.isImplicit("tag"));
    }

    @Test
    void seedIsAllOrNothing() {
        db.define(user());
        assertThrows(DbException.class, () -> db.seed(Map.of("user", List.of(row("email", "a@b.c"), row("email", "bad")))));
        assertFalse(db.has("user", "email", "a@b.c"));
    }

    @Test
    void redefiningATableKeepsRowsAndAppliesTheNewSchema() {
        db.add("user", row("email", "A@B.C", "age", "7", "extra", 1L));
        db.define(user());
        Map<String, Object> r = db.get("user", "id", 1L);
        assertEquals(7L, r.get("age"));
        assertEquals("a@b.c", r.get("email"));
        assertFalse(r.containsKey("extra"));
        assertThrows(DbException.class, () -> db.add("user", row("email", "a@b.c")));
    }
}
