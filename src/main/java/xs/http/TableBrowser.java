package xs.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import xs.db.ColumnSchema;
import xs.db.Database;
import xs.db.Paging;
import xs.db.Query;
import xs.db.ReturnSpec;
import xs.db.TableSchema;

/**
 * Read-only views of the database for the console: the tables with their columns and row
 * counts, and one page of a table's rows in id order. Password columns are masked. It only
 * reads: the console writes data solely through the user's own functions.
 * <pre>GET /console/api/tables/user?page=2  →  {"table": "user", "columns": [...], "items": [...], "page": 2, ...}</pre>
 */
final class TableBrowser {
    static final int DEFAULT_PER_PAGE = 50;
    static final int MAX_PER_PAGE = 200;
    private static final String MASK = "••••••";

    private final Database db;

    TableBrowser(Database db) {
        this.db = db;
    }

    /** Every table: {@code name}, {@code declared}, {@code columns} and {@code rows} (the count). */
    List<Map<String, Object>> tables() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String name : db.tables()) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("name", name);
            t.put("declared", db.schema(name).isPresent());
            t.put("columns", columns(name, List.of()));
            t.put("rows", db.query(new Query(name, null, null, new ReturnSpec("count", null), null, null)));
            out.add(t);
        }
        return out;
    }

    /** One page of a table's rows, or empty when there is no such table. */
    @SuppressWarnings("unchecked")
    Optional<Map<String, Object>> page(String table, long page, long perPage) {
        if (!db.tables().contains(table)) {
            return Optional.empty();
        }
        Map<String, Object> envelope = (Map<String, Object>) db.query(new Query(table, null, null,
            new ReturnSpec("list", new Paging(page, perPage, 0, true)), null, null));
        List<Map<String, Object>> items = new ArrayList<>();
        for (Object row : (List<Object>) envelope.get("items")) {
            items.add(new LinkedHashMap<>((Map<String, Object>) row));
        }
        List<Map<String, Object>> columns = columns(table, items);
        for (Map<String, Object> column : columns) {
            if ("password".equals(column.get("type"))) {
                items.forEach(row -> row.computeIfPresent((String) column.get("name"), (k, v) -> MASK));
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("table", table);
        out.put("columns", columns);
        out.put("page", page);
        out.put("per_page", perPage);
        out.put("page_total", envelope.get("pageTotal"));
        out.put("items_total", envelope.get("itemsTotal"));
        out.put("items", items);
        return Optional.of(out);
    }

    /** Declared columns in schema order; a table without a declaration shows the keys of its rows. */
    private List<Map<String, Object>> columns(String table, List<Map<String, Object>> rows) {
        Optional<TableSchema> schema = db.schema(table);
        List<Map<String, Object>> out = new ArrayList<>();
        if (schema.isPresent()) {
            if (schema.get().columns().stream().noneMatch(c -> c.name().equals("id"))) {
                out.add(column("id", "int"));
            }
            for (ColumnSchema c : schema.get().columns()) {
                out.add(column(c.name(), c.type() + (c.array() ? "[]" : "")));
            }
            return out;
        }
        Set<String> names = new LinkedHashSet<>();
        names.add("id");
        rows.forEach(r -> names.addAll(r.keySet()));
        names.forEach(n -> out.add(column(n, null)));
        return out;
    }

    private static Map<String, Object> column(String name, String type) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", name);
        c.put("type", type);
        return c;
    }
}
