package xs.db.engines;

import java.nio.file.Path;
import java.util.List;
import xs.db.hooks.WriteHooks;
import xs.db.memory.MemoryDatabase;
import xs.db.postgres.PgSettings;
import xs.db.postgres.PostgresDatabase;

/**
 * Chooses and opens the database engine, wrapped in the {@link WriteHooks} every engine sits
 * under; the one place outside an engine's package that names an engine.
 *
 * <pre>xs serve app/ --data-dir data/   // Engines.durable(Path.of("data"))</pre>
 */
public final class Engines {
    private Engines() {
    }

    /** The embedded engine, in memory only. */
    public static WriteHooks inMemory() {
        return new WriteHooks(MemoryDatabase.inMemory());
    }

    /** The embedded engine kept in dir (created if missing), loaded now. */
    public static WriteHooks durable(Path dir) {
        return new WriteHooks(MemoryDatabase.durable(dir));
    }

    /**
     * PostgreSQL at a {@code postgresql://} URL. An IllegalArgumentException says what is wrong
     * with the URL; a DbException of kind UNAVAILABLE that the server cannot be reached.
     */
    public static WriteHooks postgres(String url) {
        return new WriteHooks(PostgresDatabase.open(PgSettings.parse(url)));
    }

    /** PostgreSQL in a fresh schema of its own, dropped on close: the database of one {@code xs test --db} test. */
    public static WriteHooks throwaway(String url) {
        return new WriteHooks(PostgresDatabase.throwaway(PgSettings.parse(url).withPool(2, PgSettings.DEFAULT_CONNECT_TIMEOUT_MILLIS)));
    }

    /** What differed between the declarations and the tables an engine found, one line each. */
    public static List<String> notices(WriteHooks db) {
        return db.engine() instanceof PostgresDatabase pg ? pg.notices() : List.of();
    }
}
