package xs.interp;

import java.util.Map;
import java.util.function.LongSupplier;
import xs.db.Database;

/**
 * What scripts reach outside themselves: the database, the realtime sink, environment
 * variables ($env), the clock ({@code now}), the time limit of each run and what runs
 * {@code api.lambda}.
 */
public record Services(Database database, RealtimeSink realtime, Map<String, String> env, LongSupplier clock,
                       long timeoutMillis, Lambdas lambdas) {

    public Services {
        env = Map.copyOf(env);
        lambdas = lambdas == null ? Lambdas.NONE : lambdas;
    }

    public Services(Database database, RealtimeSink realtime, Map<String, String> env, LongSupplier clock,
                    long timeoutMillis) {
        this(database, realtime, env, clock, timeoutMillis, Lambdas.NONE);
    }

    /** The same services with {@code api.lambda} run by {@code lambdas}. */
    public Services withLambdas(Lambdas lambdas) {
        return new Services(database, realtime, env, clock, timeoutMillis, lambdas);
    }

    public static Services of(Database database, RealtimeSink realtime, Map<String, String> env, long timeoutMillis) {
        return new Services(database, realtime, env, System::currentTimeMillis, timeoutMillis);
    }
}
