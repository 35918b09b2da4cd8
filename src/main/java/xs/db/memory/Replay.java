package xs.db.memory;

import java.util.List;
import java.util.Map;

/**
 * Applies stored changes (journal entries, snapshot rows) to tables loaded from disk. Loaded
 * tables are schemaless until the caller declares them again.
 */
final class Replay {
    private final Map<String, Table> tables;

    Replay(Map<String, Table> tables) {
        this.tables = tables;
    }

    Table table(String name) {
        return tables.computeIfAbsent(name, n -> new Table(Layout.implicit(n)));
    }

    /** Inserts the row, or replaces the row with the same id. */
    void put(String tableName, Map<String, Object> row) {
        Table t = table(tableName);
        t.restore(t.layout.restore(row, t.store.nextRowNo));
    }

    void delete(String tableName, Object id) {
        Table t = table(tableName);
        Object[] row = t.byId(id);
        if (row != null) t.remove(row);
    }

    void truncate(String tableName, boolean resetIds) {
        Table t = table(tableName);
        t.truncate(resetIds);
    }

    /** Applies one journal entry: ["p", table, row], ["d", table, id] or ["t", table, resetIds]. */
    void apply(List<?> entry) {
        String op = (String) entry.get(0);
        String table = (String) entry.get(1);
        switch (op) {
            case "p" -> {
                @SuppressWarnings("unchecked")
                Map<String, Object> row = (Map<String, Object>) entry.get(2);
                put(table, row);
            }
            case "d" -> delete(table, entry.get(2));
            case "t" -> truncate(table, Boolean.TRUE.equals(entry.get(2)));
            default -> throw new IllegalArgumentException("unknown journal entry \"" + op + "\"");
        }
    }
}
