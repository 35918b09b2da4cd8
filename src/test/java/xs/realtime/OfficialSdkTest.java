package xs.realtime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import xs.testing.ExternalTools;

/**
 * Runs tests/sdk (the official {@code @xano/js-sdk} against a real {@code xs serve}) as part of
 * the Maven build. xs runs there from this build's classes, so no jar is needed yet. Skipped
 * where Node or the test's packages are missing ({@code npm ci} in tests/sdk installs them),
 * except under {@code XS_CI=1}, where it fails.
 */
class OfficialSdkTest {
    static final Path SDK_TEST = Path.of("tests/sdk");

    @Test
    @Timeout(240)
    void officialClientAgainstXsServe() throws Exception {
        ExternalTools.require(Files.isDirectory(SDK_TEST.resolve("node_modules/@xano/js-sdk")),
            "tests/sdk has no node_modules: run npm ci there");
        ExternalTools.npmTest(SDK_TEST, Map.of());
    }
}
