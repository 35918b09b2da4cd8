package xs.db.postgres;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import xs.db.DbException;

/** PostgreSQL failures as the DbExceptions the memory engine raises for the same mistakes. */
final class PgErrors {
    /** {@code Key (email)=(a@x.io) already exists.} */
    private static final Pattern DUPLICATE_KEY = Pattern.compile("Key \\((.*)\\)=\\((.*)\\) already exists");

    private PgErrors() {
    }

    /** Whether the failure means "run the transaction again": a serialization failure or a deadlock. */
    static boolean isRetryable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && ("40001".equals(s.getSQLState()) || "40P01".equals(s.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    static DbException translate(SQLException e, String table) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.equals("23505")) {
            return duplicate(e, table);
        }
        if (e instanceof SQLTransientConnectionException || state.startsWith("08") || state.equals("57P01")) {
            return new DbException(DbException.Kind.UNAVAILABLE, null, "PostgreSQL is unavailable (" + reason(e)
                + "); the call may succeed once it is back", e);
        }
        if (state.equals("57014")) {
            return new DbException(DbException.Kind.UNAVAILABLE, null, "PostgreSQL cancelled the statement on table " + table
                + " (" + reason(e) + "); the call may succeed once PostgreSQL is less busy", e);
        }
        if (state.equals("42P01")) {
            return new DbException(DbException.Kind.UNKNOWN_TABLE, null, "unknown table \"" + table + "\"", e);
        }
        if (state.startsWith("22") || state.startsWith("42")) {
            return new DbException(DbException.Kind.BAD_QUERY, null, "PostgreSQL refused the statement on table "
                + table + ": " + e.getMessage(), e);
        }
        return new DbException(DbException.Kind.STORAGE, null, "PostgreSQL failed on table " + table + ": " + e.getMessage(), e);
    }

    /** The root cause's first line: "Connection to 127.0.0.1:5432 refused." rather than the pool's wrapper text. */
    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        int cut = text.indexOf(". Check that");
        text = cut > 0 ? text.substring(0, cut) : text;
        return text.lines().findFirst().orElse(text).strip();
    }

    private static DbException duplicate(SQLException e, String table) {
        ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        String detail = server == null || server.getDetail() == null ? "" : server.getDetail();
        Matcher m = DUPLICATE_KEY.matcher(detail);
        if (!m.find()) {
            return new DbException(DbException.Kind.UNIQUE_VIOLATION, null, "duplicate value for a unique index on " + table, e);
        }
        String fields = m.group(1).replace("\"", "");
        String on = fields.contains(",") ? table + ".(" + fields + ")" : table + "." + fields;
        String shown = fields.contains(",") ? "(" + m.group(2) + ")" : m.group(2);
        String first = fields.split(",")[0].strip();
        return new DbException(DbException.Kind.UNIQUE_VIOLATION, first, "duplicate value " + shown + " for unique index on " + on, e);
    }
}
