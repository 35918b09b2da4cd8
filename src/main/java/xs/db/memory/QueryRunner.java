package xs.db.memory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import xs.db.DbException;
import xs.db.Direction;
import xs.db.Operand;
import xs.db.Paging;
import xs.db.Query;
import xs.db.Sort;
import xs.db.value.Values;

/**
 * Runs a {@code db.query}: finds the matching rows, sorts them, pages them and shapes each
 * returned row (output columns, eval columns), then answers in the form {@code return.type} asks.
 */
final class QueryRunner {
    private final Table table;
    private final Query query;

    QueryRunner(Table table, Query query) {
        this.table = table;
        this.query = query;
    }

    /** Runs the query; {@code onScan} is told when the rows were found by a full scan. */
    Object run(Runnable onScan) {
        String type = query.ret() == null || query.ret().type() == null ? "list" : query.ret().type();
        Paging paging = query.ret() == null ? null : query.ret().paging();
        if (!List.of("list", "single", "count", "exists").contains(type)) {
            throw new DbException(DbException.Kind.BAD_QUERY, "unknown return type \"" + type + "\" for db.query "
                    + table.name + " (expected list, single, count or exists)");
        }
        if (paging != null) checkPaging(paging);
        Predicate<Object[]> where = new ConditionCompiler(table.layout).compile(query.where());
        List<SortKey> sortKeys = sortKeys();
        Shaper shaper = new Shaper(table.layout, query.output(), query.eval());

        AccessPlanner.Access access = AccessPlanner.plan(table, query.where());
        if (access.scanned()) onScan.run();
        boolean firstOnly = type.equals("exists") || (type.equals("single") && sortKeys.isEmpty());
        List<Object[]> matches = new ArrayList<>();
        for (Object[] row : access.rows()) {
            if (where.test(row)) {
                matches.add(row);
                if (firstOnly) break;
            }
        }
        switch (type) {
            case "count" -> {
                return (long) matches.size();
            }
            case "exists" -> {
                return !matches.isEmpty();
            }
            default -> {
            }
        }
        if (type.equals("single")) {
            List<Object[]> first = ordered(matches, sortKeys, 1);
            return first.isEmpty() ? null : shaper.shape(first.get(0));
        }
        if (paging == null) {
            List<Object> out = new ArrayList<>(matches.size());
            for (Object[] row : ordered(matches, sortKeys, matches.size())) out.add(shaper.shape(row));
            return out;
        }
        return page(ordered(matches, sortKeys, pageEnd(paging)), matches.size(), paging, shaper);
    }

