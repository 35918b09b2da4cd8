package xs.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Runs tests/console (the developer console in Debian's headless Chromium, driven by
 * playwright-core, against a real {@code xs serve}) as part of the Maven build; it writes
 * target/console-screenshot.png. xs runs from this build's classes. Where Node, the test's
 * packages ({@code npm ci} in tests/console) or Chromium ({@code apt-get install chromium}) are
 * missing it is skipped, except under {@code XS_CI=1}, where it fails.
 */
class ConsoleBrowserTest {
    static final Path CONSOLE_TEST = Path.of("tests/console");

    @Test
    @Timeout(240)
    void theConsoleInARealBrowser() throws Exception {
        String chromium = System.getenv().getOrDefault("XS_CHROMIUM", "/usr/bin/chromium");
        require(Files.isDirectory(CONSOLE_TEST.resolve("node_modules/playwright-core")),
            "tests/console has no node_modules: run npm ci there");
        require(nodeAvailable(), "node is not installed");
        require(Files.isExecutable(Path.of(chromium)), chromium + " is missing: apt-get install chromium");
        Path target = Path.of("target").toAbsolutePath();
        Files.deleteIfExists(target.resolve("console-screenshot.png"));
        ProcessBuilder pb = new ProcessBuilder("npm", "test").directory(CONSOLE_TEST.toFile()).redirectErrorStream(true);
        pb.environment().put("XS_CLASSPATH", System.getProperty("java.class.path"));
        pb.environment().put("XS_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        pb.environment().put("XS_CHROMIUM", chromium);
        pb.environment().put("XS_SCREENSHOT_DIR", target.toString());
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(200, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        System.out.println(output);
        assertEquals(0, p.exitValue(), () -> "npm test in tests/console failed:\n" + output);
        assertTrue(Files.size(target.resolve("console-screenshot.png")) > 10_000, "the screenshot was written");
    }

    /** Skips when a tool is missing, unless CI says every tool must be there. */
    private static void require(boolean present, String message) {
        if (!present && "1".equals(System.getenv("XS_CI"))) {
            fail(message + " (XS_CI=1: the console test must run)");
        }
        assumeTrue(present, message);
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
