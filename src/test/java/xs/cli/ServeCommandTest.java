package xs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import xs.realtime.Tokens;

/** {@code xs serve} and {@code xs token} as a user runs them. */
class ServeCommandTest {
    static final Pattern READY = Pattern.compile(
        "xs serving http://127\\.0\\.0\\.1:(\\d+) \\(realtime ws://127\\.0\\.0\\.1:(\\d+)/rt/(.+)\\)");

    @Test
    @Timeout(60)
    void servesPrintsOneLineAndStopsCleanlyOnSigterm(@TempDir Path dir) throws Exception {
        Path stderr = dir.resolve("stderr.txt");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"), "xs.cli.Main", "serve", "tests/realtime/hub",
            "--port", "0", "--canonical", "demo", "--auth-secret", "cli-secret")
            .redirectError(stderr.toFile()).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            Matcher m = READY.matcher(line == null ? "" : line);
            assertTrue(m.matches(), "readiness line: " + line + "\n" + Files.readString(stderr));
            assertEquals(m.group(1), m.group(2));
            assertEquals("demo", m.group(3));
            int port = Integer.parseInt(m.group(1));
            HttpClient http = HttpClient.newHttpClient();
            assertEquals(200, http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
            String token = new Tokens("cli-secret").mint("4", java.util.Map.of(), 60, "user");
            CompletableFuture<Integer> closed = new CompletableFuture<>();
            CompletableFuture<String> joined = new CompletableFuture<>();
            WebSocket ws = http.newWebSocketBuilder().subprotocols(token)
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/rt/demo"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                        joined.complete(data.toString());
                        w.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket w, int code, String reason) {
                        closed.complete(code);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
            ws.sendText("{\"action\":\"join\",\"options\":{\"channel\":\"chat:cli\"},\"payload\":{}}", true);
            assertTrue(joined.get(10, TimeUnit.SECONDS).contains("\"join\""));
            p.toHandle().destroy(); // SIGTERM, keeping our end of its stdout open
            assertEquals(1012, closed.get(10, TimeUnit.SECONDS), "shutdown closes sockets with 1012");
            assertEquals(null, out.readLine(), "exactly one line on stdout");
            assertTrue(p.waitFor(20, TimeUnit.SECONDS), "exits after SIGTERM");
            assertEquals(0, p.exitValue());
            String log = Files.readString(stderr);
            assertTrue(log.contains("GET /health 200"), log);
            assertTrue(log.contains("GET /rt/demo 101"), log);
            assertTrue(log.contains("stopped after 1 connections, 1 channels"), log);
            assertFalse(log.contains(token), "no token in the log");
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void scriptErrorsStopItWithExit1(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("bad.xs"), "function \"f\" {\n  stack {\n    var $x {\n  }\n");
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "serve", dir.toString(),
            "--port", "0");
        assertEquals(1, code);
        assertTrue(err.toString().contains("bad.xs"), err.toString());
    }

    @Test
    void routeCollisionsStopItWithExit1(@TempDir Path dir) throws Exception {
        String query = "query \"items/%s\" verb=GET {\n  api_group = \"shop\"\n  stack {\n  }\n  response = 1\n}\n";
        Files.writeString(dir.resolve("api.xs"), "api_group shop {\n}\n---\n" + query.formatted("{id}") + "---\n"
            + query.formatted("{item_id}"));
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "serve", dir.toString(),
            "--port", "0");
        assertEquals(1, code);
        assertTrue(err.toString().contains("error[XS0222]: query \"items/{item_id}\" verb=GET collides with query "
            + "\"items/{id}\""), err.toString());
    }

    @Test
    void severalNodesNeedASecretOfTheirOwn() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("XS_AUTH_SECRET") == null);
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "serve",
            "tests/realtime/hub", "--port", "0", "--broker", "redis://127.0.0.1:1");
        assertEquals(2, code);
        assertEquals("xs: several nodes must accept each other's tokens: give every node the same --auth-secret S "
            + "(or XS_AUTH_SECRET)", err.toString().trim());
    }

    @Test
    void aMadeUpSecretIsKeptInTheDataDirectory(@TempDir Path dir) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("XS_AUTH_SECRET") == null);
        ServeSecret.Chosen first = ServeSecret.choose(null, dir, false);
        ServeSecret.Chosen again = ServeSecret.choose(null, dir, false);
        assertEquals(first.secret(), again.secret());
        assertTrue(first.note().contains(dir.resolve("auth-secret").toString()), first.note());
        assertFalse(first.note().contains(first.secret()));
        assertFalse(ServeSecret.choose(null, null, false).secret().equals(ServeSecret.choose(null, null, false).secret()));
        assertEquals("given", ServeSecret.choose("given", dir, true).secret());
    }

    @Test
    void tokenCommandMintsForTheTableNamed() throws Exception {
        StringWriter out = new StringWriter();
        assertEquals(0, Main.execute(new PrintWriter(out), new PrintWriter(new StringWriter()), "token", "--user", "3",
            "--table", "customer", "--secret", "s"));
        assertEquals("customer", new Tokens("s").verify(out.toString().trim()).identity().table());
    }

    @Test
    void aTakenPortIsAUsageError() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            StringWriter err = new StringWriter();
            int code = Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "serve",
                "tests/realtime/hub", "--port", String.valueOf(taken.getLocalPort()));
            assertEquals(2, code);
            assertTrue(err.toString().contains("cannot listen on 127.0.0.1:" + taken.getLocalPort()), err.toString());
        }
    }

    @Test
    void aCorsOriginThatIsNotAnOriginIsAUsageError() {
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "serve", "tests/realtime/hub",
            "--port", "0", "--cors-origin", "http://localhost:5173,localhost:3000");
        assertEquals(2, code);
        assertTrue(err.toString().contains("\"localhost:3000\" is not an origin"), err.toString());
    }

    @Test
    void aWriteTimeoutOutOfRangeIsAUsageError() {
        for (String seconds : new String[] {"0", "3601"}) {
            StringWriter err = new StringWriter();
            int code = Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "serve", "tests/realtime/hub",
                "--port", "0", "--write-timeout", seconds);
            assertEquals(2, code, seconds);
            assertTrue(err.toString().contains("--write-timeout are whole seconds from 1 to 3600"), err.toString());
        }
    }

    @Test
    void tokenCommandMintsATokenTheServerAccepts() throws Exception {
        StringWriter out = new StringWriter();
        int code = Main.execute(new PrintWriter(out), new PrintWriter(new StringWriter()), "token", "--user", "42",
            "--extras", "{\"role\":\"admin\",\"level\":2}", "--ttl", "60", "--secret", "s");
        assertEquals(0, code);
        Tokens.Verified v = new Tokens("s").verify(out.toString().trim());
        assertEquals(42L, v.identity().id());
        assertEquals("admin", v.identity().extras().get("role"));
        assertEquals(2L, v.identity().extras().get("level"));
        assertTrue(v.expiresAtMillis() > System.currentTimeMillis());
        StringWriter err = new StringWriter();
        assertEquals(2, Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "token", "--user", "1",
            "--extras", "[1]", "--secret", "s"));
        assertTrue(err.toString().contains("--extras must be a JSON object"));
    }
}
