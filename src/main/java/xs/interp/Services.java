package xs.interp;

import java.util.Map;
import java.util.function.LongSupplier;
import xs.db.Database;

/**
 * What scripts reach outside themselves: the database, the realtime sink, environment
 * variables ($env), the clock ({@code now}), the time limit of each run, what runs
 * {@code api.lambda}, and the {@link Outside} services (HTTP, cache, files, mail).
 */
public record Services(Database database, RealtimeSink realtime, Map<String, String> env, LongSupplier clock,
                       long timeoutMillis, Lambdas lambdas, Outside outside) {

    public Services {
        env = Map.copyOf(env);
        lambdas = lambdas == null ? Lambdas.NONE : lambdas;
        outside = outside == null ? Outside.none() : outside;
    }

    public Services(Database database, RealtimeSink realtime, Map<String, String> env, LongSupplier clock,
                    long timeoutMillis) {
        this(database, realtime, env, clock, timeoutMillis, Lambdas.NONE, Outside.none());
    }

    /** The same services with {@code api.lambda} run by {@code lambdas}. */
    public Services withLambdas(Lambdas lambdas) {
        return new Services(database, realtime, env, clock, timeoutMillis, lambdas, outside);
    }

    /** The same services reaching outside through {@code outside}. */
    public Services with(Outside outside) {
        return new Services(database, realtime, env, clock, timeoutMillis, lambdas, outside);
    }

    public static Services of(Database database, RealtimeSink realtime, Map<String, String> env, long timeoutMillis) {
        return new Services(database, realtime, env, System::currentTimeMillis, timeoutMillis);
    }
}
