package xs.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The secret {@code xs serve} signs tokens with: {@code --auth-secret}, else {@code XS_AUTH_SECRET},
 * else one made for this process (kept in {@code --data-dir} so tokens outlive a restart). Several
 * nodes ({@code --broker}) must share one, so there a made-up secret is refused.
 * <pre>xs serve app/ --data-dir state/   # xs serve: no --auth-secret: tokens are signed with a secret kept in state/auth-secret</pre>
 */
final class ServeSecret {
    static final String FILE = "auth-secret";

    private ServeSecret() {
    }

    /** The secret and the one line that says where it came from (null when the user gave it). */
    record Chosen(String secret, String note) {
    }

    static Chosen choose(String given, Path dataDir, boolean cluster) throws ProgramSetup.SetupException {
        String secret = given != null && !given.isEmpty() ? given : System.getenv("XS_AUTH_SECRET");
        if (secret != null && !secret.isEmpty()) {
            return new Chosen(secret, null);
        }
        if (cluster) {
            throw new ProgramSetup.SetupException("several nodes must accept each other's tokens: give every node the "
                + "same --auth-secret S (or XS_AUTH_SECRET)");
        }
        if (dataDir == null) {
            return new Chosen(fresh(), "xs serve: no --auth-secret or XS_AUTH_SECRET: tokens are signed with a random "
                + "secret made for this run (they stop working when it ends)");
        }
        Path file = dataDir.resolve(FILE);
        try {
            if (Files.isRegularFile(file)) {
                String kept = Files.readString(file).trim();
                if (!kept.isEmpty()) {
                    return new Chosen(kept, "xs serve: no --auth-secret or XS_AUTH_SECRET: tokens are signed with the "
                        + "secret kept in " + file);
                }
            }
            Files.createDirectories(dataDir);
            String made = fresh();
            Files.writeString(file, made + "\n");
            return new Chosen(made, "xs serve: no --auth-secret or XS_AUTH_SECRET: tokens are signed with a random "
                + "secret, kept in " + file);
        } catch (IOException e) {
            throw new ProgramSetup.SetupException("cannot keep the auth secret in " + file + ": " + e.getMessage());
        }
    }

    /**
     * The secret of a run whose tokens never leave it ({@code xs run}, {@code xs test}):
     * {@code XS_AUTH_SECRET} when set, so a token printed by a script works with {@code xs serve}, else a random one.
     */
    static String forOneRun() {
        String secret = System.getenv("XS_AUTH_SECRET");
        return secret != null && !secret.isEmpty() ? secret : fresh();
    }

    private static String fresh() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
