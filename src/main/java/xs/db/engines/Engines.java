package xs.db.engines;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import xs.db.Database;
import xs.db.DbException;
import xs.db.hooks.DataSourceStore;
import xs.db.hooks.WriteHooks;
import xs.db.memory.MemoryDatabase;
import xs.db.postgres.PgSettings;
import xs.db.postgres.PostgresDatabase;

/**
 * Chooses and opens the database engine, wrapped in the {@link WriteHooks} every engine sits
 * under, with the store its other data sources are opened in; the one place outside an
 * engine's package that names an engine.
 *
 * <pre>xs serve app/ --data-dir data/   // Engines.durable(Path.of("data"))</pre>
 */
public final class Engines {
    /** The folder of a data directory that holds one subfolder per data source other than live. */
    public static final String DATA_SOURCES_FOLDER = "datasources";
    /** PostgreSQL schemas of the data sources other than live: this prefix, then the name. */
    public static final String SCHEMA_PREFIX = "xs_datasource_";
    /** A data source other than live gets a smaller pool than live: it is the rarer one. */
    private static final int DATA_SOURCE_POOL = 4;

    private Engines() {
    }

    /** The embedded engine, in memory only; each data source another memory database. */
    public static WriteHooks inMemory() {
        return new WriteHooks(MemoryDatabase.inMemory(), new DataSourceStore() {
            @Override
            public Database open(String name) {
                return MemoryDatabase.inMemory();
            }

            @Override
            public List<String> existing() {
                return List.of();
            }
        });
    }

    /** The embedded engine kept in dir (created if missing), loaded now; each data source in dir/datasources/NAME. */
    public static WriteHooks durable(Path dir) {
        Path folder = dir.resolve(DATA_SOURCES_FOLDER);
        return new WriteHooks(MemoryDatabase.durable(dir), new DataSourceStore() {
            @Override
            public Database open(String name) {
                return MemoryDatabase.durable(folder.resolve(name));
            }

            @Override
            public List<String> existing() {
                if (!Files.isDirectory(folder)) {
                    return List.of();
                }
                try (Stream<Path> dirs = Files.list(folder)) {
                    return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).toList();
                } catch (IOException e) {
                    throw new DbException(DbException.Kind.STORAGE, null, "cannot list " + folder + ": " + e.getMessage(), e);
                }
            }
        });
    }

    /**
     * PostgreSQL at a {@code postgresql://} URL: live in the tables of the connection's schema,
     * each other data source in a schema of its own. An IllegalArgumentException says what is
     * wrong with the URL; a DbException of kind UNAVAILABLE that the server cannot be reached.
     */
    public static WriteHooks postgres(String url) {
        return postgres(url, PgSettings.DEFAULT_POOL_SIZE, PgSettings.DEFAULT_CONNECT_TIMEOUT_MILLIS);
    }

    /** As {@link #postgres(String)}, with at most poolSize connections; a statement waits up to timeoutMillis for one. */
    public static WriteHooks postgres(String url, int poolSize, long timeoutMillis) {
        return postgres(url, poolSize, timeoutMillis, PgSettings.DEFAULT_STATEMENT_MILLIS);
    }

    /**
     * As {@link #postgres(String, int, long)}; a statement issued outside any run may take up to
     * statementMillis (0: no limit), one of a run what the run has left.
     */
    public static WriteHooks postgres(String url, int poolSize, long timeoutMillis, long statementMillis) {
        PgSettings settings = PgSettings.parse(url).withPool(poolSize, timeoutMillis).withStatementLimit(statementMillis);
        PostgresDatabase live = PostgresDatabase.open(settings);
        PgSettings others = settings.withPool(Math.min(settings.poolSize(), DATA_SOURCE_POOL), settings.connectTimeoutMillis());
        return new WriteHooks(live, new DataSourceStore() {
            @Override
            public Database open(String name) {
                return PostgresDatabase.open(others.withSchema(SCHEMA_PREFIX + name));
            }

            @Override
            public List<String> existing() {
                return live.schemasStartingWith(SCHEMA_PREFIX);
            }
        });
    }

    /**
     * PostgreSQL in a fresh schema of its own, dropped on close: the database of one {@code xs test --db}
     * test. Its other data sources are fresh schemas too, dropped with it.
     */
    public static WriteHooks throwaway(String url) {
        return throwaway(url, PgSettings.DEFAULT_CONNECT_TIMEOUT_MILLIS);
    }

    /** As {@link #throwaway(String)}, waiting up to timeoutMillis for a connection. */
    public static WriteHooks throwaway(String url, long timeoutMillis) {
        return throwaway(url, timeoutMillis, PgSettings.DEFAULT_STATEMENT_MILLIS);
    }

    /** As {@link #throwaway(String, long)}; a statement outside the test's run may take up to statementMillis (0: no limit). */
    public static WriteHooks throwaway(String url, long timeoutMillis, long statementMillis) {
        PgSettings settings = PgSettings.parse(url).withPool(2, timeoutMillis).withStatementLimit(statementMillis);
        return new WriteHooks(PostgresDatabase.throwaway(settings), throwawaySchemas(settings));
    }

    /** Data sources each in a fresh schema of its own, dropped when closed; none found from before. */
    public static DataSourceStore throwawaySchemas(PgSettings settings) {
        return new DataSourceStore() {
            @Override
            public Database open(String name) {
                return PostgresDatabase.throwaway(settings);
            }

            @Override
            public List<String> existing() {
                return List.of();
            }
        };
    }

    /** What differed between the declarations and the tables an engine found, one line each. */
    public static List<String> notices(WriteHooks db) {
        return db.engine() instanceof PostgresDatabase pg ? pg.notices() : List.of();
    }
}
