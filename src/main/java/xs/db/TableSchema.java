package xs.db;

import java.util.List;
import java.util.Map;

/**
 * A declared table, built by the caller from a XanoScript {@code table} construct.
 *
 * <pre>table user { schema { int id  email email } index = [...] }</pre>
 *
 * @param name    table name
 * @param columns declared columns; an {@code id} column of type int or uuid is added when missing
 * @param indexes declared indexes; {@code id} is always indexed and unique
 * @param items   seed rows inserted when the table is first defined
 * @param auth    whether the table can issue auth tokens (kept for the caller, unused here)
 */
public record TableSchema(String name, List<ColumnSchema> columns, List<IndexSchema> indexes,
                          List<Map<String, Object>> items, boolean auth) {
    public TableSchema {
        columns = List.copyOf(columns);
        indexes = indexes == null ? List.of() : List.copyOf(indexes);
        items = items == null ? List.of() : List.copyOf(items);
    }
}
