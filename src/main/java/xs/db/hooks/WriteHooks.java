package xs.db.hooks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import xs.db.Condition;
import xs.db.Database;
import xs.db.DbException;
import xs.db.DirectSql;
import xs.db.Query;
import xs.db.TableSchema;
import xs.db.hooks.TableChange.Action;

/**
 * The layer every engine sits under: it hashes {@code password} columns on every write (rows
 * from {@code items} and seed data included) and tells {@link TableListener}s about each applied
 * write, so both behave the same whichever engine stores the rows.
 *
 * <pre>db.add user { data = {email: "ada@example.com", password: "s3cret"} }   // stored as $2y$10$...</pre>
 *
 * <p>Listeners need the row before a change, which the engine's statements do not return; when a
 * listener listens to the table, a write reads the old rows first inside one engine transaction,
 * so the pair is consistent. A write to a table no listener listens to is the engine's write and
 * nothing more. Inside {@code db.transaction} changes wait for the outermost commit and vanish
 * with a rollback. Listeners get the rows the writer gets (no copy), read-only.
 *
 * <p>Made with a {@link DataSourceStore}, it holds {@code live} and opens the other data sources
 * there on first use ({@link #dataSource}), each under a WriteHooks of its own that tells the same
 * listeners, naming its data source in each {@link TableChange}.
 */
public final class WriteHooks implements Database {
    private final Database engine;
    private final String datasource;
    private final PasswordColumns passwords;
    /** Replaced whole on each change (rare), read on every write without a lock or an iterator. */
    private volatile TableListener[] listeners = new TableListener[0];
    /** The data sources this one belongs to; null for an engine that stands alone. */
    private final DataSources sources;
    /** Changes of the transaction this thread is running, told at its outermost commit. */
    private final ThreadLocal<List<TableChange>> pending = new ThreadLocal<>();

    /** Wraps an engine that stores the data source of that name, alone (no other data source can be opened). */
    public WriteHooks(Database engine, String datasource) {
        this.engine = engine;
        this.datasource = datasource;
        this.passwords = new PasswordColumns(engine);
        this.sources = null;
    }

    /** Wraps an engine that stores the {@code live} data source, alone. */
    public WriteHooks(Database engine) {
        this(engine, Database.LIVE);
    }

    /** Wraps an engine that stores {@code live}; other data sources are opened in store on first use. */
    public WriteHooks(Database engine, DataSourceStore store) {
        this.engine = engine;
        this.datasource = Database.LIVE;
        this.passwords = new PasswordColumns(engine);
        this.sources = new DataSources(this, store);
    }

    /** Another data source of live's database: its listeners and data sources are live's. */
    WriteHooks(Database engine, String datasource, WriteHooks live) {
        this.engine = engine;
        this.datasource = datasource;
        this.passwords = new PasswordColumns(engine);
        this.listeners = live.listeners;
        this.sources = live.sources;
    }

    /** The name of the data source this database holds. */
    public String name() {
        return datasource;
    }

    /** The engine below, for what only it offers (statistics, tests). */
    public Database engine() {
        return engine;
    }

    @Override
    public boolean timed() {
        return engine.timed();
    }

    /** Raw SQL goes to the engine as it is: no hashing, no listeners (the statements are opaque). */
    @Override
    public Optional<DirectSql> directSql() {
        return engine.directSql();
    }

    /** Listens to writes to this database, and to every other data source of it (a trigger hears them all). */
    public void addListener(TableListener listener) {
        if (sources == null) {
            addOwn(listener);
        } else {
            sources.forEachOpen(hooks -> hooks.addOwn(listener));
        }
    }

    public void removeListener(TableListener listener) {
        if (sources == null) {
            removeOwn(listener);
        } else {
            sources.forEachOpen(hooks -> hooks.removeOwn(listener));
        }
    }

    private synchronized void addOwn(TableListener listener) {
        TableListener[] more = Arrays.copyOf(listeners, listeners.length + 1);
        more[listeners.length] = listener;
        listeners = more;
    }

    private synchronized void removeOwn(TableListener listener) {
        listeners = Arrays.stream(listeners).filter(l -> l != listener).toArray(TableListener[]::new);
    }

    // ---- schema and seed data -------------------------------------------------------------

