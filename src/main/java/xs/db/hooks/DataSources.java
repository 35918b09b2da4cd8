package xs.db.hooks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import xs.db.Database;
import xs.db.DbException;
import xs.db.TableSchema;

/**
 * The named data sources of one database: {@code live} and those opened since, each its own
 * engine under its own {@link WriteHooks}, sharing the live one's table listeners. A data source
 * opened for the first time gets live's declared tables, empty: as in Xano, a new data source
 * has the same schema and none of the data (not even the tables' {@code items}).
 *
 * <pre>db.set_datasource { value = "test" }   // the rest of the run reads and writes "test"</pre>
 */
public final class DataSources {
    /** Names become folder and schema names: plain characters only, short enough for PostgreSQL. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,39}");

    private final WriteHooks live;
    private final DataSourceStore store;
    private final Map<String, WriteHooks> open = new ConcurrentHashMap<>();
    private boolean closed;

    DataSources(WriteHooks live, DataSourceStore store) {
        this.live = live;
        this.store = store;
    }

    /** What is wrong with a data source name, or null when it can be used. */
    public static String problem(String name) {
        if (name == null || name.isEmpty()) {
            return "a data source needs a name, such as \"live\" or \"test\"";
        }
        if (!NAME.matcher(name).matches()) {
            return "the data source name \"" + shown(name) + "\" is not usable: use up to 40 letters, digits, _ or -,"
                + " starting with a letter or digit";
        }
        return null;
    }

    private static String shown(String name) {
        return name.length() > 60 ? name.substring(0, 60) + "…" : name;
    }

    /** The named data source, opened (and given live's tables) on first use. */
    WriteHooks get(String name) {
        if (Database.LIVE.equals(name)) {
            return live;
        }
        WriteHooks hooks = open.get(name);
        if (hooks != null) {
            return hooks;
        }
        String problem = problem(name);
        if (problem != null) {
            throw new DbException(DbException.Kind.BAD_QUERY, problem);
        }
        synchronized (this) {
            hooks = open.get(name);
            if (hooks == null) {
                if (closed) {
                    throw new DbException(DbException.Kind.STORAGE, "the database is closed");
                }
                hooks = new WriteHooks(store.open(name), name, live);
                try {
                    for (String table : live.tables()) {
                        Optional<TableSchema> schema = live.schema(table);
                        if (schema.isPresent()) {
                            hooks.define(empty(schema.get()));
                        }
                    }
                } catch (RuntimeException e) {
                    hooks.engine().close();
                    throw e;
                }
                open.put(name, hooks);
            }
        }
        return hooks;
    }

    /** Runs action on live and every data source open now, none opening meanwhile (listeners added to all). */
    synchronized void forEachOpen(java.util.function.Consumer<WriteHooks> action) {
        action.accept(live);
        open.values().forEach(action);
    }

    /** A table declared (again) on live: the open data sources get it too, without its items. */
    void defined(TableSchema schema) {
        for (WriteHooks hooks : open.values()) {
            hooks.define(empty(schema));
        }
    }

    private static TableSchema empty(TableSchema schema) {
        return new TableSchema(schema.name(), schema.columns(), schema.indexes(), List.of(), schema.auth());
    }

    /** live first, then every other data source open now or kept by the store, by name. */
    List<String> names() {
        TreeSet<String> others = new TreeSet<>(open.keySet());
        for (String name : store.existing()) {
            if (problem(name) == null) {
                others.add(name);
            }
        }
        others.remove(Database.LIVE);
        List<String> out = new ArrayList<>();
        out.add(Database.LIVE);
        out.addAll(others);
        return out;
    }

    /** A data source other than live was closed on its own: the next use opens it again. */
    void forget(String name, WriteHooks hooks) {
        open.remove(name, hooks);
    }

    /** Closes every data source but live (whose close this is part of). */
    synchronized void closeOthers() {
        closed = true;
        RuntimeException failure = null;
        for (WriteHooks hooks : open.values()) {
            try {
                hooks.engine().close();
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
        }
        open.clear();
        if (failure != null) {
            throw failure;
        }
    }
}
