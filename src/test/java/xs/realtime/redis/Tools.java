package xs.realtime.redis;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Programs the cluster tests need from the machine. Missing one skips the test with a clear
 * reason on a developer's machine; under CI ({@code XS_CI=1}, set by .ci/run, which installs
 * them) it fails instead, so a green build never hides a test that did not run.
 */
final class Tools {
    private Tools() {
    }

    /** The executable's path on PATH. */
    static Path require(String program, String installHint) {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                Path candidate = Path.of(dir, program);
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        String message = program + " is not on PATH (" + installHint + ")";
        if ("1".equals(System.getenv("XS_CI"))) {
            fail(message + "; XS_CI=1 requires it");
        }
        Assumptions.abort(message + ": test skipped");
        return null;
    }

    static Path redisServer() {
        return require("redis-server", "apt-get install redis-server; .ci/run installs it");
    }
}