    @Override
    public void define(TableSchema schema) {
        passwords.forget(schema.name());
        List<Map<String, Object>> items = new ArrayList<>(schema.items().size());
        for (Map<String, Object> item : schema.items()) {
            items.add(PasswordColumns.hashed(schema, item));
        }
        engine.define(new TableSchema(schema.name(), schema.columns(), schema.indexes(), items, schema.auth()));
        if (sources != null && datasource.equals(Database.LIVE)) {
            sources.defined(schema);
        }
    }

    @Override
    public Set<String> tables() {
        return engine.tables();
    }

    @Override
    public Optional<TableSchema> schema(String table) {
        return engine.schema(table);
    }

    @Override
    public boolean isImplicit(String table) {
        return engine.isImplicit(table);
    }

    @Override
    public void seed(Map<String, List<Map<String, Object>>> data) {
        Map<String, List<Map<String, Object>>> hashed = new LinkedHashMap<>();
        data.forEach((table, rows) -> hashed.put(table, passwords.hashAll(table, rows)));
        engine.seed(hashed);
    }

    // ---- reads ----------------------------------------------------------------------------

    @Override
    public Map<String, Object> get(String table, String field, Object value) {
        return engine.get(table, field, value);
    }

    @Override
    public boolean has(String table, String field, Object value) {
        return engine.has(table, field, value);
    }

    @Override
    public Object query(Query query) {
        return engine.query(query);
    }

    // ---- writes ---------------------------------------------------------------------------

    @Override
    public Map<String, Object> add(String table, Map<String, Object> data) {
        Map<String, Object> row = engine.add(table, passwords.hash(table, data));
        told(table, Action.INSERT, row, null);
        return row;
    }

    @Override
    public Map<String, Object> edit(String table, String field, Object value, Map<String, Object> data) {
        return change(table, field, value, () -> engine.edit(table, field, value, passwords.hash(table, data)));
    }

    @Override
    public Map<String, Object> patch(String table, String field, Object value, Map<String, Object> data) {
        return change(table, field, value, () -> engine.patch(table, field, value, passwords.hash(table, data)));
    }

    @Override
    public Map<String, Object> addOrEdit(String table, String field, Object value, Map<String, Object> data) {
        return change(table, field, value, () -> engine.addOrEdit(table, field, value, passwords.hash(table, data)));
    }

    /** An edit of one row (or an add when none matches, for add_or_edit), told with its old row. */
    private Map<String, Object> change(String table, String field, Object value, Supplier<Map<String, Object>> write) {
        if (!listened(table)) {
            return write.get();
        }
        List<Map<String, Object>> old = new ArrayList<>(1);
        Map<String, Object> row = engine.transaction(() -> {
            old.clear();
            old.add(engine.get(table, field, value));
            return write.get();
        });
        told(table, old.get(0) == null ? Action.INSERT : Action.UPDATE, row, old.get(0));
        return row;
    }

    @Override
    public void delete(String table, String field, Object value) {
        if (!listened(table)) {
            engine.delete(table, field, value);
            return;
        }
        Map<String, Object> old = engine.transaction(() -> {
            Map<String, Object> row = engine.get(table, field, value);
            engine.delete(table, field, value);
            return row;
        });
        told(table, Action.DELETE, null, old);
    }

    @Override
    public void truncate(String table, boolean resetIds) {
        engine.truncate(table, resetIds);
        told(table, Action.TRUNCATE, null, null);
    }

    @Override
    public long bulkAdd(String table, List<Map<String, Object>> items) {
        List<Map<String, Object>> rows = passwords.hashAll(table, items);
        if (!listened(table)) {
            return engine.bulkAdd(table, rows);
        }
        // One add per row, so each new row (with its id) can be told; all or none as before.
        List<Map<String, Object>> added = engine.transaction(() -> {
            List<Map<String, Object>> out = new ArrayList<>(rows.size());
            for (Map<String, Object> row : rows) {
                out.add(engine.add(table, row));
            }
            return out;
        });
        added.forEach(row -> told(table, Action.INSERT, row, null));
        return added.size();
    }

    @Override
    public long bulkUpdate(String table, List<Map<String, Object>> items) {
        return bulkChange(table, items, () -> engine.bulkUpdate(table, passwords.hashAll(table, items)));
    }

    @Override
    public long bulkPatch(String table, List<Map<String, Object>> items) {
        return bulkChange(table, items, () -> engine.bulkPatch(table, passwords.hashAll(table, items)));
    }

