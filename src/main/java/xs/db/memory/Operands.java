package xs.db.memory;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import xs.db.ColumnFilter;
import xs.db.DbException;
import xs.db.Operand;
import xs.db.value.ColumnFilters;

/** Compiles where-clause operands against a table's layout, once per query. */
final class Operands {
    private Operands() {
    }

    static RowValue compile(Layout layout, Operand operand) {
        if (operand instanceof Operand.Constant c) {
            Object value = c.value();
            return row -> value;
        }
        Operand.Column column = (Operand.Column) operand;
        RowValue value = path(layout, column.field());
        for (ColumnFilter filter : column.filters()) {
            UnaryOperator<Object> f = ColumnFilters.compile(filter);
            RowValue inner = value;
            value = row -> f.apply(inner.of(row));
        }
        return value;
    }

    /**
     * A column, or a dotted path into a json column ({@code meta.color}, {@code items.0.sku}).
     * A leading table name ({@code user.email} on table user) is dropped.
     */
    static RowValue path(Layout layout, String field) {
        String[] parts = stripTable(layout, field).split("\\.");
        int slot = layout.slotOf(parts[0]);
        if (slot < 0) {
            if (!layout.isImplicit()) {
                throw new DbException(DbException.Kind.BAD_QUERY, parts[0],
                        "unknown column " + layout.table + "." + parts[0]);
            }
            return row -> null;
        }
        if (parts.length == 1) return row -> Layout.read(row, slot);
        return row -> {
            Object v = Layout.read(row, slot);
            for (int i = 1; i < parts.length && v != null; i++) v = step(v, parts[i]);
            return v;
        };
    }

    static String stripTable(Layout layout, String field) {
        int dot = field.indexOf('.');
        if (dot > 0 && field.substring(0, dot).equals(layout.table) && layout.slotOf(layout.table) < 0) {
            return field.substring(dot + 1);
        }
        return field;
    }

    /** The column name of an operand that is a bare column (no filters, no path), else null. */
    static String bareColumn(Layout layout, Operand operand) {
        if (!(operand instanceof Operand.Column c) || !c.filters().isEmpty()) return null;
        String field = stripTable(layout, c.field());
        return field.indexOf('.') >= 0 ? null : field;
    }

    private static Object step(Object v, String key) {
        if (v instanceof Map<?, ?> m) return m.get(key);
        if (v instanceof List<?> l) {
            try {
                int i = Integer.parseInt(key);
                return i >= 0 && i < l.size() ? l.get(i) : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