    /** How many rows, in order, reach the end of the requested page. */
    private static long pageEnd(Paging p) {
        try {
            return Math.addExact(p.offset(), Math.multiplyExact(p.page(), p.perPage()));
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    private static void checkPaging(Paging p) {
        if (p.page() < 1) throw new DbException(DbException.Kind.BAD_QUERY, "paging page must be at least 1, got " + p.page());
        if (p.perPage() < 1) throw new DbException(DbException.Kind.BAD_QUERY, "paging per_page must be at least 1, got " + p.perPage());
        if (p.offset() < 0) throw new DbException(DbException.Kind.BAD_QUERY, "paging offset must not be negative, got " + p.offset());
    }

    /** The paging envelope: {itemsReceived, curPage, nextPage, prevPage, offset, perPage, items[, itemsTotal, pageTotal]}. */
    private static Map<String, Object> page(List<Object[]> ordered, int matched, Paging p, Shaper shaper) {
        long available = Math.max(0, matched - p.offset());
        long from = pageEnd(p) - p.perPage();
        long to = Math.min(matched, pageEnd(p));
        List<Object> items = new ArrayList<>();
        for (long i = from; i < to; i++) items.add(shaper.shape(ordered.get((int) i)));
        LinkedHashMap<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("itemsReceived", (long) items.size());
        envelope.put("curPage", p.page());
        envelope.put("nextPage", to < matched ? p.page() + 1 : null);
        envelope.put("prevPage", p.page() > 1 ? p.page() - 1 : null);
        envelope.put("offset", p.offset());
        envelope.put("perPage", p.perPage());
        envelope.put("items", items);
        if (p.totals()) {
            envelope.put("itemsTotal", available);
            envelope.put("pageTotal", (available + p.perPage() - 1) / p.perPage());
        }
        return envelope;
    }

    private record SortKey(RowValue value, Direction dir) {
    }

    private List<SortKey> sortKeys() {
        List<SortKey> keys = new ArrayList<>();
        if (query.sort() == null) return keys;
        for (Sort s : query.sort()) {
            Direction dir = s.dir() == null ? Direction.ASC : s.dir();
            keys.add(new SortKey(dir == Direction.RAND ? null : Operands.path(table.layout, s.field()), dir));
        }
        return keys;
    }

    /**
     * The first {@code limit} rows in the order of the keys (stable: row order breaks ties; RAND
     * draws one number per row). A page needs only the rows up to its end: when that is a small
     * part of the matches they are picked with a bounded heap instead of sorting them all.
     */
    private static List<Object[]> ordered(List<Object[]> rows, List<SortKey> keys, long limit) {
        if (keys.isEmpty() || rows.size() < 2) return rows;
        int n = keys.size();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Comparator<Object[]> order = (x, y) -> {
            for (int i = 0; i < n; i++) {
                int c = Values.sortCompare(x[i], y[i]);
                if (c != 0) return keys.get(i).dir() == Direction.DESC ? -c : c;
            }
            return Integer.compare((int) x[n + 1], (int) y[n + 1]);
        };
        boolean few = limit < rows.size() / 4;
        PriorityQueue<Object[]> best = few ? new PriorityQueue<>((int) limit + 1, order.reversed()) : null;
        List<Object[]> decorated = few ? null : new ArrayList<>(rows.size());
        for (int r = 0; r < rows.size(); r++) {
            Object[] row = rows.get(r);
            Object[] k = new Object[n + 2];
            for (int i = 0; i < n; i++) {
                SortKey key = keys.get(i);
                k[i] = key.dir() == Direction.RAND ? (Object) random.nextLong() : key.value().of(row);
            }
            k[n] = row;
            k[n + 1] = r;
            if (!few) {
                decorated.add(k);
            } else if (best.size() < limit) {
                best.add(k);
            } else if (order.compare(k, best.peek()) < 0) {
                best.poll();
                best.add(k);
            }
        }
        if (few) decorated = new ArrayList<>(best);
        decorated.sort(order);
        List<Object[]> out = new ArrayList<>(decorated.size());
        for (Object[] k : decorated) out.add((Object[]) k[n]);
        return out;
    }

    /** Builds the returned map of a row: every column or only {@code output}, then the eval columns. */
    static final class Shaper {
        private final Layout layout;
        private final List<String> output;
        private final List<Map.Entry<String, RowValue>> eval = new ArrayList<>();

        Shaper(Layout layout, List<String> output, Map<String, Operand> eval) {
            this.layout = layout;
            this.output = output == null || output.isEmpty() ? null : List.copyOf(output);
            if (this.output != null && !layout.isImplicit()) {
                for (String column : this.output) {
                    // Real exports list eval columns in output (output = ["project_name"]).
                    if (layout.slotOf(column) < 0 && (eval == null || !eval.containsKey(column))) {
                        throw new DbException(DbException.Kind.BAD_QUERY, column, "unknown output column " + layout.table + "." + column);
                    }
                }
            }
            if (eval != null) {
                for (Map.Entry<String, Operand> e : eval.entrySet()) {
                    this.eval.add(Map.entry(e.getKey(), Operands.compile(layout, e.getValue())));
                }
            }
        }

        LinkedHashMap<String, Object> shape(Object[] row) {
            LinkedHashMap<String, Object> all = layout.toMap(row);
            LinkedHashMap<String, Object> out;
            if (output == null) {
                out = all;
            } else {
                out = new LinkedHashMap<>();
                for (String column : output) if (all.containsKey(column)) out.put(column, all.get(column));
            }
            for (Map.Entry<String, RowValue> e : eval) out.put(e.getKey(), Values.copy(e.getValue().of(row)));
            return out;
        }
    }
}
