import xs.db.ColumnSchema;
import xs.db.Condition;
import xs.db.Database;
import xs.db.IndexSchema;
import xs.db.Op;
import xs.db.Operand;
import xs.db.Query;
import xs.db.TableSchema;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Benchmarks of the embedded database (xs.db), run by run.sh.
 *
 * <ul>
 *   <li>{@code lookup}: 1,000,000 rows; the same equality query answered through a unique index
 *       (column {@code code}) and by a full scan (column {@code code_copy}, same values, no index).
 *   <li>{@code memory}: used heap after GC for 1,000,000 rows of id, int, short text, bool, timestamp.
 *   <li>{@code durable}: acknowledged single-row adds per second with an fsync per commit.
 * </ul>
 */
public final class DbBench {
    private static final int ROWS = 1_000_000;

    public static void main(String[] args) throws Exception {
        String what = args.length > 0 ? args[0] : "lookup";
        switch (what) {
            case "lookup" -> lookup();
            case "memory" -> memory();
            case "durable" -> durable(args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("xs-db-bench"));
            default -> throw new IllegalArgumentException("usage: DbBench lookup|memory|durable [dir]");
        }
    }

    private static TableSchema rowTable() {
        return new TableSchema("row", List.of(
                ColumnSchema.of("id", "int"), ColumnSchema.of("code", "int"), ColumnSchema.of("code_copy", "int"),
                ColumnSchema.of("name", "text"), ColumnSchema.of("flag", "bool"), ColumnSchema.of("at", "timestamp")),
                List.of(new IndexSchema("btree|unique", List.of("code"))), List.of(), false);
    }

    private static long fill(Database db, String table, int rows, boolean withCopy) {
        long start = System.nanoTime();
        List<Map<String, Object>> chunk = new ArrayList<>();
        long base = 1_700_000_000_000L;
        for (int i = 0; i < rows; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            long code = (i * 7919L) % rows;
            row.put("code", code);
            if (withCopy) row.put("code_copy", code);
            row.put("name", "name" + (i % 10_000));
            row.put("flag", (i & 1) == 0);
            row.put("at", base + i * 1000L);
            chunk.add(row);
            if (chunk.size() == 10_000) {
                db.bulkAdd(table, chunk);
                chunk = new ArrayList<>();
            }
        }
        if (!chunk.isEmpty()) db.bulkAdd(table, chunk);
        return System.nanoTime() - start;
    }

    private static Query byColumn(String column, long value) {
        return Query.where("row", new Condition.Compare(new Operand.Column("row", column), Op.EQ, new Operand.Constant(value)));
    }

    /** Runs queries on random keys for at least the given time; returns lookups per second. */
    private static double rate(Database db, String column, long minNanos, int minOps, Random random) {
        int ops = 0;
        long start = System.nanoTime(), elapsed;
        do {
            long key = random.nextInt(ROWS);
            List<?> found = (List<?>) db.query(byColumn(column, key));
            if (found.size() != 1) throw new AssertionError("expected one row for " + column + " = " + key + ", got " + found.size());
            ops++;
            elapsed = System.nanoTime() - start;
        } while (elapsed < minNanos || ops < minOps);
        return ops / (elapsed / 1e9);
    }

    private static void lookup() {
        Database db = Database.inMemory();
        db.define(rowTable());
        long fillNanos = fill(db, "row", ROWS, true);
        System.out.printf("insert: %,d rows in %.2f s (%,.0f rows/s, bulk add in chunks of 10,000)%n",
                ROWS, fillNanos / 1e9, ROWS / (fillNanos / 1e9));
        Random random = new Random(42);
        rate(db, "code", 1_000_000_000L, 10_000, random);
        rate(db, "code_copy", 1_000_000_000L, 5, random);
        long scansBefore = db.fullScans();
        double indexed = rate(db, "code", 3_000_000_000L, 10_000, random);
        if (db.fullScans() != scansBefore) throw new AssertionError("the indexed lookups scanned");
        double scanned = rate(db, "code_copy", 3_000_000_000L, 20, random);
        System.out.printf("indexed equality lookup: %,.0f lookups/s%n", indexed);
        System.out.printf("full-scan equality lookup: %,.1f lookups/s%n", scanned);
        System.out.printf("ratio: %,.0fx%n", indexed / scanned);
    }

    private static long usedAfterGc(MemoryMXBean memory) throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    private static void memory() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long max = memory.getHeapMemoryUsage().getMax();
        long baseline = usedAfterGc(memory);
        Database db = Database.inMemory();
        db.define(new TableSchema("row", List.of(
                ColumnSchema.of("id", "int"), ColumnSchema.of("code", "int"), ColumnSchema.of("name", "text"),
                ColumnSchema.of("flag", "bool"), ColumnSchema.of("at", "timestamp")), List.of(), List.of(), false));
        fill(db, "row", ROWS, false);
        long used = usedAfterGc(memory);
        long count = (Long) db.query(new Query("row", null, null, new xs.db.ReturnSpec("count", null), null, null));
        System.out.printf("heap limit: %,d MiB%n", max >> 20);
        System.out.printf("rows: %,d (id, int, short text, bool, timestamp)%n", count);
        System.out.printf("heap used after GC: %,d MiB (baseline %,d MiB)%n", used >> 20, baseline >> 20);
        System.out.printf("bytes per row: %,d%n", (used - baseline) / ROWS);
    }

    private static void durable(Path dir) throws Exception {
        int writes = 2000;
        try (Database db = Database.durable(dir)) {
            db.define(rowTable());
            long start = System.nanoTime();
            for (int i = 0; i < writes; i++) {
                db.add("row", Map.of("code", (long) i, "code_copy", (long) i, "name", "n" + i, "flag", true, "at", 0L));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("durable add (journal append + fsync per statement): %,.0f writes/s (%,d writes in %.2f s)%n",
                    writes / seconds, writes, seconds);
        }
        long started = System.nanoTime();
        try (Database db = Database.durable(dir)) {
            db.define(rowTable());
            System.out.printf("reopen and replay %,d journal records: %.0f ms%n", writes, (System.nanoTime() - started) / 1e6);
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
