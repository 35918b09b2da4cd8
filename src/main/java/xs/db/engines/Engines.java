package xs.db.engines;

import java.nio.file.Path;
import xs.db.hooks.WriteHooks;
import xs.db.memory.MemoryDatabase;

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
}
