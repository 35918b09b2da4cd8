package xs.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import xs.ast.Program;
import xs.db.Database;
import xs.db.engines.Engines;
import xs.interp.ChannelDirectory;
import xs.interp.Interpreter;
import xs.interp.Services;
import xs.realtime.AuthTables;
import xs.realtime.Hub;
import xs.realtime.HubConfig;
import xs.realtime.LocalBroker;
import xs.realtime.Tokens;

/**
 * A client that leaves in the middle of an {@code api.stream} response: the stack stops at its
 * next event (its post-process stack then records how far it got), the worker and the connection
 * are released, and nothing is reported as an error.
 */
class StreamDisconnectTest {
    static final String ENDLESS = """
        api_group s {
          canonical = "s"
        }
        query endless verb=GET {
          api_group = "s"
          stack {
            var $i {
              value = 0
            }
            util.post_process {
              stack {
                db.query tick {
                  return = {type: "count"}
                } as $n
                db.add finished {
                  data = {ticks: $n}
                }
              }
            }
            while ($i < 100000) {
              each {
                math.add $i {
                  value = 1
                }
                api.stream {
                  value = $i
                }
                db.add tick {
                  data = {n: $i}
                }
                util.sleep {
                  value = 0.01
                }
              }
            }
          }
          response = $i
        }
        """;

    @Test
    @Timeout(120)
    void theStackStopsAndNothingIsLeftBehind(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("endless.xs"), ENDLESS);
        Program program = FunctionEndpointTest.load(dir);
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        PrintStream log = new PrintStream(logged, true, StandardCharsets.UTF_8);
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        Database db = Engines.inMemory();
        Hub hub = new Hub(HubConfig.defaults(), ChannelDirectory.of(program), AuthTables.of(program), new LocalBroker(), log);
        Interpreter interpreter = new Interpreter(program, Services.of(db, hub.sink(), Map.of(), 600_000));
        hub.attach(interpreter);
        try (XsServer server = XsServer.start(new XsServer.Settings("127.0.0.1", 0, null, null, 1 << 20), hub,
            interpreter, new Tokens("s"), log)) {
            try (Socket socket = new Socket("127.0.0.1", server.port())) {
                socket.setSoTimeout(30_000);
                socket.getOutputStream().write("GET /api:s/endless HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                String line;
                while ((line = in.readLine()) != null && !line.startsWith("data: ")) {
                    // the status line, the headers, a chunk size, the id
                }
                assertEquals("data: 1", line);
            }
            await(() -> db.tables().contains("finished") && db.get("finished", "id", 1L) != null, "the stack stopped and its post-process stack ran");
            long ticks = ((Number) db.get("finished", "id", 1L).get("ticks")).longValue();
            assertTrue(ticks >= 1 && ticks < 100_000, "the loop stopped early: " + ticks);
            await(() -> server.heldHttpConnections() == 0, "the connection is closed");
            assertTrue(db.has("tick", "n", ticks), "tick " + ticks + " is the last one");
            assertFalse(db.has("tick", "n", ticks + 1), "no tick was written after the stack stopped");
            await(() -> logged.toString(StandardCharsets.UTF_8).contains("GET /api:s/endless 200"), "the access log line");
        } finally {
            System.setErr(originalErr);
            db.close();
        }
        String all = logged.toString(StandardCharsets.UTF_8) + stderr.toString(StandardCharsets.UTF_8);
        assertFalse(all.contains("Exception"), all);
        assertFalse(all.contains("internal error"), all);
        assertFalse(all.contains("post_process"), "the post-process stack did not fail: " + all);
    }

    private static void await(BooleanSupplier done, String what) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!done.getAsBoolean()) {
            assertTrue(System.nanoTime() < until, "after 60 s, still not: " + what);
            Thread.sleep(20);
        }
    }
}
