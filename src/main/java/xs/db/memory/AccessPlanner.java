package xs.db.memory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import xs.db.ColumnSchema;
import xs.db.Condition;
import xs.db.Op;
import xs.db.Operand;
import xs.db.value.Coercion;
import xs.db.value.Values;

/**
 * Chooses how a where clause reaches its rows: through a hash index when the clause (or one
 * part of a top-level and) is an equality or {@code in} on an indexed column against
 * constants, otherwise by scanning every row. The rows it returns are candidates; the caller
 * still tests the whole clause on each.
 */
final class AccessPlanner {
    /** Candidate rows in row order; {@code scanned} tells whether every row was visited. */
    record Access(Collection<Object[]> rows, boolean scanned) {
    }

    /** Column types whose stored values are all of one Java type, so that an index key settles equality. */
    private static final Set<String> KEYED_TYPES = Set.of(
            "int", "decimal", "bool", "timestamp", "date", "text", "email", "password", "uuid", "enum");

    private AccessPlanner() {
    }

    static Access plan(Table table, Condition where) {
        List<Object[]> viaIndex = indexed(table, where);
        if (viaIndex == null && where instanceof Condition.And and) {
            for (Condition part : and.parts()) {
                viaIndex = indexed(table, part);
                if (viaIndex != null) break;
            }
        }
        return viaIndex != null ? new Access(viaIndex, false) : new Access(table.rows(), true);
    }

    /** The rows an index finds for a single comparison, or null when no index applies. */
    private static List<Object[]> indexed(Table table, Condition condition) {
        if (!(condition instanceof Condition.Compare c)) return null;
        Op op = c.op();
        Operand columnSide = c.left(), constantSide = c.right();
        if (!(constantSide instanceof Operand.Constant) && (op == Op.EQ || op == Op.STRICT_EQ)) {
            columnSide = c.right();
            constantSide = c.left();
        }
        if (!(constantSide instanceof Operand.Constant constant)) return null;
        String column = Operands.bareColumn(table.layout, columnSide);
        if (column == null) return null;
        HashIndex index = table.lookupIndex(column);
        ColumnSchema type = table.layout.typedColumn(column);
        if (index == null || type == null || type.array() || !KEYED_TYPES.contains(type.type())) return null;
        List<Object> keys = new ArrayList<>();
        switch (op) {
            case EQ -> {
                if (!addKey(keys, type, constant.value())) return null;
            }
            case STRICT_EQ -> keys.add(Values.indexKey(constant.value()));
            case IN -> {
                if (!(constant.value() instanceof List<?> values)) return null;
                for (Object v : values) if (!addKey(keys, type, v)) return null;
            }
            default -> {
                return null;
            }
        }
        return lookup(index, keys);
    }

    /** Adds the key an equality with this constant can match; false when coercion fails (then scan). */
    private static boolean addKey(List<Object> keys, ColumnSchema type, Object value) {
        if (value == null) {
            keys.add(null);
            return true;
        }
        Object typed = Coercion.tryCoerce(type, value);
        if (typed == null) return false;
        keys.add(Values.indexKey(typed));
        return true;
    }

    private static List<Object[]> lookup(HashIndex index, List<Object> keys) {
        if (keys.size() == 1) {
            List<Object[]> rows = index.lookup(keys.get(0));
            return rows.size() <= 1 ? rows : inRowOrder(rows);
        }
        Set<Object[]> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Object[]> out = new ArrayList<>();
        for (Object key : keys) {
            for (Object[] row : index.lookup(key)) if (seen.add(row)) out.add(row);
        }
        return inRowOrder(out);
    }

    private static List<Object[]> inRowOrder(List<Object[]> rows) {
        // An index keeps rows in the order they were added: usually that is row order already.
        boolean ordered = true;
        for (int i = 1; i < rows.size() && ordered; i++) {
            ordered = Layout.rowNo(rows.get(i - 1)) < Layout.rowNo(rows.get(i));
        }
        if (ordered) return rows;
        List<Object[]> sorted = new ArrayList<>(rows);
        sorted.sort((x, y) -> Long.compare(Layout.rowNo(x), Layout.rowNo(y)));
        return sorted;
    }
}
