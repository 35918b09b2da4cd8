package xs.db.memory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import xs.db.DbException;
import xs.db.value.Values;

/**
 * A hash index over one or more columns of a table. Maps the {@link Values#indexKey} of the
 * indexed values to the row (or, for non-unique keys, rows) holding them. Null keys are not
 * unique: like SQL, any number of rows may leave a unique column null.
 */
final class HashIndex {
    /** Several rows under one key; a distinct class so a bucket is never mistaken for a row. */
    private static final class Bucket extends ArrayList<Object[]> {
        Bucket(Object[] a, Object[] b) {
            super(2);
            add(a);
            add(b);
        }
    }

    final String table;
    final List<String> fields;
    final int[] slots;
    final boolean unique;
    private final HashMap<Object, Object> entries = new HashMap<>();

    HashIndex(String table, List<String> fields, int[] slots, boolean unique) {
        this.table = table;
        this.fields = List.copyOf(fields);
        this.slots = slots;
        this.unique = unique;
    }

    HashIndex emptyCopy() {
        return new HashIndex(table, fields, slots, unique);
    }

    boolean singleField() {
        return slots.length == 1;
    }

    /** The key of a row, or null when a composite key has a null part (never unique, never looked up). */
    Object keyOf(Object[] row) {
        if (slots.length == 1) return Values.indexKey(Layout.read(row, slots[0]));
        List<Object> parts = new ArrayList<>(slots.length);
        for (int slot : slots) {
            Object v = Layout.read(row, slot);
            if (v == null) return null;
            parts.add(Values.indexKey(v));
        }
        return parts;
    }

    /** Rows stored under a key (already an index key). */
    List<Object[]> lookup(Object key) {
        Object e = entries.get(key);
        if (e == null) return List.of();
        if (e instanceof Bucket b) return Collections.unmodifiableList(b);
        return Collections.singletonList((Object[]) e);
    }

    /** Throws UNIQUE_VIOLATION when another row than {@code self} already holds the row's key. */
    void checkUnique(Object[] row, Object[] self) {
        if (!unique) return;
        Object key = keyOf(row);
        if (key == null) return;
        for (Object[] other : lookup(key)) {
            if (other != self) throw violation(row);
        }
    }

    private DbException violation(Object[] row) {
        StringBuilder value = new StringBuilder();
        for (int i = 0; i < slots.length; i++) {
            if (i > 0) value.append(", ");
            value.append(Values.describe(Layout.read(row, slots[i])));
        }
        String on = fields.size() == 1 ? table + "." + fields.get(0) : table + ".(" + String.join(", ", fields) + ")";
        String shown = slots.length == 1 ? value.toString() : "(" + value + ")";
        return new DbException(DbException.Kind.UNIQUE_VIOLATION, fields.get(0),
                "duplicate value " + shown + " for unique index on " + on);
    }

    void add(Object[] row) {
        Object key = keyOf(row);
        if (key == null && slots.length > 1) return;
        Object e = entries.get(key);
        if (e == null) {
            entries.put(key, row);
        } else if (e instanceof Bucket b) {
            b.add(row);
        } else {
            entries.put(key, new Bucket((Object[]) e, row));
        }
    }

    void remove(Object[] row) {
        Object key = keyOf(row);
        if (key == null && slots.length > 1) return;
        Object e = entries.get(key);
        if (e == row) {
            entries.remove(key);
        } else if (e instanceof Bucket b) {
            b.removeIf(r -> r == row);
            if (b.size() == 1) entries.put(key, b.get(0));
        }
    }
}
