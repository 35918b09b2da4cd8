package xs.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Hundreds of WebSockets and keep-alive HTTP connections reset at once by another process: the
 * server closes them all, and a live
 * client is answered all the while, because no socket is closed on an I/O thread (XNIO runs a
 * selectNow per socket closed there, which took the thread away for seconds with thousands).
 * The full-scale figure (15,000 connections) is bench/http's, in BENCHMARKS.md; this test has no
 * clock of its own beyond generous waits for each event.
 */
class MassCloseTest {
    /** WebSockets, and as many keep-alive HTTP connections. */
    static final int SOCKETS = 300;

    @Test
    @Timeout(120)
    void aLiveClientIsAnsweredWhileHundredsOfConnectionsAreReset() throws Exception {
        try (TestHub hub = TestHub.start()) {
            WsClient live = hub.user("1");
            live.joined("chat:live");
            int before = hub.hub.openConnections();
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                MassCloseClient.class.getName(), String.valueOf(hub.server.port()), String.valueOf(SOCKETS))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
                assertEquals("READY", out.readLine());
                waitFor(() -> hub.hub.openConnections() == before + SOCKETS, "every child socket upgraded");
                long closedBefore = SocketCloser.closed();
                OutputStream in = child.getOutputStream();
                in.write("reset\n".getBytes(StandardCharsets.US_ASCII));
                in.flush();
                assertEquals("RESET", out.readLine());
                for (int i = 0; i < 20; i++) {
                    live.message("chat:live", "{\"i\":" + i + "}");
                    assertEquals(i, live.expect("message").path("payload").path("i").asInt());
                }
                assertEquals(200, hub.get("/health").statusCode());
                waitFor(() -> hub.hub.openConnections() == before, "the hub closed every reset socket");
                waitFor(() -> SocketCloser.closed() - closedBefore >= 2 * SOCKETS, "all closed off the I/O threads");
                live.message("chat:live", "{\"after\":true}");
                assertTrue(live.expect("message").path("payload").path("after").asBoolean());
            } finally {
                child.destroyForcibly();
                child.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    static void waitFor(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "within 30 s: " + what);
            Thread.sleep(20);
        }
    }
}