    /** A bulk update by ids, told row by row: the rows before and after, read in the same transaction. */
    private long bulkChange(String table, List<Map<String, Object>> items, Supplier<Long> write) {
        if (!listened(table)) {
            return write.get();
        }
        List<Map<String, Object>> before = new ArrayList<>();
        List<Map<String, Object>> after = new ArrayList<>();
        long updated = engine.transaction(() -> {
            before.clear();
            after.clear();
            List<Object> ids = new ArrayList<>();
            for (Map<String, Object> item : items) {
                Object id = item.get("id");
                Map<String, Object> old = id == null ? null : engine.get(table, "id", id);
                if (old != null && !ids.contains(old.get("id"))) {
                    ids.add(old.get("id"));
                    before.add(old);
                }
            }
            long n = write.get();
            for (Object id : ids) {
                after.add(engine.get(table, "id", id));
            }
            return n;
        });
        for (int i = 0; i < before.size(); i++) {
            told(table, Action.UPDATE, after.get(i), before.get(i));
        }
        return updated;
    }

    @Override
    @SuppressWarnings("unchecked")
    public long bulkDelete(String table, Condition where) {
        if (!listened(table)) {
            return engine.bulkDelete(table, where);
        }
        List<Object> doomed = engine.transaction(() -> {
            List<Object> rows = (List<Object>) engine.query(Query.where(table, where));
            engine.bulkDelete(table, where);
            return rows;
        });
        doomed.forEach(row -> told(table, Action.DELETE, null, (Map<String, Object>) row));
        return doomed.size();
    }

    @Override
    public <T> T transaction(Supplier<T> body) {
        List<TableChange> changes = pending.get();
        boolean outermost = changes == null;
        if (outermost) {
            changes = new ArrayList<>();
            pending.set(changes);
        }
        int mark = changes.size();
        List<TableChange> recorded = changes;
        T result;
        try {
            // An engine may run the body again (PostgreSQL after a serialization failure): each
            // run starts with none of the changes of the run before.
            result = engine.transaction(() -> {
                recorded.subList(mark, recorded.size()).clear();
                return body.get();
            });
        } catch (RuntimeException | Error e) {
            changes.subList(mark, changes.size()).clear();
            throw e;
        } finally {
            if (outermost) {
                pending.remove();
            }
        }
        if (outermost) {
            tell(changes);
        }
        return result;
    }

    // ---- data sources ----------------------------------------------------------------------

    @Override
    public Database dataSource(String name) {
        if (sources != null) {
            return sources.get(name);
        }
        if (datasource.equals(name)) {
            return this;
        }
        throw new DbException(DbException.Kind.BAD_QUERY, "this database holds only the " + datasource
            + " data source, not \"" + name + "\"");
    }

    @Override
    public List<String> dataSources() {
        return sources != null ? sources.names() : List.of(datasource);
    }

    /** Closing live closes every data source; closing another closes it alone (its next use opens it again). */
    @Override
    public void close() {
        if (sources == null) {
            engine.close();
        } else if (datasource.equals(Database.LIVE)) {
            try {
                sources.closeOthers();
            } finally {
                engine.close();
            }
        } else {
            sources.forget(datasource, this);
            engine.close();
        }
    }

    // ---- telling listeners ----------------------------------------------------------------

    /** Whether any listener listens to writes to {@code table} (most tables have no trigger). */
    private boolean listened(String table) {
        for (TableListener listener : listeners) {
            if (listener.listensTo(table)) {
                return true;
            }
        }
        return false;
    }

    /** Records an applied write: told now, or at the commit of the transaction this thread runs. */
    private void told(String table, Action action, Map<String, Object> newRow, Map<String, Object> oldRow) {
        if (!listened(table)) {
            return;
        }
        // Listeners share the rows with the writer, read-only (see TableChange), without a copy: the
        // engine hands out fresh maps for each write, and neither the writer nor a listener changes them.
        TableChange change = new TableChange(table, action, newRow, oldRow, datasource);
        List<TableChange> changes = pending.get();
        if (changes != null) {
            changes.add(change);
            return;
        }
        RuntimeException failure = tellAll(change);
        if (failure != null) {
            throw failure;
        }
    }

    private void tell(List<TableChange> changes) {
        RuntimeException failure = null;
        for (TableChange change : changes) {
            RuntimeException thrown = tellAll(change);
            if (failure == null) {
                failure = thrown;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Tells every listener, even after one throws; answers the first exception thrown, or null. */
    private RuntimeException tellAll(TableChange change) {
        RuntimeException failure = null;
        for (TableListener listener : listeners) {
            try {
                listener.changed(change);
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                }
            }
        }
        return failure;
    }
}
