package xs.interp;

import java.util.Map;
import java.util.function.LongSupplier;
import xs.db.Database;

/**
 * What scripts reach outside themselves: the database, the realtime sink, environment
 * variables ($env), the clock ({@code now}) and the time limit of each run.
 */
public record Services(Database database, RealtimeSink realtime, Map<String, String> env, LongSupplier clock,
                       long timeoutMillis) {

    public Services {
        env = Map.copyOf(env);
    }

    public static Services of(Database database, RealtimeSink realtime, Map<String, String> env, long timeoutMillis) {
        return new Services(database, realtime, env, System::currentTimeMillis, timeoutMillis);
    }
}
