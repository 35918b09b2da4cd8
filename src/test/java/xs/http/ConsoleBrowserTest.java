package xs.http;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import xs.testing.ExternalTools;

/**
 * Runs tests/console (the developer console in Debian's headless Chromium, driven by
 * playwright-core, against a real {@code xs serve}) as part of the Maven build; it writes
 * target/console-screenshot.png and console-api.png (the API tab over samples/bookshelf). xs runs
 * from this build's classes. Where Node, the test's packages ({@code npm ci} in tests/console) or
 * Chromium ({@code apt-get install chromium}) are missing it is skipped, except under
 * {@code XS_CI=1}, where it fails.
 */
class ConsoleBrowserTest {
    static final Path CONSOLE_TEST = Path.of("tests/console");

    @Test
    @Timeout(240)
    void theConsoleInARealBrowser() throws Exception {
        String chromium = System.getenv().getOrDefault("XS_CHROMIUM", "/usr/bin/chromium");
        ExternalTools.require(Files.isDirectory(CONSOLE_TEST.resolve("node_modules/playwright-core")),
            "tests/console has no node_modules: run npm ci there");
        ExternalTools.require(Files.isExecutable(Path.of(chromium)), chromium + " is missing: apt-get install chromium");
        Path target = Path.of("target").toAbsolutePath();
        Files.deleteIfExists(target.resolve("console-screenshot.png"));
        Files.deleteIfExists(target.resolve("console-api.png"));
        ExternalTools.npmTest(CONSOLE_TEST, Map.of("XS_CHROMIUM", chromium, "XS_SCREENSHOT_DIR", target.toString()));
        assertTrue(Files.size(target.resolve("console-screenshot.png")) > 10_000, "the screenshot was written");
        assertTrue(Files.size(target.resolve("console-api.png")) > 10_000, "the API tab's screenshot was written");
    }
}
