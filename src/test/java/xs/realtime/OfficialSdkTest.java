package xs.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Runs tests/sdk (the official {@code @xano/js-sdk} against a real {@code xs serve}) as part of
 * the Maven build. xs runs there from this build's classes, so no jar is needed yet. Skipped
 * where Node or the test's packages are missing ({@code npm ci} in tests/sdk installs them).
 */
class OfficialSdkTest {
    static final Path SDK_TEST = Path.of("tests/sdk");

    @Test
    @Timeout(240)
    void officialClientAgainstXsServe() throws Exception {
        assumeTrue(Files.isDirectory(SDK_TEST.resolve("node_modules/@xano/js-sdk")),
            "tests/sdk has no node_modules: run npm ci there");
        assumeTrue(nodeAvailable(), "node is not installed");
        ProcessBuilder pb = new ProcessBuilder("npm", "test").directory(SDK_TEST.toFile()).redirectErrorStream(true);
        pb.environment().put("XS_CLASSPATH", System.getProperty("java.class.path"));
        pb.environment().put("XS_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(200, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        System.out.println(output);
        assertEquals(0, p.exitValue(), () -> "npm test in tests/sdk failed:\n" + output);
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
