package xs.db.hooks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import xs.db.ColumnSchema;
import xs.db.Database;
import xs.db.Passwords;
import xs.db.TableSchema;
import xs.db.value.Coercion;

/**
 * Replaces the plain text written to {@code password} columns with its bcrypt hash before the
 * engine sees it. A value that already is a hash is kept, so writing back a row that was read
 * does not hash the hash. The column's text filters apply to the plain text first, as they
 * would to any text.
 */
final class PasswordColumns {
    private final Database engine;
    /** Password columns per table, from the declared schema; forgotten when a table is declared again. */
    private final Map<String, List<ColumnSchema>> byTable = new ConcurrentHashMap<>();

    PasswordColumns(Database engine) {
        this.engine = engine;
    }

    void forget(String table) {
        byTable.remove(table);
    }

    Map<String, Object> hash(String table, Map<String, Object> data) {
        return hashed(columns(table), data);
    }

    List<Map<String, Object>> hashAll(String table, List<Map<String, Object>> rows) {
        List<ColumnSchema> columns = columns(table);
        if (columns.isEmpty()) {
            return rows;
        }
        List<Map<String, Object>> out = new ArrayList<>(rows.size());
        for (Map<String, Object> row : rows) {
            out.add(hashed(columns, row));
        }
        return out;
    }

    /** A row of a declared table with its password columns hashed. */
    static Map<String, Object> hashed(TableSchema schema, Map<String, Object> data) {
        return hashed(passwordColumns(schema), data);
    }

    private List<ColumnSchema> columns(String table) {
        return byTable.computeIfAbsent(table, t -> engine.schema(t).map(PasswordColumns::passwordColumns).orElse(List.of()));
    }

    private static List<ColumnSchema> passwordColumns(TableSchema schema) {
        return schema.columns().stream().filter(c -> c.type().equals("password")).toList();
    }

    private static Map<String, Object> hashed(List<ColumnSchema> columns, Map<String, Object> data) {
        if (data == null || columns.isEmpty()) {
            return data;
        }
        Map<String, Object> out = null;
        for (ColumnSchema column : columns) {
            Object value = data.get(column.name());
            if (value == null) {
                continue;
            }
            if (out == null) {
                out = new LinkedHashMap<>(data);
            }
            out.put(column.name(), hashedValue(column, value));
        }
        return out == null ? data : out;
    }

    /** Coerces to text as the engine would (a wrong type fails there, naming the column), then hashes. */
    private static Object hashedValue(ColumnSchema column, Object value) {
        Object text = Coercion.coerce(column, value, column.name());
        if (text instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object element : list) {
                out.add(element == null ? null : one((String) element));
            }
            return out;
        }
        return one((String) text);
    }

    private static String one(String text) {
        return Passwords.isHash(text) ? text : Passwords.hash(text);
    }
}
