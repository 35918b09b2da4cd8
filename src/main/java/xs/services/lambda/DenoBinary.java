package xs.services.lambda;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the Deno that runs lambdas: the binary {@code XS_DENO} names, else {@code deno} on PATH,
 * else the one the {@code xs} launcher installs with npm into {@code target/deno} (the npm
 * package {@code deno}, pinned by src/main/deno/package-lock.json).
 */
public final class DenoBinary {
    /** What to tell a user whose machine has no Deno. */
    public static final String INSTALL_HINT = "api.lambda runs JavaScript on Deno, which was not found: run xs through"
        + " its ./xs launcher with npm on PATH (it installs Deno into target/deno with npm ci), or install Deno"
        + " (https://docs.deno.com/runtime/getting_started/installation/) and put it on PATH, or set XS_DENO to"
        + " the deno binary";

    private DenoBinary() {
    }

    /** Thrown when {@code XS_DENO} names something that is not a program. */
    public static final class Misconfigured extends Exception {
        Misconfigured(String message) {
            super(message);
        }
    }

    /** The Deno to use, or empty when there is none. */
    public static Optional<Path> locate(Map<String, String> env) throws Misconfigured {
        String named = env.get("XS_DENO");
        if (named != null && !named.isBlank()) {
            Path p = Path.of(named);
            if (!Files.isRegularFile(p) || !Files.isExecutable(p)) {
                throw new Misconfigured("XS_DENO is " + named + ", which is not an executable file");
            }
            return Optional.of(p);
        }
        Optional<Path> onPath = onPath(env.get("PATH"));
        return onPath.isPresent() ? onPath : installed();
    }

    private static Optional<Path> onPath(String path) {
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, "deno");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * The binary npm installed into target/deno beside xs's own classes (target/xs.jar or
     * target/classes): the package's postinstall step links it into node_modules/deno; without
     * that step it stays in the platform package node_modules/@deno/PLATFORM.
     */
    static Optional<Path> installed() {
        Path target = targetFolder();
        if (target == null) {
            return Optional.empty();
        }
        Path modules = target.resolve("deno").resolve("node_modules");
        Path linked = modules.resolve("deno").resolve("deno");
        if (Files.isRegularFile(linked) && Files.isExecutable(linked)) {
            return Optional.of(linked);
        }
        Path platforms = modules.resolve("@deno");
        if (!Files.isDirectory(platforms)) {
            return Optional.empty();
        }
        try (Stream<Path> dirs = Files.list(platforms)) {
            List<Path> found = dirs.map(d -> d.resolve("deno"))
                .filter(p -> Files.isRegularFile(p) && Files.isExecutable(p)).toList();
            return found.stream().findFirst();
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }

    private static Path targetFolder() {
        try {
            var location = DenoBinary.class.getProtectionDomain().getCodeSource();
            if (location == null) {
                return null;
            }
            Path code = Path.of(location.getLocation().toURI());
            return code.getParent();
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            return null;
        }
    }
}
