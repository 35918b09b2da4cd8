package xs.db.hooks;

import java.util.Collections;
import java.util.Map;

/**
 * One applied write to one row of a table, or a whole table's truncation, as a
 * {@link TableListener} receives it.
 *
 * <pre>db.edit user { field_value = 1  data = {name: "Ada"} }   // UPDATE, old and new row</pre>
 *
 * @param table      the table written
 * @param action     what happened
 * @param newRow     the row as written, read-only; empty on delete and truncate
 * @param oldRow     the row before; empty on insert and truncate
 * @param datasource the data source written to ({@code live} unless another is in use)
 */
public record TableChange(String table, Action action, Map<String, Object> newRow, Map<String, Object> oldRow,
                          String datasource) {
    /** The kinds of write, named as {@code table_trigger}'s {@code actions} name them. */
    public enum Action {
        INSERT, UPDATE, DELETE, TRUNCATE;

        private final String word = name().toLowerCase(java.util.Locale.ROOT);

        /** The lower-case name a trigger's {@code action} input receives. */
        public String word() {
            return word;
        }
    }

    public TableChange {
        newRow = newRow == null ? Map.of() : Collections.unmodifiableMap(newRow);
        oldRow = oldRow == null ? Map.of() : Collections.unmodifiableMap(oldRow);
    }
}
