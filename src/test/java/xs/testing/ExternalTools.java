package xs.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Programs some tests need from the machine (redis-server, openssl, node and a test folder's npm
 * packages, Chromium). Missing one skips the test with a clear reason on a developer's machine;
 * under CI ({@code XS_CI=1}, set by .ci/run, which installs them) it fails instead, so a green
 * build never hides a test that did not run.
 */
public final class ExternalTools {
    private ExternalTools() {
    }

    /** Skips when a tool is missing, unless CI says every tool must be there. */
    public static void require(boolean present, String message) {
        if (!present && "1".equals(System.getenv("XS_CI"))) {
            fail(message + " (XS_CI=1: this test must run)");
        }
        Assumptions.assumeTrue(present, message + ": test skipped");
    }

    /** The executable's path on PATH. */
    public static Path onPath(String program, String installHint) {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                Path candidate = Path.of(dir, program);
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        require(false, program + " is not on PATH (" + installHint + ")");
        return null;
    }

    /**
     * Runs {@code npm test} in a Node test folder with xs on this build's classes
     * ({@code XS_CLASSPATH}, {@code XS_JAVA}) and the given extra environment; fails with the
     * output when it fails. Requires node and the folder's packages ({@code npm ci} there).
     */
    public static void npmTest(Path folder, Map<String, String> environment) throws IOException, InterruptedException {
        require(Files.isDirectory(folder.resolve("node_modules")), folder + " has no node_modules: run npm ci there");
        require(nodeAvailable(), "node is not installed");
        ProcessBuilder pb = new ProcessBuilder("npm", "test").directory(folder.toFile()).redirectErrorStream(true);
        pb.environment().put("XS_CLASSPATH", System.getProperty("java.class.path"));
        pb.environment().put("XS_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        pb.environment().putAll(environment);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(200, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        System.out.println(output);
        assertEquals(0, p.exitValue(), () -> "npm test in " + folder + " failed:\n" + output);
    }

    private static boolean nodeAvailable() {
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
