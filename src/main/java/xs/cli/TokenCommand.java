package xs.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import xs.interp.Json;
import xs.realtime.Tokens;

/**
 * {@code xs token --user ID [--extras JSON] [--ttl SECONDS] [--secret S]}: prints an auth token
 * that {@code xs serve} accepts, as a realtime subprotocol or an HTTP bearer token.
 */
@Command(name = "token", mixinStandardHelpOptions = true,
    description = "Print an auth token for xs serve (realtime and Authorization: Bearer).")
final class TokenCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--user", required = true, paramLabel = "ID", description = "The user id ($auth.id, the token's sub).")
    String user;

    @Option(names = "--extras", paramLabel = "JSON", description = "An object for $auth.extras.")
    String extras;

    @Option(names = "--ttl", defaultValue = "86400", paramLabel = "SECONDS",
        description = "Seconds until it expires (default: ${DEFAULT-VALUE}).")
    long ttl;

    @Option(names = "--table", defaultValue = "user", paramLabel = "NAME", description = "Auth table (default: ${DEFAULT-VALUE}).")
    String table;

    @Option(names = "--secret", paramLabel = "S", description = "Signing secret (default: $XS_AUTH_SECRET).")
    String secret;

    @Override
    @SuppressWarnings("unchecked")
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String key = secret != null ? secret : System.getenv("XS_AUTH_SECRET");
        if (key == null || key.isEmpty()) {
            err.println("xs: no secret to sign with: pass --secret S or set XS_AUTH_SECRET (the same one xs serve uses)");
            return 2;
        }
        if (user.isEmpty()) {
            err.println("xs: --user needs an id");
            return 2;
        }
        if (ttl <= 0) {
            err.println("xs: --ttl must be a positive number of seconds");
            return 2;
        }
        Map<String, Object> extraValues = Map.of();
        if (extras != null) {
            try {
                Object parsed = Json.read(extras);
                if (!(parsed instanceof Map<?, ?>)) {
                    err.println("xs: --extras must be a JSON object");
                    return 2;
                }
                extraValues = (Map<String, Object>) parsed;
            } catch (Json.Malformed e) {
                err.println("xs: --extras is not valid JSON: " + e.getMessage());
                return 2;
            }
        }
        out.println(new Tokens(key).mint(user, extraValues, ttl, table));
        out.flush();
        return 0;
    }
}
