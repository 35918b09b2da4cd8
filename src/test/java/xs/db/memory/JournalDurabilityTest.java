package xs.db.memory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;
import static xs.db.memory.Schemas.*;
import xs.db.DbException;
import xs.db.JsonDepth;
import xs.db.Query;

/** What the journal promises beyond replay: forced commits, snapshots that always fit, evidence kept. */
class JournalDurabilityTest {
    @TempDir
    Path dir;

    private static boolean isJournal(Path p) {
        return p.getFileName().toString().matches("journal-\\d+\\.log");
    }

    private static boolean isTemporary(Path p) {
        return p.getFileName().toString().endsWith(".tmp");
    }

    private List<String> fileNames() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> !n.equals("lock")).sorted().toList();
        }
    }

    private Path journal() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(JournalDurabilityTest::isJournal).findFirst().orElseThrow();
        }
    }

    /** Runs body with System.err captured; returns what it printed there. */
    private static String stderrOf(IoRunnable body) throws IOException {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            body.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    private interface IoRunnable {
        void run() throws IOException;
    }

    /** A list nested {@code depth} deep: [[...[]...]]. */
    static List<Object> nested(int depth) {
        List<Object> value = new ArrayList<>();
        for (int i = 1; i < depth; i++) {
            List<Object> outer = new ArrayList<>();
            outer.add(value);
            value = outer;
        }
        return value;
    }

    @Test
    void everyCommitAndEveryTransactionIsForcedBeforeItReturns() {
        WatchedFiles files = new WatchedFiles().count(JournalDurabilityTest::isJournal);
        try (MemoryDatabase db = MemoryDatabase.durable(dir, MemoryDatabase.DEFAULT_JOURNAL_LIMIT, files)) {
            int forces = files.forces.get();
            db.add("t", row("i", 1L));
            assertEquals(forces + 1, files.forces.get(), "one force for one statement");
            assertEquals(0, files.unforcedWrites.get(), "the statement's bytes were forced before add returned");

            db.transaction(() -> {
                for (int i = 0; i < 3; i++) db.add("t", row("i", (long) i));
                assertEquals(forces + 1, files.forces.get(), "nothing is forced inside a transaction");
                return null;
            });
            assertEquals(forces + 2, files.forces.get(), "one force for the whole transaction");
            assertEquals(0, files.unforcedWrites.get(), "the transaction was forced before it returned");

            db.edit("t", "id", 1L, row("i", 9L));
            db.delete("t", "id", 2L);
            db.truncate("t", false);
            assertEquals(forces + 5, files.forces.get(), "edit, delete and truncate are each forced");
            assertEquals(0, files.unforcedWrites.get());
        }
    }

    @Test
    void aValueAtTheDepthLimitFitsTheJournalAndTheSnapshot() throws IOException {
        List<Object> deepest = nested(JsonDepth.MAX);
        try (MemoryDatabase db = MemoryDatabase.durable(dir, 4096)) {
            db.define(table("blob", List.of(col("id", "int"), col("value", "json"))));
            db.add("blob", row("value", deepest));
            // The deep row alone is ~2 KB of journal; filler takes the journal past its limit.
            for (int i = 0; i < 100; i++) db.add("filler", row("text", "row " + i + " of filler for the journal"));
            List<String> names = fileNames();
            assertTrue(names.stream().anyMatch(n -> n.startsWith("snapshot-")), "a snapshot was written: " + names);
            assertTrue(names.stream().noneMatch(n -> n.endsWith(".tmp")), "no temporary file is left: " + names);
            assertTrue(Files.size(journal()) < 4096 + 1024, "the journal was started afresh");
        }
        try (MemoryDatabase db = MemoryDatabase.durable(dir, 4096)) {
            assertEquals(deepest, db.get("blob", "id", 1L).get("value"));
        }
    }

    @Test
    void aValueDeeperThanTheLimitIsRefusedNamingTheLimit() {
        try (MemoryDatabase db = MemoryDatabase.durable(dir)) {
            db.define(table("blob", List.of(col("id", "int"), col("value", "json"))));
            for (String table : List.of("blob", "schemaless")) {
                DbException e = assertThrows(DbException.class,
                        () -> db.add(table, row("value", nested(JsonDepth.MAX + 1))));
                assertEquals(DbException.Kind.INPUT_ERROR, e.kind());
                assertEquals("value", e.field());
                assertTrue(e.getMessage().contains("deeper than " + JsonDepth.MAX + " levels"), e.getMessage());
            }
            db.add("schemaless", row("value", 1L));
            DbException edit = assertThrows(DbException.class,
                    () -> db.edit("schemaless", "id", 1L, row("other", Map.of("a", nested(JsonDepth.MAX)))));
            assertEquals(DbException.Kind.INPUT_ERROR, edit.kind());
        }
    }

    @Test
    void aFailedSnapshotLeavesNoTemporaryFileAndWaitsForTheJournalToGrowAgain() throws IOException {
        WatchedFiles files = new WatchedFiles().count(JournalDurabilityTest::isTemporary).failWritesTo(JournalDurabilityTest::isTemporary);
        int rows;
        long limit = 4096;
        try (MemoryDatabase db = MemoryDatabase.durable(dir, limit, files)) {
            String firstWarnings = stderrOf(() -> {
                // Past the limit, then well on, but short of another limit's worth of journal.
                while (Files.size(journal()) <= limit * 3 / 2) db.add("t", row("n", 0L));
            });
            rows = ((List<?>) db.query(Query.all("t"))).size();
            assertEquals(1, files.opens.get(), "one attempt at a snapshot, not one per commit");
            assertEquals(1, firstWarnings.split("cannot write a database snapshot", -1).length - 1, firstWarnings);
            assertTrue(firstWarnings.contains("No space left on device"), firstWarnings);
            assertTrue(fileNames().stream().noneMatch(n -> n.endsWith(".tmp")), "no temporary file is left: " + fileNames());

            while (Files.size(journal()) <= limit * 5 / 2) db.add("t", row("n", 0L));
            assertEquals(2, files.opens.get(), "tried again once the journal grew by another limit");

            files.failWritesTo(p -> false);
            while (fileNames().stream().noneMatch(n -> n.startsWith("snapshot-"))) db.add("t", row("n", 0L));
            rows = ((List<?>) db.query(Query.all("t"))).size();
            assertTrue(Files.size(journal()) < limit, "the journal was started afresh");
            assertTrue(fileNames().stream().noneMatch(n -> n.endsWith(".tmp")), fileNames().toString());
        }
        try (MemoryDatabase db = MemoryDatabase.durable(dir, limit)) {
            assertEquals(rows, ((List<?>) db.query(Query.all("t"))).size());
        }
    }

    @Test
    void aLastRecordChangedAfterItWasWrittenIsSetAsideAndReported() throws IOException {
        try (MemoryDatabase db = MemoryDatabase.durable(dir)) {
            for (int i = 0; i < 3; i++) db.add("t", row("i", (long) i));
        }
        Path journal = journal();
        byte[] bytes = Files.readAllBytes(journal);
        int last = recordOffsets(bytes).get(2);
        bytes[bytes.length - 2] ^= 0x55;
        Files.write(journal, bytes);

        String warnings = stderrOf(() -> {
            try (MemoryDatabase db = MemoryDatabase.durable(dir)) {
                assertEquals(2, ((List<?>) db.query(Query.all("t"))).size(), "the database starts without the damaged commit");
                db.add("t", row("i", 9L));
            }
        });
        Path evidence = dir.resolve(journal.getFileName() + ".damaged-at-" + last);
        assertTrue(Files.exists(evidence), "the damaged bytes are kept beside the journal: " + fileNames());
        assertArrayEquals(Arrays.copyOfRange(bytes, last, bytes.length), Files.readAllBytes(evidence));
        assertTrue(warnings.contains(journal.toString()) && warnings.contains("offset " + last)
                && warnings.contains(evidence.toString()) && warnings.contains("checksum"), warnings);

        String again = stderrOf(() -> {
            try (MemoryDatabase db = MemoryDatabase.durable(dir)) {
                assertEquals(3, ((List<?>) db.query(Query.all("t"))).size());
            }
        });
        assertEquals("", again, "a repaired journal starts quietly");
        assertEquals(1, fileNames().stream().filter(n -> n.contains(".damaged-at-")).count(), fileNames().toString());
    }

    @Test
    void aTornLastRecordIsDroppedWithoutEvidence() throws IOException {
        try (MemoryDatabase db = MemoryDatabase.durable(dir)) {
            for (int i = 0; i < 3; i++) db.add("t", row("i", (long) i));
        }
        Path journal = journal();
        byte[] bytes = Files.readAllBytes(journal);
        Files.write(journal, Arrays.copyOf(bytes, bytes.length - 3));
        String warnings = stderrOf(() -> {
            try (MemoryDatabase db = MemoryDatabase.durable(dir)) {
                assertEquals(2, ((List<?>) db.query(Query.all("t"))).size());
            }
        });
        assertEquals("", warnings);
        assertTrue(fileNames().stream().noneMatch(n -> n.contains(".damaged")), fileNames().toString());
    }

    private static List<Integer> recordOffsets(byte[] journal) {
        ByteBuffer bytes = ByteBuffer.wrap(journal);
        List<Integer> out = new ArrayList<>();
        int pos = 0;
        while (pos + 12 <= bytes.limit()) {
            out.add(pos);
            pos += 12 + bytes.getInt(pos);
        }
        return out;
    }
}
