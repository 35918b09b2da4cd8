package xs.db.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import xs.db.ColumnSchema;
import xs.db.DbException;
import xs.db.Direction;
import xs.db.Operand;
import xs.db.Paging;
import xs.db.Query;
import xs.db.Sort;
import xs.db.value.Values;

/**
 * A {@code db.query} as SQL: the where clause, the sort (id breaks ties, as insertion order
 * does in memory), paging as LIMIT/OFFSET with a count for totals, eval columns as extra select
 * expressions; the answer has the memory engine's shapes.
 */
final class PgQuery {
    private final PgTable table;
    private final Query query;

    PgQuery(PgTable table, Query query) {
        this.table = table;
        this.query = query;
    }

    Object run(Connection c) throws SQLException {
        String type = query.ret() == null || query.ret().type() == null ? "list" : query.ret().type();
        if (!List.of("list", "single", "count", "exists").contains(type)) {
            throw new DbException(DbException.Kind.BAD_QUERY, "unknown return type \"" + type + "\" for db.query "
                + table.name + " (expected list, single, count or exists)");
        }
        Paging paging = query.ret() == null ? null : query.ret().paging();
        if (paging != null) {
            checkPaging(paging);
        }
        checkOutput();
        List<PgWhere.Param> whereParams = new ArrayList<>();
        String where = new PgWhere(table, whereParams).compile(query.where());
        String from = " FROM " + table.quoted() + " WHERE " + where;
        switch (type) {
            case "count" -> {
                return count(c, from, whereParams);
            }
            case "exists" -> {
                return scalar(c, "SELECT EXISTS (SELECT 1" + from + ")", whereParams);
            }
            default -> {
            }
        }
        List<PgWhere.Param> params = new ArrayList<>();
        List<Map.Entry<String, Object>> evalColumns = new ArrayList<>();
        StringBuilder select = new StringBuilder("SELECT *");
        PgWhere evalCompiler = new PgWhere(table, params);
        if (query.eval() != null) {
            int n = 0;
            for (Map.Entry<String, Operand> e : query.eval().entrySet()) {
                if (e.getValue() instanceof Operand.Constant k) {
                    evalColumns.add(Map.entry(e.getKey(), new Constant(k.value())));
                    continue;
                }
                PgWhere.Sql sql = evalCompiler.operand(e.getValue());
                String label = "xs_eval_" + n++;
                select.append(", ").append(sql.text()).append(" AS ").append(label);
                evalColumns.add(Map.entry(e.getKey(), new Computed(label, sql)));
            }
        }
        params.addAll(whereParams);
        String order = orderBy(params);
        String sql = select + from + order;
        if (type.equals("single")) {
            List<Map<String, Object>> rows = rows(c, sql + " LIMIT 1", params, evalColumns);
            return rows.isEmpty() ? null : rows.get(0);
        }
        if (paging == null) {
            return rows(c, sql, params, evalColumns);
        }
        long skip = paging.offset() + (paging.page() - 1) * paging.perPage();
        // Bound, not written in: the statement's text is the same for every page, so PostgreSQL plans it once.
        List<PgWhere.Param> paged = new ArrayList<>(params);
        paged.add(new PgWhere.Param(paging.perPage() + 1, null));
        paged.add(new PgWhere.Param(skip, null));
        List<Map<String, Object>> items = rows(c, sql + " LIMIT ? OFFSET ?", paged, evalColumns);
        boolean more = items.size() > paging.perPage();
        if (more) {
            items.remove(items.size() - 1);
        }
        LinkedHashMap<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("itemsReceived", (long) items.size());
        envelope.put("curPage", paging.page());
        envelope.put("nextPage", more ? paging.page() + 1 : null);
        envelope.put("prevPage", paging.page() > 1 ? paging.page() - 1 : null);
        envelope.put("offset", paging.offset());
        envelope.put("perPage", paging.perPage());
        envelope.put("items", new ArrayList<Object>(items));
        if (paging.totals()) {
            long available = Math.max(0, count(c, from, whereParams) - paging.offset());
            envelope.put("itemsTotal", available);
            envelope.put("pageTotal", (available + paging.perPage() - 1) / paging.perPage());
        }
        return envelope;
    }

