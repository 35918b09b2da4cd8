package xs.cli;

import java.util.Map;
import picocli.CommandLine.Option;
import xs.interp.Identity;
import xs.interp.Json;

/**
 * {@code --user ID [--extras JSON]} of the commands that run scripts ({@code run}, {@code test}): the
 * signed-in user a run sees as $auth, e.g. {@code xs run f.xs --user 7} makes {@code $auth.id} 7.
 */
final class Auth {
    @Option(names = "--user", paramLabel = "ID", description = "Run as this authenticated user ($auth.id).")
    String user;

    @Option(names = "--extras", paramLabel = "JSON", description = "Token extras for $auth.extras (with --user).")
    String extras;

    /** The user of {@code --user ID [--extras JSON]}, or {@link Identity#ANONYMOUS} without {@code --user}. */
    @SuppressWarnings("unchecked")
    Identity identity() throws ProgramSetup.SetupException {
        if (user == null) {
            return Identity.ANONYMOUS;
        }
        Map<String, Object> extraValues = Map.of();
        if (extras != null) {
            try {
                Object parsed = Json.read(extras);
                if (!(parsed instanceof Map<?, ?>)) {
                    throw new ProgramSetup.SetupException("--extras must be a JSON object");
                }
                extraValues = (Map<String, Object>) parsed;
            } catch (Json.Malformed e) {
                throw new ProgramSetup.SetupException("--extras is not valid JSON: " + e.getMessage());
            }
        }
        return new Identity(user, "user", extraValues);
    }
}
