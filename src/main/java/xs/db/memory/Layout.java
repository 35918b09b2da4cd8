package xs.db.memory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import xs.db.ColumnSchema;
import xs.db.DbException;
import xs.db.JsonDepth;
import xs.db.TableSchema;
import xs.db.value.Coercion;
import xs.db.value.Values;

/**
 * Where each column lives in a stored row, and the conversions between a caller's map and the
 * compact stored form. A stored row is an {@code Object[]} whose slot 0 holds the table's
 * internal row number (insertion order) and whose slot {@code i} holds column {@code i - 1};
 * {@code id} is always column 0, so slot 1. One array per row instead of a map per row keeps a
 * million-row table small.
 *
 * <p>Declared tables have a fixed column list and coerce every value. Implicit (schemaless)
 * tables append a column the first time a field name appears; rows written before that are
 * shorter or hold {@link #ABSENT}, so a field a row never had is not returned for it.
 */
final class Layout {
    /** Marks a field an implicit-table row does not have (as opposed to a stored null). */
    static final Object ABSENT = new Object() {
        @Override
        public String toString() {
            return "absent";
        }
    };

    static final int ID_SLOT = 1;

    final String table;
    final TableSchema schema;
    private final List<ColumnSchema> columns;
    private final Map<String, Integer> slots = new HashMap<>();

    private Layout(String table, TableSchema schema, List<ColumnSchema> columns) {
        this.table = table;
        this.schema = schema;
        this.columns = new ArrayList<>(columns);
        for (int i = 0; i < columns.size(); i++) slots.put(columns.get(i).name(), i + 1);
    }

    /** The layout of a declared table: its columns with {@code id} moved (or added, as int) first. */
    static Layout declared(TableSchema schema) {
        List<ColumnSchema> cols = new ArrayList<>();
        ColumnSchema id = null;
        for (ColumnSchema c : schema.columns()) {
            if (c.name().equals("id")) id = c;
            else cols.add(c);
        }
        if (id == null) id = ColumnSchema.of("id", "int");
        if (!id.type().equals("int") && !id.type().equals("uuid")) {
            throw new DbException(DbException.Kind.BAD_QUERY, "id",
                    "the id column of table \"" + schema.name() + "\" must be int or uuid, not " + id.type());
        }
        cols.add(0, id);
        return new Layout(schema.name(), schema, cols);
    }

    /** The layout of a schemaless table: an int id and created_at; other fields are added as they come. */
    static Layout implicit(String table) {
        return new Layout(table, null, List.of(ColumnSchema.of("id", "int"), ColumnSchema.of("created_at", "json")));
    }

    boolean isImplicit() {
        return schema == null;
    }

    boolean uuidIds() {
        return columns.get(0).type().equals("uuid");
    }

    /** Slot of a column, or -1 when the table has no such column. */
    int slotOf(String column) {
        Integer s = slots.get(column);
        return s == null ? -1 : s;
    }

    ColumnSchema column(int slot) {
        return columns.get(slot - 1);
    }

    int width() {
        return columns.size() + 1;
    }

    /** Whether comparisons against this column coerce constants to its type (declared, typed columns). */
    ColumnSchema typedColumn(String field) {
        if (isImplicit() && !field.equals("id")) return null;
        int slot = slotOf(field);
        return slot < 0 ? null : column(slot);
    }

    /** The value in a slot; a field the row does not have reads as null. */
    static Object read(Object[] row, int slot) {
        if (slot >= row.length) return null;
        Object v = row[slot];
        return v == ABSENT ? null : v;
    }

    static long rowNo(Object[] row) {
        return (Long) row[0];
    }

    /** A new stored row for an insert, every column except {@code id} filled from data, defaults or null. */
    Object[] newRow(Map<String, Object> data) {
        if (isImplicit()) {
            Object[] row = new Object[width()];
            Arrays.fill(row, ABSENT);
            row[ID_SLOT] = null;
            row[2] = data.containsKey("created_at") ? Values.copy(fits("created_at", data.get("created_at")))
                    : System.currentTimeMillis();
            return merge(row, data);
        }
        Object[] row = new Object[width()];
        for (int slot = 2; slot < row.length; slot++) {
            ColumnSchema c = column(slot);
            row[slot] = data.containsKey(c.name()) ? coerce(c, fits(c.name(), data.get(c.name()))) : Coercion.defaultFor(c, c.name());
        }
        return row;
    }

