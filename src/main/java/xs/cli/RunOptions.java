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

    /** The PostgreSQL URL of --db or $XS_DB; null for the embedded database. */
    String databaseUrl() {
        String url = db != null ? db : System.getenv("XS_DB");
        return url == null || url.isBlank() ? null : url;
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
