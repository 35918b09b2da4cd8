package xs.db.memory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;
import java.util.function.Supplier;
import xs.db.Condition;
import xs.db.Database;
import xs.db.DbException;
import xs.db.Op;
import xs.db.Operand;
import xs.db.Query;
import xs.db.TableSchema;
import xs.db.value.Values;

/**
 * The embedded engine behind {@link Database}: every table in memory, optionally journaled to
 * a folder. Stands alone: it knows tables, rows and where clauses, not the interpreter.
 *
 * <pre>db.add user { data = {email: $input.email} } as $user</pre>
 *
 * <p>Thread-safe. One database-wide read/write lock: readers share it; each write statement,
 * and each {@link #transaction} as a whole, holds it exclusively, so no reader sees half a
 * transaction and no update is lost. A failing statement or transaction is undone completely.
 *
 * <p>Durable mode ({@link #durable(Path)}) journals every committed statement or transaction
 * before the call returns and reloads it at the next start. Tables come back schemaless, as
 * they were stored; calling {@link #define} afterwards (the caller declares its tables at every
 * start) re-applies the schema to the loaded rows and seeds {@code items} only into tables the
 * store did not have yet.
 */
public final class MemoryDatabase implements Database {
    /** Default journal size at which a snapshot is written and the journal started afresh. */
    public static final long DEFAULT_JOURNAL_LIMIT = 64L << 20;

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, Table> tables = new LinkedHashMap<>();
    private final AtomicLong fullScans = new AtomicLong();
    private final Journal journal;
    /** Changes of the statement or transaction in progress; touched only by the write-lock holder. */
    private ChangeLog active;
    private volatile boolean closed;

    private MemoryDatabase(Journal journal) {
        this.journal = journal;
    }

    /** A database that lives only in memory. */
    public static MemoryDatabase inMemory() {
        return new MemoryDatabase(null);
    }

    /** A database kept in {@code dir} (created if missing): loads its snapshot and journal now. */
    public static MemoryDatabase durable(Path dir) {
        return durable(dir, DEFAULT_JOURNAL_LIMIT);
    }

    /** Like {@link #durable(Path)} with the journal size (bytes) that triggers a snapshot. */
    public static MemoryDatabase durable(Path dir, long journalLimitBytes) {
        return durable(dir, journalLimitBytes, FileOpener.DISK);
    }

    /** Like {@link #durable(Path, long)} with the database's files opened by {@code files} (tests watch them). */
    static MemoryDatabase durable(Path dir, long journalLimitBytes, FileOpener files) {
        Map<String, Table> loaded = new LinkedHashMap<>();
        Journal journal;
        try {
            journal = Journal.open(dir, journalLimitBytes, loaded, files);
        } catch (IOException e) {
            throw new DbException(DbException.Kind.STORAGE, null, "cannot open database in " + dir + ": " + e.getMessage(), e);
        }
        MemoryDatabase db = new MemoryDatabase(journal);
        db.tables.putAll(loaded);
        return db;
    }

