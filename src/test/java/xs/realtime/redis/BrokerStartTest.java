package xs.realtime.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import xs.cli.Main;

/** {@code --broker} mistakes and an unreachable Redis stop {@code xs serve} with exit 2 and one clear line. */
class BrokerStartTest {

    @Test
    @Timeout(60)
    void unreachableRedisAtStartIsExit2WithAClearMessage(@TempDir Path dir) throws Exception {
        int port = RedisProcess.freePort();
        Path stderr = dir.resolve("stderr.txt");
        Process p = ServeNode.command(stderr, "--broker", "redis://127.0.0.1:" + port).start();
        try {
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "exits");
            String err = Files.readString(stderr);
            assertEquals(2, p.exitValue(), err);
            assertEquals("xs: cannot connect to Redis at redis://127.0.0.1:" + port + " (Connection refused)", err.strip());
            assertEquals("", new String(p.getInputStream().readAllBytes()).strip(), "no readiness line");
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void aBadBrokerUrlIsAUsageError() {
        for (String url : new String[] {"localhost:6379", "http://127.0.0.1:6379", "redis://", "redis://h:1/x"}) {
            StringWriter err = new StringWriter();
            int code = Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "serve",
                "tests/realtime/hub", "--port", "0", "--broker", url, "--auth-secret", "s");
            assertEquals(2, code, url);
            assertTrue(err.toString().contains("--broker takes redis://HOST:PORT"), err.toString());
            assertFalse(err.toString().contains("\tat "), "no stack trace: " + err);
        }
    }
}