    /**
     * A copy of the row with the given fields replaced. {@code id} is never changed here; fields
     * a declared table does not have are dropped, an implicit table gains them.
     */
    Object[] merge(Object[] base, Map<String, Object> data) {
        Object[] row = Arrays.copyOf(base, Math.max(base.length, width()));
        for (int i = base.length; i < row.length; i++) row[i] = ABSENT;
        for (Map.Entry<String, Object> e : data.entrySet()) {
            String name = e.getKey();
            if (name.equals("id")) continue;
            int slot = slotOf(name);
            if (slot < 0) {
                if (!isImplicit()) continue;
                slot = addColumn(name);
                if (slot >= row.length) {
                    int old = row.length;
                    row = Arrays.copyOf(row, width());
                    Arrays.fill(row, old, row.length, ABSENT);
                }
            }
            Object value = fits(name, e.getValue());
            row[slot] = isImplicit() ? Values.copy(value) : coerce(column(slot), value);
        }
        return row;
    }

    /** The id column's value converted to its type. */
    Object coerceId(Object id) {
        return coerce(columns.get(0), id);
    }

    private Object coerce(ColumnSchema c, Object value) {
        try {
            return Coercion.coerce(c, value, c.name());
        } catch (DbException e) {
            throw new DbException(e.kind(), e.field(), e.getMessage() + " in table " + table);
        }
    }

    /** The value, unless it nests too deeply to be stored (the journal and snapshots must take it). */
    private Object fits(String column, Object value) {
        if (JsonDepth.tooDeep(value)) {
            throw new DbException(DbException.Kind.INPUT_ERROR, column,
                    "the value of column \"" + column + "\" in table " + table + " cannot be stored: " + JsonDepth.limitText());
        }
        return value;
    }

    private int addColumn(String name) {
        columns.add(ColumnSchema.of(name, "json"));
        slots.put(name, columns.size());
        return columns.size();
    }

    /**
     * Rebuilds a row kept under an earlier layout (a replayed or re-declared table) for this one.
     * Values are coerced again; a value that no longer fits is kept as it was rather than lost.
     */
    Object[] restore(Map<String, Object> stored, long rowNo) {
        Object[] row;
        if (isImplicit()) {
            row = new Object[width()];
            Arrays.fill(row, ABSENT);
            for (Map.Entry<String, Object> e : stored.entrySet()) {
                int slot = slotOf(e.getKey());
                if (slot < 0) slot = addColumn(e.getKey());
                if (slot >= row.length) {
                    int old = row.length;
                    row = Arrays.copyOf(row, width());
                    Arrays.fill(row, old, row.length, ABSENT);
                }
                row[slot] = e.getValue();
            }
        } else {
            row = new Object[width()];
            for (int slot = 1; slot < row.length; slot++) {
                ColumnSchema c = column(slot);
                if (!stored.containsKey(c.name())) {
                    row[slot] = Coercion.defaultFor(c, c.name());
                    continue;
                }
                Object v = stored.get(c.name());
                Object coerced = Coercion.tryCoerce(c, v);
                row[slot] = coerced == null ? v : coerced;
            }
        }
        row[0] = rowNo;
        return row;
    }

    /** The row as a fresh map, columns in order, nested lists and objects copied. */
    LinkedHashMap<String, Object> toMap(Object[] row) {
        LinkedHashMap<String, Object> out = new LinkedHashMap<>();
        int n = Math.min(row.length, width());
        for (int slot = 1; slot < n; slot++) {
            Object v = row[slot];
            if (v != ABSENT) out.put(columns.get(slot - 1).name(), Values.copy(v));
        }
        if (!isImplicit()) {
            for (int slot = n; slot < width(); slot++) out.put(columns.get(slot - 1).name(), null);
        }
        return out;
    }

    /** The row as a map sharing its values; for the journal and snapshots, which only read it. */
    LinkedHashMap<String, Object> toStoredMap(Object[] row) {
        LinkedHashMap<String, Object> out = new LinkedHashMap<>();
        int n = Math.min(row.length, width());
        for (int slot = 1; slot < n; slot++) {
            if (row[slot] != ABSENT) out.put(columns.get(slot - 1).name(), row[slot]);
        }
        return out;
    }
}
