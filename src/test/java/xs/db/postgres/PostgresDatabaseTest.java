package xs.db.postgres;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import xs.db.ColumnSchema;
import xs.db.DbException;
import xs.db.IndexSchema;
import xs.db.Query;
import xs.db.ReturnSpec;
import xs.db.TableSchema;
import xs.db.hooks.WriteHooks;
import xs.testing.PostgresServer;

import static org.junit.jupiter.api.Assertions.*;

/** What only a shared server shows: races, transactions under contention, a restart, a server that is not there. */
class PostgresDatabaseTest {
    private PgSettings settings;
    private final List<PostgresDatabase> opened = new ArrayList<>();

    @BeforeEach
    void schema() throws Exception {
        settings = PgSettings.parse(PostgresServer.shared().url()).withSchema(PostgresServer.schemaName()).withPool(8, 10_000);
    }

    @AfterEach
    void drop() {
        if (!opened.isEmpty()) {
            opened.get(0).dropSchema();
        }
        opened.forEach(PostgresDatabase::close);
    }

    private PostgresDatabase open() {
        PostgresDatabase db = PostgresDatabase.open(settings);
        opened.add(db);
        return db;
    }

    private static TableSchema account(List<Map<String, Object>> items, ColumnSchema... extra) {
        List<ColumnSchema> columns = new ArrayList<>(List.of(ColumnSchema.of("email", "email"), ColumnSchema.of("n", "int")));
        columns.addAll(List.of(extra));
        return new TableSchema("account", columns, List.of(new IndexSchema("btree|unique", List.of("email"))), items, false);
    }

    private static Map<String, Object> row(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    private static <T> List<T> race(int threads, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                out.add(f.get(120, TimeUnit.SECONDS));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void transactionalIncrementsLoseNothing() throws Exception {
        PostgresDatabase db = open();
        db.define(account(List.of(row("id", 1L, "email", "a@x.io", "n", 0L))));
        race(4, () -> {
            for (int i = 0; i < 25; i++) {
                db.transaction(() -> {
                    long n = (Long) db.get("account", "id", 1L).get("n");
                    return db.edit("account", "id", 1L, row("n", n + 1));
                });
            }
            return null;
        });
        assertEquals(100L, db.get("account", "id", 1L).get("n"));
    }

    @Test
    void aRetriedTransactionTellsListenersOnlyOnce() throws Exception {
        PostgresDatabase engine = open();
        WriteHooks db = new WriteHooks(engine);
        db.define(account(List.of(row("id", 1L, "email", "a@x.io", "n", 0L))));
        AtomicInteger told = new AtomicInteger();
        db.addListener(change -> told.incrementAndGet());
        race(4, () -> {
            for (int i = 0; i < 10; i++) {
                String email = UUID.randomUUID() + "@x.io";
                db.transaction(() -> {
                    db.add("account", row("email", email));
                    long n = (Long) db.get("account", "id", 1L).get("n");
                    return db.edit("account", "id", 1L, row("n", n + 1));
                });
            }
            return null;
        });
        assertEquals(40L, db.get("account", "id", 1L).get("n"));
        assertEquals(80, told.get(), "40 inserts and 40 updates, each told once");
    }

    @Test
    void aUniqueIndexRaceAdmitsOneRow() throws Exception {
        PostgresDatabase db = open();
        db.define(account(List.of()));
        List<String> outcomes = race(8, () -> {
            try {
                db.add("account", row("email", "same@x.io"));
                return "added";
            } catch (DbException e) {
                assertEquals(DbException.Kind.UNIQUE_VIOLATION, e.kind(), e.getMessage());
                assertTrue(e.getMessage().contains("duplicate value same@x.io for unique index on account.email"), e.getMessage());
                return "refused";
            }
        });
        assertEquals(1, outcomes.stream().filter("added"::equals).count(), outcomes.toString());
        assertEquals(1L, db.query(new Query("account", null, null, new ReturnSpec("count", null), null, null)));
    }

    @Test
    void aFailedTransactionLeavesNothingAndAFailedStatementInsideOneIsUndoneAlone() {
        PostgresDatabase db = open();
        db.define(account(List.of()));
        assertThrows(IllegalStateException.class, () -> db.transaction(() -> {
            db.add("account", row("email", "gone@x.io"));
            throw new IllegalStateException("rolled back");
        }));
        assertNull(db.get("account", "email", "gone@x.io"));
        db.transaction(() -> {
            db.add("account", row("email", "kept@x.io"));
            assertThrows(DbException.class, () -> db.add("account", row("email", "kept@x.io")));
            assertThrows(IllegalStateException.class, () -> db.transaction(() -> {
                db.add("account", row("email", "inner@x.io"));
                throw new IllegalStateException("inner");
            }));
            return db.add("account", row("email", "after@x.io"));
        });
        assertNotNull(db.get("account", "email", "kept@x.io"));
        assertNotNull(db.get("account", "email", "after@x.io"));
        assertNull(db.get("account", "email", "inner@x.io"));
    }

    @Test
    void aRestartKeepsTheRowsSeedsItemsOnceAndAddsNewColumns() {
        PostgresDatabase first = open();
        first.define(account(List.of(row("email", "item@x.io"))));
        first.add("account", row("email", "added@x.io"));
        PostgresDatabase second = open();
        second.define(account(List.of(row("email", "item@x.io")), ColumnSchema.of("nickname", "text")));
        assertEquals(List.of("table account: added column nickname text"), second.notices());
        assertEquals(2L, second.query(new Query("account", null, null, new ReturnSpec("count", null), null, null)));
        Map<String, Object> third = second.add("account", row("email", "third@x.io", "nickname", "T"));
        assertEquals(3L, third.get("id"));
        assertEquals("T", second.get("account", "email", "third@x.io").get("nickname"));
    }

    @Test
    void aServerThatIsNotThereIsUnavailableInOneLine() throws Exception {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        PgSettings nowhere = PgSettings.parse("postgresql://xs:secret@127.0.0.1:" + port + "/app").withPool(1, 1_000);
        DbException e = assertThrows(DbException.class, () -> PostgresDatabase.open(nowhere));
        assertEquals(DbException.Kind.UNAVAILABLE, e.kind());
        assertTrue(e.getMessage().startsWith("cannot connect to PostgreSQL at postgresql://xs@127.0.0.1:" + port + "/app"), e.getMessage());
        assertFalse(e.getMessage().contains("secret"));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
}
