package xs.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The options every command that runs scripts shares ({@code run}, {@code test}, {@code serve}):
 * seed data, the time limit and extra {@code $env} values.
 */
final class RunOptions {
    @Option(names = "--data", paramLabel = "FILE",
        description = "Seed rows: {\"table\": [rows...]} (xs test seeds them before every test).")
    Path data;

    @Option(names = "--timeout", defaultValue = "30", paramLabel = "SECONDS",
        description = "Time limit of each function call, trigger or test (default: ${DEFAULT-VALUE}).")
    double timeout;

    @Option(names = "--env", paramLabel = "KEY=VALUE", description = "Set $env.KEY (repeatable).")
    List<String> env;

    @Option(names = "--db", paramLabel = "URL",
        description = "Keep the tables in PostgreSQL (postgresql://USER:PASS@HOST:PORT/DB; default: $XS_DB, else in memory). "
            + "xs test gives each test a schema of its own and drops it.")
    String db;

    @Option(names = "--db-pool-size", defaultValue = "10", paramLabel = "N",
        description = "Connections to PostgreSQL this process keeps at most (with --db; default: ${DEFAULT-VALUE}).")
    int dbPoolSize;

    @Option(names = "--db-timeout", defaultValue = "5", paramLabel = "SECONDS",
        description = "How long a statement waits for a PostgreSQL connection before it fails with 503, how long "
            + "connecting may take, and how long a silent PostgreSQL gets after a statement's time (what its run has "
            + "left of --timeout) is up before its connection is dropped (with --db; default: ${DEFAULT-VALUE}).")
    double dbTimeout;

    /** The PostgreSQL URL of --db or $XS_DB; null for the embedded database. */
    String databaseUrl() {
        String url = db != null ? db : System.getenv("XS_DB");
        return url == null || url.isBlank() ? null : url;
    }

    /** PostgreSQL as --db, --db-pool-size and --db-timeout say; null for the embedded database. */
    ProgramSetup.Postgres database() throws ProgramSetup.SetupException {
        String url = databaseUrl();
        if (url == null) {
            return null;
        }
        if (dbPoolSize < 1 || dbPoolSize > 1000) {
            throw new ProgramSetup.SetupException("--db-pool-size is a whole number from 1 to 1000, not " + dbPoolSize);
        }
        if (!(dbTimeout >= 0.25 && dbTimeout <= 3600)) {
            throw new ProgramSetup.SetupException("--db-timeout is seconds from 0.25 to 3600, not " + dbTimeout);
        }
        return new ProgramSetup.Postgres(url, dbPoolSize, (long) (dbTimeout * 1000), timeoutMillis());
    }

    @Option(names = "--env-file", paramLabel = "FILE",
        description = "Set $env values from a dotenv file (KEY=VALUE lines); --env wins over it.")
    Path envFile;

    long timeoutMillis() {
        return (long) (timeout * 1000);
    }

    Map<String, String> environment() throws ProgramSetup.SetupException {
        // The process environment, then the env file, then --env: the more specific wins.
        Map<String, String> values = ProgramSetup.environment(List.of());
        if (envFile != null) {
            values.putAll(DotEnv.read(envFile));
        }
        values.putAll(ProgramSetup.pairs(env));
        return values;
    }
}
