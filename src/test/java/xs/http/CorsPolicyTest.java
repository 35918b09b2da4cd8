package xs.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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

/** {@code xs serve --cors-origin}: any origin by default, or only the listed ones (and the server's own pages). */
class CorsPolicyTest {
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static XsServer open;
    static XsServer restricted;

    static XsServer start(CorsPolicy cors) {
        Program program = FunctionEndpointTest.load(Path.of("tests/realtime/hub"));
        PrintStream log = new PrintStream(OutputStream.nullOutputStream());
        Hub hub = new Hub(HubConfig.defaults(), ChannelDirectory.of(program), AuthTables.of(program), new LocalBroker(), log);
        Interpreter interpreter = new Interpreter(program, Services.of(Engines.inMemory(), hub.sink(), Map.of(), 10_000));
        hub.attach(interpreter);
        return XsServer.start(new XsServer.Settings("127.0.0.1", 0, null, null, 4096).withCors(cors), hub, interpreter,
            new Tokens("cors-secret"), log);
    }

    @BeforeAll
    static void startServers() throws Exception {
        open = start(CorsPolicy.ANY_ORIGIN);
        restricted = start(CorsPolicy.of(List.of("http://localhost:5173,https://App.Example.com")));
    }

    @AfterAll
    static void stop() {
        open.close();
        restricted.close();
    }

    static HttpResponse<String> call(XsServer s, String method, String origin) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + "/function/sum"))
            .method(method, method.equals("POST") ? HttpRequest.BodyPublishers.ofString("{\"a\":1,\"b\":2}")
                : HttpRequest.BodyPublishers.noBody());
        if (origin != null) {
            b.header("Origin", origin);
        }
        if (method.equals("OPTIONS")) {
            b.header("Access-Control-Request-Method", "POST");
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void byDefaultAnyOriginMayCall() throws Exception {
        HttpResponse<String> r = call(open, "POST", "http://anything.example");
        assertEquals(200, r.statusCode());
        assertEquals("*", r.headers().firstValue("access-control-allow-origin").orElse(""));
        HttpResponse<String> preflight = call(open, "OPTIONS", "http://anything.example");
        assertEquals(204, preflight.statusCode());
        assertEquals("*", preflight.headers().firstValue("access-control-allow-origin").orElse(""));
        assertTrue(preflight.headers().firstValue("access-control-allow-methods").orElse("").contains("POST"));
    }

    @Test
    void aListedOriginIsEchoed() throws Exception {
        for (String origin : new String[] {"http://localhost:5173", "https://app.example.com"}) {
            HttpResponse<String> r = call(restricted, "POST", origin);
            assertEquals(200, r.statusCode(), r.body());
            assertEquals("3", r.body());
            assertEquals(origin, r.headers().firstValue("access-control-allow-origin").orElse(""));
            assertTrue(r.headers().firstValue("vary").orElse("").contains("Origin"));
            HttpResponse<String> preflight = call(restricted, "OPTIONS", origin);
            assertEquals(204, preflight.statusCode());
            assertEquals(origin, preflight.headers().firstValue("access-control-allow-origin").orElse(""));
            assertTrue(preflight.headers().firstValue("access-control-allow-headers").orElse("").contains("Authorization"));
        }
    }

    @Test
    void anotherOriginIsRefusedBeforeTheFunctionRuns() throws Exception {
        for (String origin : new String[] {"http://evil.example", "http://localhost:5174", "https://localhost:5173", "null"}) {
            HttpResponse<String> r = call(restricted, "POST", origin);
            assertEquals(403, r.statusCode(), origin);
            assertTrue(r.body().contains("ERROR_CODE_ACCESS_DENIED") && r.body().contains("--cors-origin"), r.body());
            assertFalse(r.headers().firstValue("access-control-allow-origin").isPresent());
            assertEquals(403, call(restricted, "OPTIONS", origin).statusCode());
        }
    }

    @Test
    void requestsWithoutAnOriginAndTheServersOwnPagesPass() throws Exception {
        assertEquals(200, call(restricted, "POST", null).statusCode(), "curl and servers send no Origin");
        HttpResponse<String> own = call(restricted, "POST", "http://127.0.0.1:" + restricted.port());
        assertEquals(200, own.statusCode(), "the console calls functions from its own origin");
    }

    /** The status line of a WebSocket handshake on {@code /rt/app}, with this Origin (none when null). */
    static String handshake(XsServer s, String origin) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", s.port())) {
            socket.setSoTimeout(20_000);
            String request = "GET /rt/app HTTP/1.1\r\nHost: 127.0.0.1:" + s.port() + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                + (origin == null ? "" : "Origin: " + origin + "\r\n") + "\r\n";
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            HttpLimitsTest.Answer a = HttpLimitsTest.read(socket.getInputStream());
            return a.status() + " " + a.body();
        }
    }

    /**
     * Browsers apply no CORS to WebSockets but send the page's Origin on the handshake, so the hub
     * checks it itself: by default any page connects (the official SDK from any site), with
     * --cors-origin only the listed pages (and clients that send no Origin: Node, wscat).
     */
    @Test
    void theRealtimeHandshakeFollowsTheSameOrigins() throws Exception {
        assertTrue(handshake(open, "http://anything.example").startsWith("101"), "any page, by default");
        assertTrue(handshake(restricted, "http://localhost:5173").startsWith("101"), "a listed origin");
        assertTrue(handshake(restricted, "https://app.example.com").startsWith("101"), "a listed origin, any case");
        assertTrue(handshake(restricted, null).startsWith("101"), "no Origin: not a browser");
        assertTrue(handshake(restricted, "http://127.0.0.1:" + restricted.port()).startsWith("101"), "the console");
        String refused = handshake(restricted, "http://evil.example");
        assertTrue(refused.startsWith("403 ") && refused.contains("ERROR_CODE_ACCESS_DENIED")
            && refused.contains("--cors-origin http://evil.example"), refused);
    }

    @Test
    void originsAreCheckedWhenTheServerStarts() throws Exception {
        assertTrue(CorsPolicy.of(List.of()).anyOrigin());
        assertTrue(CorsPolicy.of(List.of("*")).anyOrigin());
        assertTrue(CorsPolicy.of(List.of("http://a.example", "*")).anyOrigin());
        assertFalse(CorsPolicy.of(List.of("http://a.example")).anyOrigin());
        for (String bad : new String[] {"localhost:5173", "a.example", "http://a.example/path", "ftp://a.example",
            "http://"}) {
            CorsPolicy.BadOrigin e = assertThrows(CorsPolicy.BadOrigin.class, () -> CorsPolicy.of(List.of(bad)));
            assertTrue(e.getMessage().contains("scheme://host[:port]"), e.getMessage());
        }
    }
}
