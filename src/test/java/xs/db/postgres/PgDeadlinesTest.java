package xs.db.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import xs.db.ColumnSchema;
import xs.db.DbException;
import xs.db.TableSchema;
import xs.db.TimeLeft;
import xs.testing.PostgresServer;

/**
 * A PostgreSQL that does not answer never holds a caller for longer than the run's time plus
 * {@code --db-timeout}: a server that accepts and stays silent, one that freezes mid-session, and
 * a real server whose statement sleeps or waits on a lock past its run's time (cancelled on the
 * server, so it does not outlive its run). The JUnit timeouts are generous stops for a hang, not
 * measurements.
 */
class PgDeadlinesTest {
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    @Test
    @Timeout(120)
    void aServerThatAcceptsAndNeverAnswersFailsTheOpenAsUnavailable() throws Exception {
        Silent silent = new Silent();
        toClose.add(silent);
        PgSettings settings = PgSettings.parse("postgresql://xs@127.0.0.1:" + silent.port() + "/postgres").withPool(2, 1_000);
        DbException e = assertThrows(DbException.class, () -> PostgresDatabase.open(settings).close());
        assertEquals(DbException.Kind.UNAVAILABLE, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains("cannot connect to PostgreSQL"), e.getMessage());
        assertTrue(silent.accepted() > 0, "the driver reached the silent server");
    }

    @Test
    @Timeout(120)
    void aServerThatFreezesMidStatementDropsTheConnectionAndTheCallIsUnavailable() throws Exception {
        Relay relay = relay();
        PgSettings settings = relayed(relay, 0);
        PostgresDatabase db = open(settings);
        db.define(note());
        db.add("note", Map.of("body", "before"));

        DbException e = frozenMidStatement(relay, marker -> TimeLeft.within(4_000, () -> sleep(db, 3, marker)));
        assertTrue(e.getMessage().contains("did not answer") && e.getMessage().contains("dropped the connection"),
            e.getMessage());

        relay.thaw();
        Map<String, Object> row = null;
        long until = System.currentTimeMillis() + 60_000;
        while (row == null && System.currentTimeMillis() < until) {
            try {
                row = TimeLeft.within(5_000, () -> db.get("note", "id", 1L));
            } catch (DbException again) {
                assertEquals(DbException.Kind.UNAVAILABLE, again.kind(), again.getMessage());
                Thread.sleep(100);
            }
        }
        assertEquals("before", row == null ? null : row.get("body"), "new connections answer once the server does");
    }

    @Test
    @Timeout(120)
    void aStatementOutsideAnyRunGetsTheSetLimit() throws Exception {
        Relay relay = relay();
        PostgresDatabase db = open(relayed(relay, 4_000));
        DbException e = frozenMidStatement(relay, marker -> sleep(db, 3, marker));
        assertTrue(e.getMessage().contains("did not answer"), e.getMessage());
    }

    @Test
    @Timeout(120)
    void aSleepPastTheRunsTimeIsCancelledOnTheServer() throws Exception {
        PostgresDatabase db = realDatabase();
        String marker = "xs_deadline_" + System.nanoTime();
        DbException e = assertThrows(DbException.class, () -> TimeLeft.within(1_000,
            () -> db.directSql().orElseThrow().run("SELECT pg_sleep(600) AS " + marker, List.of())));
        assertEquals(DbException.Kind.UNAVAILABLE, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains("xs cancelled it"), e.getMessage());
        assertEquals(0, runningWith(marker), "the sleep does not go on on the server after its run");
    }

    @Test
    @Timeout(120)
    void aWaitOnARowLockedElsewhereEndsWithTheRunsTimeAndChangesNothing() throws Exception {
        PostgresDatabase db = realDatabase();
        db.define(note());
        db.add("note", Map.of("body", "kept"));
        try (Connection other = DriverManager.getConnection(jdbc(), "xs", null)) {
            other.setAutoCommit(false);
            try (Statement st = other.createStatement()) {
                st.execute("SET search_path TO \"" + schema + "\"");
                st.executeQuery("SELECT * FROM note WHERE id = 1 FOR UPDATE").close();
            }
            DbException e = assertThrows(DbException.class,
                () -> TimeLeft.within(1_000, () -> db.edit("note", "id", 1L, Map.of("body", "changed"))));
            assertEquals(DbException.Kind.UNAVAILABLE, e.kind(), e.getMessage());
            other.rollback();
        }
        assertEquals("kept", db.get("note", "id", 1L).get("body"));
        assertEquals("later", db.edit("note", "id", 1L, Map.of("body", "later")).get("body"),
            "the connection of the cancelled statement works for the next one");
    }

    @Test
    @Timeout(120)
    void aRunsTimeLimitsEveryStatementOfATransaction() throws Exception {
        PostgresDatabase db = realDatabase();
        db.define(note());
        DbException e = assertThrows(DbException.class, () -> TimeLeft.within(1_000, () -> db.transaction(() -> {
            db.add("note", Map.of("body", "inside"));
            return db.directSql().orElseThrow().run("SELECT pg_sleep(600)", List.of());
        })));
        assertEquals(DbException.Kind.UNAVAILABLE, e.kind(), e.getMessage());
        assertEquals(null, db.get("note", "id", 1L), "the transaction left nothing");
    }

    // ---- helpers --------------------------------------------------------------------------

    private static Object sleep(PostgresDatabase db, int seconds, String marker) {
        return db.directSql().orElseThrow().run("SELECT pg_sleep(" + seconds + ") AS " + marker, List.of());
    }

