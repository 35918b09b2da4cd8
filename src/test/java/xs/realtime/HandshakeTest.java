package xs.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Protocol §1 (connection and auth) and the liveness rules of §7. */
class HandshakeTest {

    @Test
    void pinnedCanonicalIs404BeforeTheToken() {
        try (TestHub hub = TestHub.start(HubConfig.defaults(), "my-app", TestHub.HUB_PROGRAM)) {
            WsClient ok = WsClient.connect(hub.uri("my-app"), hub.token("1"));
            ok.joined("chat:pin");
            assertEquals(404, assertThrows(WsClient.Refused.class,
                () -> WsClient.connect(hub.uri("other"), hub.token("1"))).status);
            assertEquals(404, assertThrows(WsClient.Refused.class,
                () -> WsClient.connect(hub.uri("other"), "not-a-token")).status, "404 wins over a bad token");
            assertEquals(401, assertThrows(WsClient.Refused.class,
                () -> WsClient.connect(hub.uri("my-app"), "not-a-token")).status);
            ok.abort();
        }
    }

    @Test
    void anyCanonicalWhenUnpinned() {
        try (TestHub hub = TestHub.start()) {
            WsClient.connect(hub.uri("a"), null).joined("chat:any");
            WsClient.connect(hub.uri("b-c_d"), null).joined("chat:any");
        }
    }

    @Test
    void tokenIsEchoedAsTheSubprotocol() {
        try (TestHub hub = TestHub.start()) {
            String token = hub.token("5", Map.of("role", "admin"));
            WsClient c = hub.connect(token);
            assertEquals(token, c.socket().getSubprotocol());
            assertEquals("admin", c.joined("chat:sub").path("client").path("extras").path("role").asText());
            WsClient anon = hub.anonymous();
            assertEquals("", anon.socket().getSubprotocol());
        }
    }

    @Test
    void clientCloseIsAnsweredWithTheSameCode() {
        try (TestHub hub = TestHub.start()) {
            WsClient reconnecting = hub.user("1");
            reconnecting.close(4000);
            assertEquals(4000, reconnecting.closeCode(30_000), "the SDK reconnects only when 4000 comes back");
            WsClient normal = hub.user("1");
            normal.close(1000);
            assertEquals(1000, normal.closeCode(30_000));
        }
    }

    @Test
    void shutdownClosesWith1012() {
        TestHub hub = TestHub.start();
        WsClient c = hub.user("1");
        c.joined("chat:bye");
        hub.close();
        assertEquals(1012, c.closeCode(5000));
    }

    @Test
    void plainHttpOnTheRealtimePathIsRefused() {
        try (TestHub hub = TestHub.start()) {
            assertEquals(400, hub.get("/rt/app").statusCode());
            assertEquals(404, hub.get("/rt/").statusCode());
        }
    }

    @Test
    @Timeout(20)
    void liveClientsArePingedAndStay() throws Exception {
        try (TestHub hub = TestHub.start(HubConfig.defaults().withLiveness(100, 400))) {
            WsClient c = hub.user("1");
            c.joined("chat:alive");
            Thread.sleep(1200);
            c.message("chat:alive", "{}");
            c.expect("message");
        }
    }

    @Test
    @Timeout(20)
    void silentConnectionIsClosed() throws Exception {
        try (TestHub hub = TestHub.start(HubConfig.defaults().withLiveness(100, 400));
             Socket raw = new Socket("127.0.0.1", hub.server.port())) {
            OutputStream out = raw.getOutputStream();
            String key = Base64.getEncoder().encodeToString("0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
            out.write(("GET /rt/app HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            raw.setSoTimeout(10_000);
            long start = System.currentTimeMillis();
            // Never answer the pings: the hub closes after 400 ms of silence.
            byte[] all = readUntilEnd(raw.getInputStream());
            String text = new String(all, StandardCharsets.ISO_8859_1);
            assertTrue(text.startsWith("HTTP/1.1 101"), text);
            assertTrue(text.contains(RealtimeEndpoint.accept(key)), "Sec-WebSocket-Accept is right");
            assertTrue(System.currentTimeMillis() - start >= 350, "not closed before the idle limit");
            // ping frames (0x89) came first, and a close frame (0x88) with 1001 at the end
            assertTrue(text.indexOf((char) 0x89) > 0, "was pinged");
            int close = text.lastIndexOf((char) 0x88);
            assertTrue(close > 0, "got a close frame");
            assertEquals(1001, ((all[close + 2] & 0xFF) << 8) | (all[close + 3] & 0xFF));
        }
    }

    private static byte[] readUntilEnd(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        for (int n; (n = in.read(buf)) > 0; ) {
            all.write(buf, 0, n);
        }
        return all.toByteArray();
    }
}
