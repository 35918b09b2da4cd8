package xs.db.memory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import xs.db.DbException;
import xs.db.IndexSchema;
import xs.db.value.Values;

/**
 * One table: its layout (columns) and its rows. Not thread-safe on its own; {@link MemoryDatabase}
 * serialises writers. Writes here do not log themselves: the caller records each change so a
 * failed statement or transaction can be undone.
 */
final class Table {
    final String name;
    Layout layout;
    RowStore store;

    Table(Layout layout) {
        this.name = layout.table;
        this.layout = layout;
        this.store = new RowStore(indexesFor(layout));
    }

    boolean isImplicit() {
        return layout.isImplicit();
    }

    /** The hash indexes a layout needs: id, then every declared primary/btree/unique index. */
    static List<HashIndex> indexesFor(Layout layout) {
        List<HashIndex> out = new ArrayList<>();
        out.add(new HashIndex(layout.table, List.of("id"), new int[] {Layout.ID_SLOT}, true));
        if (layout.schema == null) return out;
        for (IndexSchema declared : layout.schema.indexes()) {
            if (!declared.lookup() || declared.fields().isEmpty()) continue;
            if (declared.fields().equals(List.of("id"))) continue;
            int[] slots = new int[declared.fields().size()];
            for (int i = 0; i < slots.length; i++) {
                String field = declared.fields().get(i);
                slots[i] = layout.slotOf(field);
                if (slots[i] < 0) {
                    throw new DbException(DbException.Kind.BAD_QUERY, field,
                            "index on unknown column " + layout.table + "." + field);
                }
            }
            out.add(new HashIndex(layout.table, declared.fields(), slots, declared.unique()));
        }
        return out;
    }

    Collection<Object[]> rows() {
        return store.rows.values();
    }

    int size() {
        return store.rows.size();
    }

    /** The single-field index that answers equality lookups on a column, or null. */
    HashIndex lookupIndex(String field) {
        for (HashIndex index : store.indexes) {
            if (index.singleField() && index.fields.get(0).equals(field)) return index;
        }
        return null;
    }

    Object[] byId(Object id) {
        List<Object[]> found = store.idIndex().lookup(Values.indexKey(id));
        return found.isEmpty() ? null : found.get(0);
    }

    /** Inserts a row built from data; an id in data is kept, otherwise the next id is assigned. */
    Object[] insert(Map<String, Object> data) {
        Object[] row = layout.newRow(data);
        Object given = data.get("id");
        if (given != null) {
            row[Layout.ID_SLOT] = layout.coerceId(given);
        } else if (layout.uuidIds()) {
            row[Layout.ID_SLOT] = UUID.randomUUID().toString();
        } else {
            row[Layout.ID_SLOT] = store.nextId;
        }
        row[0] = store.nextRowNo++;
        checkUnique(row, null);
        put(row);
        advanceSequence(row);
        return row;
    }

    /** Replaces the given fields of a row; returns the new stored row (the old one is left intact). */
    Object[] update(Object[] old, Map<String, Object> data) {
        Object[] row = layout.merge(old, data);
        checkUnique(row, old);
        remove(old);
        put(row);
        return row;
    }

    /** Stores a row kept elsewhere (undo, replay, snapshot load), replacing a row with the same id. */
    void restore(Object[] row) {
        Object[] existing = byId(row[Layout.ID_SLOT]);
        if (existing != null) {
            row[0] = existing[0];
            remove(existing);
        }
        put(row);
        store.nextRowNo = Math.max(store.nextRowNo, Layout.rowNo(row) + 1);
        advanceSequence(row);
    }

    void put(Object[] row) {
        store.rows.put(Layout.rowNo(row), row);
        for (HashIndex index : store.indexes) index.add(row);
    }

    void remove(Object[] row) {
        store.rows.remove(Layout.rowNo(row));
        for (HashIndex index : store.indexes) index.remove(row);
    }

    /** Empties the table; returns the previous store so the truncate can be undone. */
    RowStore truncate(boolean resetIds) {
        RowStore old = store;
        store = store.emptyCopy(resetIds);
        return old;
    }

    private void checkUnique(Object[] row, Object[] self) {
        for (HashIndex index : store.indexes) index.checkUnique(row, self);
    }

    private void advanceSequence(Object[] row) {
        if (row[Layout.ID_SLOT] instanceof Long id && id >= store.nextId) store.nextId = id + 1;
    }
}
