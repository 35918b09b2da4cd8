package xs.db.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The rows of one table and everything derived from them: indexes and the id sequence.
 * Truncation swaps in a fresh store, so undoing a truncate is putting the old one back.
 */
final class RowStore {
    /** Rows by internal row number, which orders rows by insertion (and so int ids by id). */
    final TreeMap<Long, Object[]> rows = new TreeMap<>();
    /** The id index first, then the declared unique and lookup indexes. */
    final List<HashIndex> indexes;
    long nextId = 1;
    long nextRowNo = 1;

    RowStore(List<HashIndex> indexes) {
        this.indexes = indexes;
    }

    RowStore emptyCopy(boolean resetIds) {
        List<HashIndex> fresh = new ArrayList<>(indexes.size());
        for (HashIndex index : indexes) fresh.add(index.emptyCopy());
        RowStore store = new RowStore(fresh);
        store.nextId = resetIds ? 1 : nextId;
        store.nextRowNo = nextRowNo;
        return store;
    }

    HashIndex idIndex() {
        return indexes.get(0);
    }
}
