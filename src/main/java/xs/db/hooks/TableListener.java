package xs.db.hooks;

/**
 * Told about every write to a table once it is applied (after commit inside a transaction),
 * before the writing statement returns; what {@code table_trigger} blocks run on.
 *
 * <pre>table_trigger audit { table = "user"  actions = {insert: true}  stack { ... } }</pre>
 *
 * <p>The write stays whatever the listener does. An exception it throws reaches the writing
 * statement after every other listener has been told.
 */
@FunctionalInterface
public interface TableListener {
    void changed(TableChange change);

    /**
     * Whether writes to {@code table} matter to this listener. Writes to a table no listener
     * listens to are the engine's writes and nothing more (no old row read, nothing told).
     */
    default boolean listensTo(String table) {
        return true;
    }
}
