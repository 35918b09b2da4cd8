package xs.cli;

import java.util.Map;
import xs.interp.Identity;
import xs.interp.Json;

/** Reads {@code --user ID [--extras JSON]} into the identity a run uses for $auth. */
final class Auth {
    private Auth() {
    }

    static Map<String, Object> of(String user, String extras) throws ProgramSetup.SetupException {
        return identity(user, extras).auth();
    }

    /** The user of {@code --user ID [--extras JSON]}, or {@link Identity#ANONYMOUS} without {@code --user}. */
    @SuppressWarnings("unchecked")
    static Identity identity(String user, String extras) throws ProgramSetup.SetupException {
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
