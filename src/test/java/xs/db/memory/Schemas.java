package xs.db.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import xs.db.ColumnSchema;
import xs.db.DefaultValue;
import xs.db.IndexSchema;
import xs.db.TableSchema;

/** Small builders for the schemas the tests declare. */
final class Schemas {
    private Schemas() {
    }

    static ColumnSchema col(String name, String type) {
        return ColumnSchema.of(name, type);
    }

    static ColumnSchema array(String name, String type) {
        return new ColumnSchema(name, type, true, true, true, null, List.of(), List.of(), List.of());
    }

    static ColumnSchema withDefault(String name, String type, Object defaultValue) {
        return new ColumnSchema(name, type, false, true, true, defaultValue, List.of(), List.of(), List.of());
    }

    static ColumnSchema filtered(String name, String type, String... filters) {
        return new ColumnSchema(name, type, false, true, true, null, List.of(filters), List.of(), List.of());
    }

    static ColumnSchema enumOf(String name, String... values) {
        return new ColumnSchema(name, "enum", false, true, true, null, List.of(), List.of(values), List.of());
    }

    static ColumnSchema object(String name, ColumnSchema... fields) {
        return new ColumnSchema(name, "object", false, true, true, null, List.of(), List.of(), List.of(fields));
    }

    static IndexSchema unique(String... fields) {
        return new IndexSchema("btree|unique", List.of(fields));
    }

    static IndexSchema btree(String... fields) {
        return new IndexSchema("btree", List.of(fields));
    }

    static TableSchema table(String name, List<ColumnSchema> columns, IndexSchema... indexes) {
        return new TableSchema(name, columns, List.of(indexes), List.of(), false);
    }

    static TableSchema table(String name, List<ColumnSchema> columns, List<Map<String, Object>> items, IndexSchema... indexes) {
        return new TableSchema(name, columns, List.of(indexes), items, false);
    }

    /** user: int id, email (trim|lower, unique), text name, int age, bool active, timestamp created_at?=now. */
    static TableSchema user() {
        return table("user", List.of(
                col("id", "int"),
                filtered("email", "email", "trim", "lower"),
                col("name", "text"),
                col("age", "int"),
                col("active", "bool"),
                withDefault("created_at", "timestamp", DefaultValue.NOW)), unique("email"));
    }

    /** A mutable row map, keys in the given order: row("a", 1, "b", 2). */
    static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return m;
    }

    static List<Object> list(Object... values) {
        return new ArrayList<>(java.util.Arrays.asList(values));
    }
}
