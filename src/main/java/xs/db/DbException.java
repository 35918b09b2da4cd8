package xs.db;

/**
 * A failed database statement. The statement (or the enclosing transaction) left no trace.
 *
 * <pre>db.add user { data = {email: "taken@x.io"} }   // UNIQUE_VIOLATION</pre>
 */
public final class DbException extends RuntimeException {
    /** What went wrong, so callers can map it to a XanoScript error type. */
    public enum Kind {
        /** A value does not fit its column type; {@link #field()} names the column. */
        INPUT_ERROR,
        /** A write would give two rows the same key in a unique index. */
        UNIQUE_VIOLATION,
        /** A read or update names a table that was never declared nor written. */
        UNKNOWN_TABLE,
        /** edit, patch or del found no row to change. */
        NOT_FOUND,
        /** The query itself is malformed: unknown return type or column, bad paging, unknown filter. */
        BAD_QUERY,
        /** The durable journal or snapshot could not be read or written, or the database server failed. */
        STORAGE,
        /** The database server cannot be reached (yet): the call may succeed later. */
        UNAVAILABLE
    }

    private final Kind kind;
    private final String field;

    public DbException(Kind kind, String message) {
        this(kind, null, message, null);
    }

    public DbException(Kind kind, String field, String message) {
        this(kind, field, message, null);
    }

    public DbException(Kind kind, String field, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.field = field;
    }

    public Kind kind() {
        return kind;
    }

    /** The offending column for {@link Kind#INPUT_ERROR}, otherwise null. */
    public String field() {
        return field;
    }
}