    /** Closes the journal of a durable database; further calls fail. */
    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            if (closed) return;
            closed = true;
            if (journal != null) journal.close();
        } finally {
            lock.writeLock().unlock();
        }
    }

    // ---- schema ---------------------------------------------------------------------------

    /**
     * Declares a table. A new table gets its {@code items} rows (coerced). A table that already
     * exists (written before, or loaded from disk) keeps its rows, re-laid out for the schema.
     * Not part of any transaction.
     */
    @Override
    public void define(TableSchema schema) {
        write(() -> {
            Table existing = tables.get(schema.name());
            if (existing != null) {
                redeclare(existing, schema);
                return null;
            }
            Table table = new Table(Layout.declared(schema));
            tables.put(schema.name(), table);
            active.add(new ChangeLog.Created(table));
            for (Map<String, Object> item : schema.items()) insert(table, item);
            return null;
        });
    }

    private void redeclare(Table table, TableSchema schema) {
        Layout layout = Layout.declared(schema);
        RowStore store = new RowStore(Table.indexesFor(layout));
        store.nextId = table.store.nextId;
        store.nextRowNo = table.store.nextRowNo;
        Table staged = new Table(layout);
        staged.store = store;
        for (Object[] row : table.rows()) {
            Object[] restored = layout.restore(table.layout.toStoredMap(row), Layout.rowNo(row));
            for (HashIndex index : store.indexes) index.checkUnique(restored, null);
            staged.restore(restored);
        }
        table.layout = layout;
        table.store = store;
    }

    /** Table names, declared or written, in order of appearance. */
    @Override
    public Set<String> tables() {
        return read(() -> new LinkedHashSet<>(tables.keySet()));
    }

    /** The declared schema of a table; empty for implicit and unknown tables. */
    @Override
    public Optional<TableSchema> schema(String table) {
        return read(() -> {
            Table t = tables.get(table);
            return t == null ? Optional.empty() : Optional.ofNullable(t.layout.schema);
        });
    }

    /** Whether a table exists only because it was written to (no declaration). False when unknown. */
    @Override
    public boolean isImplicit(String table) {
        return read(() -> {
            Table t = tables.get(table);
            return t != null && t.isImplicit();
        });
    }

    /** Loads {@code {"table": [rows...]}} as one transaction; rows may carry ids, later ids continue after the max. */
    @Override
    public void seed(Map<String, List<Map<String, Object>>> data) {
        write(() -> {
            for (Map.Entry<String, List<Map<String, Object>>> e : data.entrySet()) {
                Table table = writable(e.getKey());
                for (Map<String, Object> row : e.getValue()) insert(table, row);
            }
            return null;
        });
    }

    // ---- single-row statements ---------------------------------------------------------------

    /** {@code db.get}: the first row whose field equals value, or null. */
    @Override
    public Map<String, Object> get(String table, String field, Object value) {
        return read(() -> {
            Table t = existing(table);
            Object[] row = first(t, field, value);
            return row == null ? null : t.layout.toMap(row);
        });
    }

    /** {@code db.has}: whether a row's field equals value. */
    @Override
    public boolean has(String table, String field, Object value) {
        return read(() -> first(existing(table), field, value) != null);
    }

    /** {@code db.add}: inserts a row and returns it. An implicit table is created on first write. */
    @Override
    public Map<String, Object> add(String table, Map<String, Object> data) {
        return write(() -> {
            Table t = writable(table);
            return t.layout.toMap(insert(t, data));
        });
    }

    /** {@code db.edit}: updates the given fields of the first matching row; NOT_FOUND when none matches. */
    @Override
    public Map<String, Object> edit(String table, String field, Object value, Map<String, Object> data) {
        return write(() -> {
            Table t = existing(table);
            return t.layout.toMap(update(t, found(t, field, value), data));
        });
    }

    /** {@code db.patch}: like {@link #edit}, the data may come from any expression. */
    @Override
    public Map<String, Object> patch(String table, String field, Object value, Map<String, Object> data) {
        return edit(table, field, value, data);
    }

    /** {@code db.add_or_edit}: edits the matching row, or adds data with field = value. */
    @Override
    public Map<String, Object> addOrEdit(String table, String field, Object value, Map<String, Object> data) {
        return write(() -> {
            Table t = writable(table);
            Object[] row = first(t, field, value);
            if (row != null) return t.layout.toMap(update(t, row, data));
            Map<String, Object> withKey = new LinkedHashMap<>(data == null ? Map.of() : data);
            withKey.put(field == null ? "id" : field, value);
            return t.layout.toMap(insert(t, withKey));
        });
    }

    /** {@code db.del}: deletes the first matching row; NOT_FOUND when none matches. */
    @Override
    public void delete(String table, String field, Object value) {
        write(() -> {
            Table t = existing(table);
            remove(t, found(t, field, value));
            return null;
        });
    }

    /** {@code db.truncate}: deletes every row; with resetIds the next int id is 1 again. */
    @Override
    public void truncate(String table, boolean resetIds) {
        write(() -> {
            Table t = existing(table);
            active.add(new ChangeLog.Truncated(t, t.truncate(resetIds), resetIds));
            return null;
        });
    }

    // ---- queries and bulk statements ---------------------------------------------------------

    /** {@code db.query}: a list, a paging envelope, a single row or null, a Long count or a Boolean. */
    @Override
    public Object query(Query q) {
        return read(() -> new QueryRunner(existing(q.table()), q).run(fullScans::incrementAndGet));
    }

    /** {@code db.bulk.add}: inserts every item, all or none; returns how many. */
    @Override
    public long bulkAdd(String table, List<Map<String, Object>> items) {
        return write(() -> {
            Table t = writable(table);
            for (Map<String, Object> item : items) insert(t, item);
            return (long) items.size();
        });
    }

    /** {@code db.bulk.update}: updates the given fields of each item's row (by its id); returns rows updated. */
    @Override
    public long bulkUpdate(String table, List<Map<String, Object>> items) {
        return write(() -> {
            Table t = existing(table);
            long updated = 0;
            for (Map<String, Object> item : items) {
                Object id = item.get("id");
                if (id == null) throw new DbException(DbException.Kind.BAD_QUERY, "id", "bulk update item without id for table " + table);
                Object[] row = first(t, "id", id);
                if (row == null) continue;
                update(t, row, item);
                updated++;
            }
            return updated;
        });
    }

    /** {@code db.bulk.patch}: same as {@link #bulkUpdate}. */
    @Override
    public long bulkPatch(String table, List<Map<String, Object>> items) {
        return bulkUpdate(table, items);
    }

    /** {@code db.bulk.delete}: deletes every row the condition matches; returns how many. */
    @Override
    public long bulkDelete(String table, Condition where) {
        return write(() -> {
            Table t = existing(table);
            List<Object[]> doomed = matching(t, where);
            for (Object[] row : doomed) remove(t, row);
            return (long) doomed.size();
        });
    }

    /**
     * {@code db.transaction}: runs body with every write in it applied all or nothing. When body
     * throws, each write it made is undone and the exception propagates. A nested call joins the
     * outer transaction; if the nested body throws, only its own writes are undone.
     */
    @Override
    public <T> T transaction(Supplier<T> body) {
        return write(body);
    }

    /** How many lookups so far visited every row of a table instead of using an index. */
    public long fullScans() {
        return fullScans.get();
    }

    // ---- plumbing ----------------------------------------------------------------------------

    private <T> T read(Supplier<T> op) {
        checkOpen();
        lock.readLock().lock();
        try {
            return op.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    private <T> T write(Supplier<T> op) {
        checkOpen();
        lock.writeLock().lock();
        try {
            boolean outermost = active == null;
            if (outermost) active = new ChangeLog(tables);
            int mark = active.mark();
            try {
                T result = op.get();
                if (outermost) commit();
                return result;
            } catch (RuntimeException | Error e) {
                active.undoTo(mark);
                throw e;
            } finally {
                if (outermost) active = null;
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Makes the finished statement or transaction durable; a journal failure undoes it. */
    private void commit() {
        if (journal == null || active.isEmpty()) return;
        try {
            journal.append(active.changes());
        } catch (IOException e) {
            throw new DbException(DbException.Kind.STORAGE, null, "cannot write the journal: " + e.getMessage(), e);
        }
        journal.compactIfDue(tables);
    }

    private void checkOpen() {
        if (closed) throw new DbException(DbException.Kind.STORAGE, "the database is closed");
    }

    private Table existing(String table) {
        Table t = tables.get(table);
        if (t == null) throw new DbException(DbException.Kind.UNKNOWN_TABLE, "unknown table \"" + table + "\"");
        return t;
    }

    private Table writable(String table) {
        Table t = tables.get(table);
        if (t != null) return t;
        t = new Table(Layout.implicit(table));
        tables.put(table, t);
        active.add(new ChangeLog.Created(t));
        return t;
    }

    private Object[] first(Table t, String field, Object value) {
        Condition where = byField(field, value);
        Predicate<Object[]> test = new ConditionCompiler(t.layout).compile(where);
        AccessPlanner.Access access = AccessPlanner.plan(t, where);
        if (access.scanned()) fullScans.incrementAndGet();
        for (Object[] row : access.rows()) if (test.test(row)) return row;
        return null;
    }

    private Object[] found(Table t, String field, Object value) {
        Object[] row = first(t, field, value);
        if (row == null) {
            throw new DbException(DbException.Kind.NOT_FOUND, field == null ? "id" : field, "no row in table \"" + t.name
                    + "\" with " + (field == null ? "id" : field) + " = " + Values.describe(value));
        }
        return row;
    }

    private List<Object[]> matching(Table t, Condition where) {
        Predicate<Object[]> test = new ConditionCompiler(t.layout).compile(where);
        AccessPlanner.Access access = AccessPlanner.plan(t, where);
        if (access.scanned()) fullScans.incrementAndGet();
        List<Object[]> out = new ArrayList<>();
        for (Object[] row : access.rows()) if (test.test(row)) out.add(row);
        return out;
    }

    private static Condition byField(String field, Object value) {
        return new Condition.Compare(new Operand.Column(null, field == null ? "id" : field), Op.EQ, new Operand.Constant(value));
    }

    private Object[] insert(Table t, Map<String, Object> data) {
        long nextId = t.store.nextId;
        Object[] row = t.insert(data == null ? Collections.emptyMap() : data);
        active.add(new ChangeLog.RowChange(t, null, row, nextId));
        return row;
    }

    private Object[] update(Table t, Object[] row, Map<String, Object> data) {
        Object[] updated = t.update(row, data == null ? Collections.emptyMap() : data);
        active.add(new ChangeLog.RowChange(t, row, updated, t.store.nextId));
        return updated;
    }

    private void remove(Table t, Object[] row) {
        t.remove(row);
        active.add(new ChangeLog.RowChange(t, row, null, t.store.nextId));
    }
}
