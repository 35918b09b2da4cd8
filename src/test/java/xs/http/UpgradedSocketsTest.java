package xs.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A socket that became a WebSocket holds none of Undertow's HTTP state (issue 18: memory per
 * idle connection), and still reads, writes and closes as before; an HTTP connection that did not
 * upgrade is still Undertow's.
 */
class UpgradedSocketsTest {

    @Test
    void anUpgradedSocketLeavesUndertowsConnectionSetAndStillWorks(@TempDir Path dir) throws Exception {
        assertTrue(UpgradedSockets.supported(), "Undertow or XNIO changed: UpgradedSockets finds no fields to clear");
        Files.writeString(dir.resolve("channels.xs"), """
            realtime_channel "open:*" {
              settings = { anonymous_clients: true }
            }
            """);
        PrintStream log = new PrintStream(OutputStream.nullOutputStream());
        XsServer server = HttpLimitsTest.start(FunctionEndpointTest.load(dir),
            new XsServer.Settings("127.0.0.1", 0, null, null, 1024 * 1024), log);
        List<WebSocket> sockets = new ArrayList<>();
        try (Socket plain = new Socket("127.0.0.1", server.port())) {
            plain.getOutputStream().write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
            readUntil(plain.getInputStream(), "\"ok\"");
            awaitEquals(1, server::heldHttpConnections, "the keep-alive HTTP connection");

            HttpClient client = HttpClient.newHttpClient();
            List<CompletableFuture<String>> replies = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                CompletableFuture<String> reply = new CompletableFuture<>();
                replies.add(reply);
                sockets.add(client.newWebSocketBuilder()
                    .buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/rt/app"), new WebSocket.Listener() {
                        @Override
                        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                            reply.complete(data.toString());
                            return null;
                        }
                    }).get(10, TimeUnit.SECONDS));
            }
            // Without the detach, Undertow would still hold 1 + 3 connections.
            awaitEquals(1, server::heldHttpConnections, "only the connection that stayed HTTP");

            sockets.get(0).sendText("not json", true).get(10, TimeUnit.SECONDS);
            assertTrue(replies.get(0).get(10, TimeUnit.SECONDS).contains("\"error\""), replies.get(0).get());
            sockets.get(1).sendText("{\"action\":\"join\",\"options\":{\"channel\":\"open:1\"}}", true)
                .get(10, TimeUnit.SECONDS);
            assertTrue(replies.get(1).get(10, TimeUnit.SECONDS).contains("\"join\""), replies.get(1).get());
            for (WebSocket ws : sockets) {
                ws.sendClose(WebSocket.NORMAL_CLOSURE, "").get(10, TimeUnit.SECONDS);
            }
        } finally {
            server.close();
        }
    }

    private static void readUntil(InputStream in, String marker) throws IOException {
        StringBuilder seen = new StringBuilder();
        while (!seen.toString().contains(marker)) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the connection ended before " + marker + ": " + seen);
            }
            seen.append((char) b);
        }
    }

    private static void awaitEquals(int expected, IntSupplier actual, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (actual.getAsInt() != expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(expected, actual.getAsInt(), what);
    }
}
