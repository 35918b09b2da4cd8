package xs.db.memory;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xs.db.DbException;
import xs.db.Query;
import xs.db.TableSchema;

import static org.junit.jupiter.api.Assertions.*;
import static xs.db.memory.Schemas.*;

class JournalTest {
    @TempDir
    Path dir;

    private Path journal() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("journal-")).findFirst().orElseThrow();
        }
    }

    private List<String> fileNames() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> !n.equals("lock")).sorted().toList();
        }
    }

    /** Start offsets of the records in a journal file, read from their length fields. */
    private static List<Integer> recordOffsets(Path journal) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(journal));
        List<Integer> out = new ArrayList<>();
        int pos = 0;
        while (pos + 12 <= bytes.limit()) {
            out.add(pos);
            pos += 12 + bytes.getInt(pos);
        }
        return out;
    }

    private static List<?> all(MemoryDatabase db, String table) {
        return (List<?>) db.query(Query.all(table));
    }

    private static TableSchema seededUser() {
        TableSchema u = user();
        return new TableSchema(u.name(), u.columns(), u.indexes(), List.of(row("email", "seed@x.io")), false);
    }

    @Test
    void everyKindOfWriteIsReplayed() {
        List<?> users, logs;
        try (MemoryDatabase db = MemoryDatabase.durable(dir)) {
            db.define(seededUser());
            db.add("user", row("email", "a@x.io", "age", 1L));
            db.add("user", row("email", "b@x.io", "age", 2L));
            db.edit("user", "email", "a@x.io", row("name", "Ada"));
            db.delete("user", "email", "b@x.io");
            db.add("log", row("msg", "one", "data", row("d", new BigDecimal("5"), "e", new BigDecimal("2.50"), "n", 7L, "l", list(true, null))));
            db.add("log", row("msg", "two"));
            db.truncate("log", false);
            db.add("log", row("msg", "three"));
            db.transaction(() -> {
                db.add("user", row("email", "c@x.io"));
                return db.bulkAdd("user", List.of(row("email", "d@x.io"), row("email", "e@x.io")));
            });
            assertThrows(DbException.class, () -> db.add("user", row("email", "a@x.io")));
            assertThrows(IllegalStateException.class, () -> db.transaction(() -> {
                db.add("user", row("email", "rolled@x.io"));
                throw new IllegalStateException();
            }));
            users = all(db, "user");
            logs = all(db, "log");
        }
        try (MemoryDatabase db = MemoryDatabase.durable(dir)) {
            assertTrue(db.isImplicit("user"), "tables come back schemaless until declared");
            db.define(seededUser());
            assertFalse(db.isImplicit("user"));
            assertEquals(users, all(db, "user"), "same rows, and items are not seeded a second time");
            assertEquals(logs, all(db, "log"));
            assertEquals(7L, db.add("user", row("email", "f@x.io")).get("id"));
            assertEquals(4L, db.add("log", row("msg", "four")).get("id"), "truncate without reset keeps the sequence");
            assertThrows(DbException.class, () -> db.add("user", row("email", "c@x.io")), "unique index rebuilt");
        }
    }

    @Test
    void valuesComeBackWithTheirExactTypes() {
        Map<String, Object> data = row("dec", new BigDecimal("5"), "scaled", new BigDecimal("5.00"), "big", new BigDecimal("1E+3"),
                "int", 5L, "text", "5", "bool", false, "nil", null, "nested", row("a", list(1L, new BigDecimal("0.1"), row("b", "c"))));
        Map<String, Object> written;
        try (MemoryDatabase db = MemoryDatabase.durable(dir)) {
            written = db.add("thing", data);
        }
        try (MemoryDatabase db = MemoryDatabase.durable(dir)) {
            Map<String, Object> read = db.get("thing", "id", 1L);
            assertEquals(written, read);
            assertEquals(0, ((BigDecimal) read.get("dec")).scale());
            assertEquals(2, ((BigDecimal) read.get("scaled")).scale());
            assertEquals(Long.class, read.get("int").getClass());
        }
    }

    @Test
    void aTransactionIsOneRecord() throws IOException {
        try (MemoryDatabase db = MemoryDatabase.durable(dir)) {
            db.transaction(() -> {
                for (int i = 0; i < 5; i++) db.add("t", row("i", (long) i));
                return null;
            });
            db.add("t", row("i", 5L));
        }
        assertEquals(2, recordOffsets(journal()).size());
    }

    @Test
    void tornLastRecordIsDroppedAndTheJournalKeepsWorking() throws IOException {
        try (MemoryDatabase db = MemoryDatabase.durable(dir)) {
            for (int i = 0; i < 3; i++) db.add("t", row("i", (long) i));
        }
        Path journal = journal();
        long intact = Files.size(journal);
        byte[] full = Files.readAllBytes(journal);
        byte[] lastRecord = java.util.Arrays.copyOfRange(full, recordOffsets(journal).get(2), full.length);
        // A crash in the middle of an append: the header and part of the body made it to disk.
        Files.write(journal, java.util.Arrays.copyOf(lastRecord, lastRecord.length - 3), StandardOpenOption.APPEND);
        try (MemoryDatabase db = MemoryDatabase.durable(dir)) {
            assertEquals(3, all(db, "t").size());
            assertEquals(intact, Files.size(journal), "the torn tail is cut off");
            db.add("t", row("i", 3L));
        }
        // A crash that left only part of a header.
        Files.write(journal, new byte[] {0, 0, 1}, StandardOpenOption.APPEND);
        try (MemoryDatabase db = MemoryDatabase.durable(dir)) {
            assertEquals(4, all(db, "t").size());
            assertEquals(5L, db.add("t", row("i", 4L)).get("id"));
        }
        // A crash that extended the file with zeros.
        Files.write(journal, new byte[64], StandardOpenOption.APPEND);
        try (MemoryDatabase db = MemoryDatabase.durable(dir)) {
            assertEquals(5, all(db, "t").size());
        }
    }

    @Test
    void damagedRecordInTheMiddleIsReportedWithFileAndOffset() throws IOException {
        try (MemoryDatabase db = MemoryDatabase.durable(dir)) {
            for (int i = 0; i < 3; i++) db.add("t", row("i", (long) i));
        }
        Path journal = journal();
        int second = recordOffsets(journal).get(1);
        byte[] bytes = Files.readAllBytes(journal);
        bytes[second + 20] ^= 0x01;
        Files.write(journal, bytes);
        DbException e = assertThrows(DbException.class, () -> MemoryDatabase.durable(dir));
        assertEquals(DbException.Kind.STORAGE, e.kind());
        assertTrue(e.getMessage().contains(journal.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("at offset " + second), e.getMessage());

        bytes[second + 20] ^= 0x01;
        bytes[second + 1] ^= 0x7f;
        Files.write(journal, bytes);
        DbException header = assertThrows(DbException.class, () -> MemoryDatabase.durable(dir));
        assertTrue(header.getMessage().contains("at offset " + second + ": damaged record header"), header.getMessage());
    }

    @Test
    void compactionWritesASnapshotAndStartsAFreshJournal() throws IOException {
        List<?> before;
        try (MemoryDatabase db = MemoryDatabase.durable(dir, 4096)) {
            db.define(user());
            for (int i = 0; i < 300; i++) db.add("user", row("email", "u" + i + "@x.io", "age", (long) i));
            for (int i = 0; i < 300; i += 3) db.delete("user", "email", "u" + i + "@x.io");
            for (int i = 1; i < 300; i += 3) db.edit("user", "email", "u" + i + "@x.io", row("name", "edited"));
            db.add("other", row("x", 1L));
            db.truncate("other", false);
            before = all(db, "user");
            assertTrue(Files.size(journal()) < 4096 + 1024, "journal restarted after each snapshot");
        }
        List<String> files = fileNames();
        assertEquals(2, files.size(), files.toString());
        assertTrue(files.get(0).startsWith("journal-") && files.get(1).startsWith("snapshot-"), files.toString());
        assertEquals(files.get(0).replace("journal-", "").replace(".log", ""), files.get(1).replace("snapshot-", "").replace(".json", ""));
        try (MemoryDatabase db = MemoryDatabase.durable(dir, 4096)) {
            db.define(user());
            assertEquals(before, all(db, "user"));
            assertEquals(List.of(), all(db, "other"));
            assertEquals(2L, db.add("other", row("x", 2L)).get("id"));
            assertEquals(301L, db.add("user", row("email", "new@x.io")).get("id"));
            assertThrows(DbException.class, () -> db.add("user", row("email", "u1@x.io")));
        }
        try (MemoryDatabase db = MemoryDatabase.durable(dir, 4096)) {
            assertEquals(before.size() + 1, all(db, "user").size());
        }
    }

    @Test
    void leftoverTemporarySnapshotIsIgnored() throws IOException {
        try (MemoryDatabase db = MemoryDatabase.durable(dir)) {
            db.add("t", row("i", 1L));
        }
        Files.writeString(dir.resolve("snapshot-000001.json.tmp"), "{\"format\":1,\"tab");
        try (MemoryDatabase db = MemoryDatabase.durable(dir)) {
            assertEquals(1, all(db, "t").size());
        }
        assertFalse(Files.exists(dir.resolve("snapshot-000001.json.tmp")));
    }

    @Test
    void aDirectoryCanBeOpenedOnlyOnceAtATime() {
        try (MemoryDatabase db = MemoryDatabase.durable(dir)) {
            db.add("t", row("i", 1L));
            DbException e = assertThrows(DbException.class, () -> MemoryDatabase.durable(dir));
            assertEquals(DbException.Kind.STORAGE, e.kind());
            assertTrue(e.getMessage().contains("already open"), e.getMessage());
        }
        try (MemoryDatabase db = MemoryDatabase.durable(dir)) {
            assertEquals(1, all(db, "t").size());
        }
    }

    @Test
    void closedDatabaseRefusesWork() {
        MemoryDatabase db = MemoryDatabase.durable(dir);
        db.close();
        assertEquals(DbException.Kind.STORAGE, assertThrows(DbException.class, () -> db.add("t", Map.of())).kind());
    }
}