    /** Runs call (a statement named by the marker it is given), freezes the relay once it runs on the server, gives its failure. */
    private static DbException frozenMidStatement(Relay relay, java.util.function.Function<String, Object> call)
        throws Exception {
        String marker = "xs_sleep_" + System.nanoTime();
        java.util.concurrent.CompletableFuture<Object> running =
            java.util.concurrent.CompletableFuture.supplyAsync(() -> call.apply(marker));
        waitUntilRunning(marker);
        relay.freeze();
        java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class,
            () -> running.get(90, java.util.concurrent.TimeUnit.SECONDS));
        DbException db = assertInstanceOf(DbException.class, e.getCause());
        assertEquals(DbException.Kind.UNAVAILABLE, db.kind(), db.getMessage());
        return db;
    }

    private Relay relay() throws Exception {
        String real = PostgresServer.shared().url();
        Relay relay = new Relay(Integer.parseInt(real.replaceAll(".*:(\\d+)/.*", "$1")));
        toClose.add(relay);
        return relay;
    }

    /** Settings that reach the shared server through relay, in a fresh schema, --db-timeout 1 s. */
    private static PgSettings relayed(Relay relay, long outsideRunMillis) {
        return PgSettings.parse("postgresql://xs@127.0.0.1:" + relay.port() + "/postgres")
            .withSchema(PostgresServer.schemaName()).withPool(2, 1_000).withStatementLimit(outsideRunMillis);
    }

    private PostgresDatabase open(PgSettings settings) {
        PostgresDatabase db = PostgresDatabase.open(settings);
        toClose.add(() -> dropSchema(settings.schema()));
        toClose.add(db);
        return db;
    }

    private String schema;

    private PostgresDatabase realDatabase() throws Exception {
        schema = PostgresServer.schemaName();
        PgSettings settings = PgSettings.parse(PostgresServer.shared().url()).withSchema(schema).withPool(4, 5_000)
            .withStatementLimit(0);
        PostgresDatabase db = PostgresDatabase.open(settings);
        toClose.add(() -> dropSchema(schema));
        toClose.add(db);
        return db;
    }

    private static TableSchema note() {
        return new TableSchema("note", List.of(ColumnSchema.of("body", "text")), List.of(), List.of(), false);
    }

    private static String jdbc() throws Exception {
        return "jdbc:" + PostgresServer.shared().url().replace("xs@", "");
    }

    private static void dropSchema(String name) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc(), "xs", null); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS \"" + name + "\" CASCADE");
        }
    }

    private static void waitUntilRunning(String marker) throws Exception {
        long until = System.currentTimeMillis() + 60_000;
        try (Connection c = DriverManager.getConnection(jdbc(), "xs", null);
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE state = 'active' "
                 + "AND query LIKE ? AND pid <> pg_backend_pid()")) {
            ps.setString(1, "%" + marker + "%");
            while (System.currentTimeMillis() < until) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
        }
        throw new AssertionError("the statement never ran on the server");
    }

    /** Queries of the server whose text holds marker, waiting (generously) for a cancelled one to go. */
    private static int runningWith(String marker) throws Exception {
        int count = -1;
        long until = System.currentTimeMillis() + 30_000;
        try (Connection c = DriverManager.getConnection(jdbc(), "xs", null);
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE state = 'active' "
                 + "AND query LIKE ? AND pid <> pg_backend_pid()")) {
            ps.setString(1, "%" + marker + "%");
            while (count != 0 && System.currentTimeMillis() < until) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    count = rs.getInt(1);
                }
                if (count != 0) {
                    Thread.sleep(100);
                }
            }
        }
        return count;
    }

    /** A server that accepts connections and never sends a byte. */
    private static final class Silent implements AutoCloseable {
        private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<Socket> held = new CopyOnWriteArrayList<>();

        Silent() throws IOException {
            Thread t = new Thread(() -> {
                try {
                    while (true) {
                        held.add(server.accept());
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            }, "silent-postgres");
            t.setDaemon(true);
            t.start();
        }

        int port() {
            return server.getLocalPort();
        }

        int accepted() {
            return held.size();
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket s : held) {
                s.close();
            }
        }
    }

    /**
     * Passes bytes between clients and a real PostgreSQL until frozen: then it holds every
     * connection open and passes nothing (a server, or a network, that hangs); new connections
     * after a thaw work again.
     */
    private static final class Relay implements AutoCloseable {
        private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<Socket> sockets = new CopyOnWriteArrayList<>();
        private final int target;
        private volatile boolean frozen;

        Relay(int target) throws IOException {
            this.target = target;
            Thread t = new Thread(this::accept, "relay-accept");
            t.setDaemon(true);
            t.start();
        }

        int port() {
            return server.getLocalPort();
        }

        void freeze() {
            frozen = true;
        }

        void thaw() {
            frozen = false;
        }

        private void accept() {
            try {
                while (true) {
                    Socket client = server.accept();
                    sockets.add(client);
                    if (frozen) {
                        continue;
                    }
                    Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                    sockets.add(upstream);
                    pump(client, upstream);
                    pump(upstream, client);
                }
            } catch (IOException closed) {
                // the test is over
            }
        }

        private void pump(Socket from, Socket to) {
            Thread t = new Thread(() -> {
                byte[] buffer = new byte[8192];
                try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                    int n;
                    while ((n = in.read(buffer)) >= 0) {
                        while (frozen) {
                            Thread.sleep(20);
                        }
                        out.write(buffer, 0, n);
                        out.flush();
                    }
                } catch (IOException | InterruptedException ended) {
                    // one side closed
                }
            }, "relay-pump");
            t.setDaemon(true);
            t.start();
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket s : sockets) {
                s.close();
            }
        }
    }
}