    /** An eval column: a constant, or an expression selected under a label. */
    private sealed interface EvalColumn permits Constant, Computed {
    }

    private record Constant(Object value) implements EvalColumn {
    }

    private record Computed(String label, PgWhere.Sql sql) implements EvalColumn {
    }

    private static void checkPaging(Paging p) {
        if (p.page() < 1) {
            throw new DbException(DbException.Kind.BAD_QUERY, "paging page must be at least 1, got " + p.page());
        }
        if (p.perPage() < 1) {
            throw new DbException(DbException.Kind.BAD_QUERY, "paging per_page must be at least 1, got " + p.perPage());
        }
        if (p.offset() < 0) {
            throw new DbException(DbException.Kind.BAD_QUERY, "paging offset must not be negative, got " + p.offset());
        }
    }

    private void checkOutput() {
        if (query.output() == null || table.isImplicit()) {
            return;
        }
        for (String column : query.output()) {
            if (table.column(column) == null && (query.eval() == null || !query.eval().containsKey(column))) {
                throw new DbException(DbException.Kind.BAD_QUERY, column, "unknown output column " + table.name + "." + column);
            }
        }
    }

    private String orderBy(List<PgWhere.Param> params) {
        List<String> keys = new ArrayList<>();
        if (query.sort() != null) {
            PgWhere compiler = new PgWhere(table, params);
            for (Sort s : query.sort()) {
                Direction dir = s.dir() == null ? Direction.ASC : s.dir();
                if (dir == Direction.RAND) {
                    keys.add("random()");
                    continue;
                }
                String expr = compiler.operand(new Operand.Column(null, s.field())).text();
                keys.add(expr + (dir == Direction.DESC ? " DESC NULLS FIRST" : " ASC NULLS LAST"));
            }
        }
        keys.add(table.orderColumn());
        return " ORDER BY " + String.join(", ", keys);
    }

    private long count(Connection c, String from, List<PgWhere.Param> params) throws SQLException {
        return ((Number) scalar(c, "SELECT count(*)" + from, params)).longValue();
    }

    private Object scalar(Connection c, String sql, List<PgWhere.Param> params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            PgWhere.bind(table, ps, params, 1);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getObject(1);
            }
        }
    }

    private List<Map<String, Object>> rows(Connection c, String sql, List<PgWhere.Param> params,
                                           List<Map.Entry<String, Object>> eval) throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            PgWhere.bind(table, ps, params, 1);
            try (ResultSet rs = ps.executeQuery()) {
                PgTable.Layout layout = table.layout(rs.getMetaData());
                while (rs.next()) {
                    out.add(shape(rs, layout, eval));
                }
            }
        }
        return out;
    }

    /** Every column or only {@code output}, then the eval columns. */
    private Map<String, Object> shape(ResultSet rs, PgTable.Layout layout, List<Map.Entry<String, Object>> eval)
        throws SQLException {
        LinkedHashMap<String, Object> all = layout.read(rs);
        LinkedHashMap<String, Object> out;
        if (query.output() == null || query.output().isEmpty()) {
            out = all;
        } else {
            out = new LinkedHashMap<>();
            for (String column : query.output()) {
                if (all.containsKey(column)) {
                    out.put(column, all.get(column));
                }
            }
        }
        for (Map.Entry<String, Object> e : eval) {
            Object value;
            if (e.getValue() instanceof Constant k) {
                value = Values.copy(k.value());
            } else {
                Computed computed = (Computed) e.getValue();
                int at = rs.findColumn(computed.label());
                ColumnSchema column = computed.sql().column();
                if (column != null) {
                    value = PgTable.value(rs, at, column);
                } else if (computed.sql().json()) {
                    String json = rs.getString(at);
                    value = json == null ? null : JsonText.read(json);
                } else {
                    value = rs.getString(at);
                }
            }
            out.put(e.getKey(), value);
        }
        return out;
    }
}
