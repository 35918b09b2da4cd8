package xs.db.postgres;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.function.Supplier;
import xs.db.DbException;

/**
 * The pool and the transaction of each thread. Outside {@code db.transaction} every statement
 * takes a pooled connection in autocommit; inside, the thread's one connection runs
 * SERIALIZABLE, each statement under a savepoint so a failed statement is undone alone (as in
 * the memory engine) and the transaction goes on. A serialization failure runs the whole
 * transaction again, a few times. Every statement runs within its time ({@link PgDeadlines}).
 */
final class PgConnections implements AutoCloseable {
    /** Tries of one transaction before its serialization failure reaches the caller. */
    static final int ATTEMPTS = 30;

    private final HikariDataSource pool;
    private final PgDeadlines deadlines;
    private final ThreadLocal<Transaction> current = new ThreadLocal<>();

    /** SQL work on one connection. */
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private static final class Transaction {
        final Connection connection;
        /** Set when a statement hit a serialization failure: the attempt can only be retried. */
        boolean doomed;

        Transaction(Connection connection) {
            this.connection = connection;
        }
    }

    PgConnections(HikariDataSource pool, PgDeadlines deadlines) {
        this.pool = pool;
        this.deadlines = deadlines;
    }

    /** Runs work on this thread's transaction, or on a pooled connection in autocommit; errors name table. */
    <T> T call(String table, Work<T> work) {
        Transaction tx = current.get();
        try {
            if (tx == null) {
                try (Connection c = pool.getConnection()) {
                    return deadlines.run(c, table, work);
                }
            }
            Savepoint sp = tx.connection.setSavepoint();
            try {
                T result = deadlines.run(tx.connection, table, work);
                tx.connection.releaseSavepoint(sp);
                return result;
            } catch (SQLException | RuntimeException e) {
                if (PgErrors.isRetryable(e)) {
                    tx.doomed = true;
                } else {
                    undo(tx.connection, sp);
                }
                throw e;
            }
        } catch (SQLException e) {
            throw PgErrors.translate(e, table);
        }
    }

    /** Whether this thread runs a transaction. */
    boolean inTransaction() {
        return current.get() != null;
    }

    /** Runs body as one transaction, or as a savepoint inside this thread's transaction. */
    <T> T transaction(Supplier<T> body) {
        Transaction tx = current.get();
        if (tx != null) {
            return nested(tx, body);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return attempt(body);
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !PgErrors.isRetryable(e)) {
                    throw e;
                }
                backOff(attempt);
            }
        }
    }

    /** A short random pause, growing with each try, so the transactions that collided spread out. */
    private static void backOff(int attempt) {
        try {
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(1, 2L << Math.min(attempt, 6)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DbException(DbException.Kind.STORAGE, "interrupted while retrying a transaction");
        }
    }

    private <T> T attempt(Supplier<T> body) {
        Connection c;
        try {
            c = pool.getConnection();
        } catch (SQLException e) {
            throw PgErrors.translate(e, "(transaction)");
        }
        Transaction tx = new Transaction(c);
        try {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
            current.set(tx);
            T result;
            try {
                result = body.get();
            } finally {
                current.remove();
            }
            if (tx.doomed) {
                throw new DbException(DbException.Kind.STORAGE, null, "the transaction could not be serialized",
                    new SQLException("serialization failure", "40001"));
            }
            c.commit();
            return result;
        } catch (SQLException e) {
            rollback(c);
            throw PgErrors.translate(e, "(transaction)");
        } catch (RuntimeException | Error e) {
            rollback(c);
            throw e;
        } finally {
            try {
                c.setAutoCommit(true);
                c.close();
            } catch (SQLException ignored) {
                // a broken connection: the pool drops it
            }
        }
    }

    private static <T> T nested(Transaction tx, Supplier<T> body) {
        Savepoint sp;
        try {
            sp = tx.connection.setSavepoint();
        } catch (SQLException e) {
            throw PgErrors.translate(e, "(transaction)");
        }
        try {
            T result = body.get();
            tx.connection.releaseSavepoint(sp);
            return result;
        } catch (SQLException e) {
            throw PgErrors.translate(e, "(transaction)");
        } catch (RuntimeException | Error e) {
            if (!tx.doomed) {
                try {
                    tx.connection.rollback(sp);
                } catch (SQLException ignored) {
                    // the outer transaction fails on its own next statement
                }
            }
            throw e;
        }
    }

    /** Undoes one failed statement; a connection lost meanwhile takes the transaction with it, and the first error stands. */
    private static void undo(Connection c, Savepoint sp) {
        try {
            c.rollback(sp);
        } catch (SQLException ignored) {
            // the transaction fails on its next statement or its commit
        }
    }

    private static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is gone; so is the transaction
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
