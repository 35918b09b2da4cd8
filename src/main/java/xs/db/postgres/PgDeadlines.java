package xs.db.postgres;

import java.net.SocketTimeoutException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.postgresql.PGConnection;
import xs.db.DbException;
import xs.db.TimeLeft;

/**
 * Keeps every statement within its time: what its run has left ({@link TimeLeft}), or for a
 * statement outside any run the set limit. When that time is up PostgreSQL is asked to cancel the
 * statement (so it does not go on running, holding locks, after its run has ended); a server that
 * does not answer even then within the grace ({@code --db-timeout}) has its connection dropped by
 * the socket's read timeout, so a hung server never blocks a caller for longer than time left plus
 * grace. Both end in a DbException of kind UNAVAILABLE (HTTP 503).
 *
 * <pre>xs serve app/ --db postgresql://xs@127.0.0.1/app --timeout 30 --db-timeout 5</pre>
 */
final class PgDeadlines {
    /** pgjdbc ignores the executor of setNetworkTimeout; the JDBC API still wants one. */
    private static final Executor DIRECT = Runnable::run;

    /** How often the watchdog looks for statements whose time is up: a cancel comes at most this late. */
    private static final long TICK_MILLIS = 50;
    /** The statements running now, in every database of the process (at most one per pooled connection). */
    private static final Set<Watch> RUNNING = ConcurrentHashMap.newKeySet();
    /** Sends the cancel requests: one may wait for a hung server, so never on the watchdog's thread. */
    private static final ExecutorService CANCELS = Executors.newCachedThreadPool(r -> daemon(r, "xs-postgres-cancel"));
    private static Thread watchdog;

    private final long graceMillis;
    private final long outsideRunMillis;

    PgDeadlines(long graceMillis, long outsideRunMillis) {
        this.graceMillis = Math.max(1, graceMillis);
        this.outsideRunMillis = outsideRunMillis;
        startWatchdog();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /**
     * One thread for the process that looks over the running statements every tick. A timer entry
     * per statement would wake a thread for every statement (each new entry is the earliest when
     * statements run one after another); a registry costs a set insert and remove.
     */
    private static synchronized void startWatchdog() {
        if (watchdog != null) {
            return;
        }
        watchdog = daemon(() -> {
            while (true) {
                try {
                    Thread.sleep(TICK_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
                long now = System.nanoTime();
                for (Watch w : RUNNING) {
                    if (now - w.endNanos >= 0) {
                        w.expire();
                    }
                }
            }
        }, "xs-postgres-deadlines");
        watchdog.start();
    }

    /** Runs work on c within the time this thread's statements have left; table names the table in messages. */
    <T> T run(Connection c, String table, PgConnections.Work<T> work) throws SQLException {
        long left = TimeLeft.remainingMillis();
        if (left < 0) {
            left = outsideRunMillis > 0 ? outsideRunMillis : -1;
        }
        // The socket's read timeout is the last resort: a server that answers neither the statement nor its cancel.
        c.setNetworkTimeout(DIRECT, left < 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, left + graceMillis));
        if (left < 0) {
            return work.run(c);
        }
        Watch watch = new Watch(c, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(left));
        RUNNING.add(watch);
        try {
            return work.run(c);
        } catch (SQLException | DbException e) {
            // DbException: work that translated its own failure (db.direct_query names the place in the SQL)
            if (watch.expired() || timedOut(e)) {
                throw outOfTime(e, table, left, watch.expired() && !timedOut(e));
            }
            throw e;
        } finally {
            watch.finish();
        }
    }

    private DbException outOfTime(Exception e, String table, long left, boolean cancelled) {
        String limit = seconds(left);
        String statement = "the statement" + (table.equals("(direct_query)") ? " of db.direct_query"
            : table.startsWith("(") ? "" : " on table " + table);
        if (cancelled) {
            return new DbException(DbException.Kind.UNAVAILABLE, null, "PostgreSQL did not finish " + statement + " within the "
                + limit + " it had, so xs cancelled it; the call may succeed once PostgreSQL is less busy", e);
        }
        return new DbException(DbException.Kind.UNAVAILABLE, null, "PostgreSQL did not answer for " + seconds(left + graceMillis)
            + " (the " + limit + " " + statement + " had, then --db-timeout), so xs dropped the connection; the call may "
            + "succeed once PostgreSQL answers again", e);
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.2f s", millis / 1000.0);
    }

    /** Whether the socket's read timeout ended the call: the server said nothing for the whole time. */
    private static boolean timedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /**
     * One statement's watch. The cancel and the statement's end exclude each other: a cancel
     * already on its way is waited for before the connection does anything else, so it can never
     * hit the next statement (PostgreSQL ignores a cancel that reaches an idle connection).
     */
    private final class Watch {
        private static final int GOING = 0, DONE = 1, CANCELLING = 2, CANCELLED = 3;
        private final Connection connection;
        final long endNanos;
        private final AtomicInteger state = new AtomicInteger(GOING);

        Watch(Connection connection, long endNanos) {
            this.connection = connection;
            this.endNanos = endNanos;
        }

        boolean expired() {
            return state.get() >= CANCELLING;
        }

        void expire() {
            if (!state.compareAndSet(GOING, CANCELLING)) {
                return;
            }
            RUNNING.remove(this);
            try {
                CANCELS.execute(() -> {
                    try {
                        connection.unwrap(PGConnection.class).cancelQuery();
                    } catch (SQLException | RuntimeException e) {
                        // the server cannot be reached: the socket's read timeout ends the statement
                    } finally {
                        synchronized (this) {
                            state.set(CANCELLED);
                            notifyAll();
                        }
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                state.set(CANCELLED);
            }
        }

        void finish() {
            if (state.compareAndSet(GOING, DONE)) {
                RUNNING.remove(this);
                return;
            }
            if (isClosed()) {
                return;
            }
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(graceMillis);
            synchronized (this) {
                while (state.get() != CANCELLED) {
                    long wait = TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime());
                    if (wait <= 0) {
                        return;
                    }
                    try {
                        wait(wait);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }

        private boolean isClosed() {
            try {
                return connection.isClosed();
            } catch (SQLException e) {
                return true;
            }
        }
    }

}
