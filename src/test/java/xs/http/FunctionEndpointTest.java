package xs.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xs.ast.Program;
import xs.ast.Script;
import xs.db.Database;
import xs.db.TableSchema;
import xs.db.engines.Engines;
import xs.interp.ChannelDirectory;
import xs.interp.Interpreter;
import xs.interp.Services;
import xs.interp.TableDefinitions;
import xs.realtime.AuthTables;
import xs.realtime.Hub;
import xs.realtime.HubConfig;
import xs.realtime.LocalBroker;
import xs.realtime.Tokens;
import xs.source.Source;
import xs.syntax.ScriptParser;
import xs.testing.ExternalTools;

/** POST /function/{name}, GET /health, the access log, and TLS (https and wss on one port). */
class FunctionEndpointTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Tokens TOKENS = new Tokens("http-secret");
    static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();
    static XsServer server;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    static XsServer start(SSLContext tls, PrintStream log) {
        Program program = load(Path.of("tests/realtime/hub"));
        Database db = Engines.inMemory();
        for (TableSchema t : TableDefinitions.of(program)) {
            db.define(t);
        }
        Hub hub = new Hub(HubConfig.defaults(), ChannelDirectory.of(program), AuthTables.of(program), new LocalBroker(), log);
        Interpreter interpreter = new Interpreter(program, Services.of(db, hub.sink(), Map.of(), 10_000));
        hub.attach(interpreter);
        return XsServer.start(new XsServer.Settings("127.0.0.1", 0, null, tls, 4096), hub, interpreter, TOKENS, log);
    }

    static Program load(Path dir) {
        List<Script> scripts = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".xs")).sorted().toList()) {
                scripts.add(new ScriptParser().parse(new Source(f.toString(), Files.readString(f))).script());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new Program(scripts);
    }

    @BeforeAll
    static void startServer() {
        server = start(null, new PrintStream(LOG, true, StandardCharsets.UTF_8));
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    static HttpResponse<String> post(String function, String body, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/function/" + function))
            .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void answersTheResponse() throws Exception {
        HttpResponse<String> r = post("sum", "{\"a\": 2, \"b\": 40}", null);
        assertEquals(200, r.statusCode());
        assertEquals("42", r.body());
        assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("application/json"));
    }

    @Test
    void bearerTokenFillsAuth() throws Exception {
        String token = TOKENS.mint("42", Map.of("role", "admin"), 60, "user");
        JsonNode auth = JSON.readTree(post("whoami", "", "Bearer " + token).body());
        assertEquals(42, auth.path("id").asInt());
        assertTrue(auth.path("id").isIntegralNumber());
        assertEquals("admin", auth.path("extras").path("role").asText());
        assertEquals("{}", post("whoami", "{}", null).body(), "anonymous: $auth is empty");
    }

    @Test
    void badTokensAre401() throws Exception {
        HttpResponse<String> r = post("whoami", "{}", "Bearer nonsense");
        assertEquals(401, r.statusCode());
        assertEquals("ERROR_CODE_UNAUTHORIZED", JSON.readTree(r.body()).path("code").asText());
        assertEquals(401, post("whoami", "{}", "Basic abc").statusCode());
        String expired = TOKENS.mint("1", Map.of(), -5, "user");
        assertEquals(401, post("whoami", "{}", "Bearer " + expired).statusCode());
    }

    @Test
    void errorsUseTheErrorTypesStatusAndBody() throws Exception {
        HttpResponse<String> r = post("fail_notfound", "{}", null);
        assertEquals(404, r.statusCode());
        JsonNode body = JSON.readTree(r.body());
        assertEquals("ERROR_CODE_NOT_FOUND", body.path("code").asText());
        assertEquals("nothing here", body.path("message").asText());
        assertTrue(body.has("payload"));
        HttpResponse<String> input = post("sum", "{\"a\": \"x\"}", null);
        assertEquals(400, input.statusCode());
        assertEquals("ERROR_CODE_INPUT_ERROR", JSON.readTree(input.body()).path("code").asText());
    }

    @Test
    void badJsonIs400WithAClearMessage() throws Exception {
        HttpResponse<String> r = post("sum", "{\"a\": 2,", null);
        assertEquals(400, r.statusCode());
        JsonNode body = JSON.readTree(r.body());
        assertEquals("ERROR_CODE_BAD_REQUEST", body.path("code").asText());
        assertTrue(body.path("message").asText().contains("not valid JSON"), r.body());
        assertFalse(r.body().contains("Exception"), "no Java stack trace for a user mistake");
    }

    @Test
    void oversizedBodyIsRefused() throws Exception {
        HttpResponse<String> r = post("sum", "{\"a\": 1, \"pad\": \"" + "x".repeat(8000) + "\"}", null);
        assertEquals(413, r.statusCode(), r.body());
    }

    @Test
    void unknownFunctionsPathsAndMethods() throws Exception {
        HttpResponse<String> r = post("nope", "{}", null);
        assertEquals(404, r.statusCode());
        assertTrue(r.body().contains("no function named"));
        HttpResponse<String> get = HTTP.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + server.port() + "/function/sum")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, get.statusCode());
        HttpResponse<String> other = HTTP.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + server.port() + "/elsewhere")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, other.statusCode());
    }

    @Test
    void browsersMayCallFromAnyOrigin() throws Exception {
        HttpResponse<String> preflight = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/function/sum"))
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(204, preflight.statusCode());
        assertTrue(preflight.headers().firstValue("access-control-allow-headers").orElse("").contains("Authorization"));
        assertEquals("*", post("sum", "{\"a\":1,\"b\":1}", null).headers().firstValue("access-control-allow-origin")
            .orElse(""));
    }

    @Test
    void healthAnswers200() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + server.port() + "/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
    }

    @Test
    void accessLogNeverShowsTokens() throws Exception {
        String token = TOKENS.mint("7", Map.of(), 60, "user");
        post("whoami", "{}", "Bearer " + token);
        post("fail_notfound", "{}", "Bearer " + token);
        // The line is written once the exchange completes, which may be just after the client has the answer.
        String log = awaitLog("POST /function/whoami 200", "POST /function/fail_notfound 404");
        assertFalse(log.contains(token), "the token leaked into the log");
    }

    /** The access log once it holds every line given, waiting up to 30 s for them. */
    static String awaitLog(String... lines) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            String log = LOG.toString(StandardCharsets.UTF_8);
            if (Stream.of(lines).allMatch(log::contains)) {
                return log;
            }
            assertTrue(System.nanoTime() < deadline, () -> "the access log lacks " + List.of(lines) + ":\n" + log);
            Thread.sleep(10);
        }
    }

    /** A certificate for 127.0.0.1 made by openssl in {@code dir}: cert.pem and key.pem. */
    static Path selfSigned(Path dir) throws Exception {
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        Path openssl = ExternalTools.onPath("openssl", "apt-get install openssl");
        Process p = new ProcessBuilder(openssl.toString(), "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
            "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
            "-keyout", key.toString(), "-out", cert.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, () -> "openssl could not make a certificate:\n" + output);
        return cert;
    }

    /** A client context that trusts only {@code cert}. */
    static SSLContext trusting(Path cert) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("xs", (X509Certificate) CertificateFactory.getInstance("X.509")
            .generateCertificate(Files.newInputStream(cert)));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext client = SSLContext.getInstance("TLS");
        client.init(null, tmf.getTrustManagers(), null);
        return client;
    }

    @Test
    void tlsServesHttpsAndWssOnOnePort(@TempDir Path dir) throws Exception {
        Path cert = selfSigned(dir);
        XsServer tls = start(PemTls.context(cert, dir.resolve("key.pem")), new PrintStream(OutputStream.nullOutputStream()));
        try {
            SSLContext client = trusting(cert);
            HttpClient https = HttpClient.newBuilder().sslContext(client).build();
            HttpResponse<String> r = https.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + tls.port() + "/function/sum"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"a\":1,\"b\":2}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals("3", r.body());
            CompletableFuture<String> first = new CompletableFuture<>();
            WebSocket ws = https.newWebSocketBuilder().subprotocols(TOKENS.mint("3", Map.of(), 60, "user"))
                .buildAsync(URI.create("wss://127.0.0.1:" + tls.port() + "/rt/app"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        first.complete(data.toString());
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
            ws.sendText("{\"action\":\"join\",\"options\":{\"channel\":\"chat:tls\"},\"payload\":{}}", true);
            JsonNode reply = JSON.readTree(first.get(10, TimeUnit.SECONDS));
            assertEquals("join", reply.path("action").asText());
            assertEquals(3, reply.path("client").path("permissions").path("row_id").asInt());
            ws.abort();
        } finally {
            tls.close();
        }
    }
}
