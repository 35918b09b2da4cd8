package xs.db.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The changes made by the statement or transaction in progress, in order. Undoing them in
 * reverse restores the state before it began; at commit they become one journal record.
 */
final class ChangeLog {
    sealed interface Change {
    }

    /** An insert (before null), update, or delete (after null) of one row. */
    record RowChange(Table table, Object[] before, Object[] after, long nextIdBefore) implements Change {
    }

    record Truncated(Table table, RowStore before, boolean resetIds) implements Change {
    }

    /** A table that did not exist before: an implicit table's first write or a new declaration. */
    record Created(Table table) implements Change {
    }

    private final List<Change> changes = new ArrayList<>();
    private final Map<String, Table> tables;

    ChangeLog(Map<String, Table> tables) {
        this.tables = tables;
    }

    int mark() {
        return changes.size();
    }

    boolean isEmpty() {
        return changes.isEmpty();
    }

    List<Change> changes() {
        return changes;
    }

    void add(Change change) {
        changes.add(change);
    }

    /** Undoes every change made after the mark, newest first. */
    void undoTo(int mark) {
        for (int i = changes.size() - 1; i >= mark; i--) {
            Change change = changes.remove(i);
            if (change instanceof RowChange c) {
                if (c.after() != null) c.table().remove(c.after());
                if (c.before() != null) c.table().put(c.before());
                c.table().store.nextId = c.nextIdBefore();
            } else if (change instanceof Truncated t) {
                t.table().store = t.before();
            } else if (change instanceof Created c) {
                tables.remove(c.table().name);
            }
        }
    }
}
