package xs.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import xs.ast.Program;
import xs.db.ColumnSchema;
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

/**
 * The developer console's endpoints: its files (types, no traversal), the JSON under
 * /console/api/ (program, server, tables with paging, read-only) and the dev token rules.
 */
class ConsoleApiTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Tokens TOKENS = new Tokens("console-secret");
    static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final List<AutoCloseable> OPEN = new ArrayList<>();
    static XsServer server;
    static Database db;

    /** A server over tests/realtime/hub; {@code db} gets a few more rows and a table with a password. */
    static XsServer start(String host, String canonical, Tokens tokens) {
        Program program = FunctionEndpointTest.load(Path.of("tests/realtime/hub"));
        Database database = Engines.inMemory();
        for (TableSchema t : TableDefinitions.of(program)) {
            database.define(t);
        }
        database.define(new TableSchema("login", List.of(ColumnSchema.of("email", "email"), ColumnSchema.of("secret", "password")),
            null, null, false));
        for (int i = 1; i <= 5; i++) {
            database.add("user", new LinkedHashMap<>(Map.of("name", "user " + i)));
        }
        database.add("login", new LinkedHashMap<>(Map.of("email", "a@example.com", "secret", "hunter2")));
        PrintStream log = new PrintStream(LOG, true, StandardCharsets.UTF_8);
        Hub hub = new Hub(HubConfig.defaults(), ChannelDirectory.of(program), AuthTables.of(program), new LocalBroker(), log);
        Interpreter interpreter = new Interpreter(program, Services.of(database, hub.sink(), Map.of(), 10_000));
        hub.attach(interpreter);
        XsServer s = XsServer.start(new XsServer.Settings(host, 0, canonical, null, 4096), hub, interpreter, tokens, log);
        OPEN.add(s);
        OPEN.add(database);
        if (db == null) {
            db = database;
        }
        return s;
    }

    @BeforeAll
    static void startServer() {
        server = start("127.0.0.1", null, TOKENS);
    }

    @AfterAll
    static void stop() throws Exception {
        Collections.reverse(OPEN);
        for (AutoCloseable c : OPEN) {
            c.close();
        }
    }

    static HttpResponse<String> get(XsServer s, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path)).build(),
            HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> send(XsServer s, String method, String path, String body, Map<String, String> headers)
        throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path))
            .method(method, HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    /** A request written by hand: the path and Host header exactly as given, no client normalising them. */
    static String raw(String host, int port, String requestLines) throws Exception {
        try (Socket socket = new Socket(host, port)) {
            OutputStream out = socket.getOutputStream();
            out.write((requestLines + "Connection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static String token(XsServer s, String body, Map<String, String> headers) throws Exception {
        return send(s, "POST", "/console/api/token", body, headers).body();
    }

    // ---- the page's files ---------------------------------------------------------------------

    @Test
    void rootIsThePageWithItsFilesFromTheClasspath() throws Exception {
        HttpResponse<String> page = get(server, "/");
        assertEquals(200, page.statusCode());
        assertEquals("text/html; charset=utf-8", page.headers().firstValue("content-type").orElse(""));
        assertTrue(page.body().contains("<title>xs console</title>"), page.body());
        String policy = page.headers().firstValue("content-security-policy").orElse("");
        assertTrue(policy.contains("script-src 'self'") && policy.contains("default-src 'none'"), policy);
        assertTrue(policy.contains("ws://127.0.0.1:" + server.port()), policy);
        HttpResponse<String> js = get(server, "/console/console.js");
        assertEquals(200, js.statusCode());
        assertEquals("text/javascript; charset=utf-8", js.headers().firstValue("content-type").orElse(""));
        HttpResponse<String> css = get(server, "/console/console.css");
        assertEquals("text/css; charset=utf-8", css.headers().firstValue("content-type").orElse(""));
        assertEquals(200, get(server, "/console/index.html").statusCode());
        assertFalse(page.headers().firstValue("access-control-allow-origin").isPresent(), "the console is not for other origins");
    }

    @Test
    void thePageLoadsNothingFromOutside() throws Exception {
        for (String file : List.of("/", "/console/console.js", "/console/console.css")) {
            String body = get(server, file).body();
            assertFalse(body.contains("http://") || body.contains("https://") || body.contains("//cdn"), file);
        }
    }

    @Test
    void nothingOutsideTheConsoleFolderCanBeRead() throws Exception {
        for (String path : List.of("/console/../pom.xml", "/console/%2e%2e/pom.xml", "/console/..%2Fpom.xml",
            "/console/%2e%2e%2fpom.xml", "/console/..\\pom.xml", "/console//etc/passwd", "/console/sub/console.js",
            "/console/.hidden.js", "/console/console.js.bak", "/console/xs/http/XsServer.class", "/console/nope.js",
            "/console/", "/console/console.js%00.png")) {
            String answer = raw("127.0.0.1", server.port(), "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
            String status = answer.lines().findFirst().orElse("");
            assertTrue(status.contains(" 404 ") || status.contains(" 400 "), path + " answered " + status);
            assertFalse(answer.contains("<project") || answer.contains("root:"), path);
        }
        assertEquals(405, send(server, "POST", "/", "", Map.of()).statusCode());
        assertEquals(405, send(server, "DELETE", "/console/console.js", "", Map.of()).statusCode());
    }

    // ---- program and server -------------------------------------------------------------------

    static JsonNode named(JsonNode list, String key, String value) {
        for (JsonNode n : list) {
            if (n.path(key).asText().equals(value)) {
                return n;
            }
        }
        throw new AssertionError("no " + key + " " + value + " in " + list);
    }

    @Test
    void programListsFunctionsWithTheirInputs() throws Exception {
        HttpResponse<String> r = get(server, "/console/api/program");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("application/json"));
        JsonNode program = json(r);
        JsonNode sum = named(program.path("functions"), "name", "sum");
        assertEquals(2, sum.path("inputs").size());
        JsonNode a = sum.path("inputs").get(0);
        assertEquals("a", a.path("name").asText());
        assertEquals("int", a.path("type").asText());
        assertFalse(a.path("optional").asBoolean());
        assertFalse(a.path("nullable").asBoolean());
        assertFalse(a.path("array").asBoolean());
        JsonNode event = named(named(program.path("functions"), "name", "emit").path("inputs"), "name", "event");
        assertTrue(event.path("nullable").asBoolean(), "text? event is nullable");
        assertEquals(0, named(program.path("functions"), "name", "whoami").path("inputs").size());
        assertEquals(List.of("account", "user"), JSON.convertValue(program.path("tables"), List.class));
    }

    @Test
    void programListsChannelsWithTheirEffectiveSettings() throws Exception {
        JsonNode channels = json(get(server, "/console/api/program")).path("realtime_channels");
        JsonNode chat = named(channels, "pattern", "chat:*");
        assertTrue(chat.path("active").asBoolean());
        assertTrue(chat.path("public_messaging").path("active").asBoolean());
        assertFalse(chat.path("public_messaging").path("auth").asBoolean());
        assertEquals(25, chat.path("settings").path("message_history").asInt());
        assertTrue(chat.path("settings").path("presence").asBoolean());
        assertTrue(chat.path("settings").path("anonymous_clients").asBoolean());
        JsonNode quiet = named(channels, "pattern", "quiet:*");
        assertFalse(quiet.path("public_messaging").path("active").asBoolean(), "defaults of protocol §4");
        assertFalse(quiet.path("private_messaging").path("active").asBoolean());
        assertFalse(quiet.path("settings").path("anonymous_clients").asBoolean());
        assertEquals(0, quiet.path("settings").path("message_history").asInt());
        assertFalse(quiet.path("settings").path("presence").asBoolean());
        JsonNode direct = named(channels, "pattern", "direct:*");
        assertTrue(direct.path("private_messaging").path("active").asBoolean(), "Xano's {auth: true} means on");
        assertTrue(direct.path("private_messaging").path("auth").asBoolean());
        assertFalse(named(channels, "pattern", "closed").path("active").asBoolean());
        assertTrue(named(channels, "pattern", "nest").path("settings").path("nested_channels").asBoolean());
    }

    @Test
    void programListsTriggersInBothForms() throws Exception {
        JsonNode triggers = json(get(server, "/console/api/program")).path("realtime_triggers");
        JsonNode gate = named(triggers, "name", "gatekeeper");
        assertEquals("gate:*", gate.path("channel").asText(), "the part after '|'");
        assertTrue(gate.path("actions").path("join").asBoolean());
        assertFalse(gate.path("actions").path("message").asBoolean());
        assertTrue(gate.path("event").isNull());
        JsonNode edit = named(triggers, "name", "document_edit");
        assertEquals("document:*", edit.path("channel").asText());
        assertEquals("operation", edit.path("event").asText());
        assertFalse(edit.path("actions").path("join").asBoolean(), "the seed's form fires on messages only");
        assertTrue(edit.path("actions").path("message").asBoolean());
        JsonNode moderator = named(triggers, "name", "moderator");
        assertFalse(moderator.path("actions").path("join").asBoolean());
        assertTrue(moderator.path("actions").path("message").asBoolean());
    }

    @Test
    void serverTellsWhereTheRealtimeHubIs() throws Exception {
        JsonNode info = json(get(server, "/console/api/server"));
        assertEquals("/rt/console", info.path("realtime_path").asText(), "any canonical is accepted: the console picks one");
        assertFalse(info.path("canonical_pinned").asBoolean());
        assertTrue(info.path("auth_secret").asBoolean());
        XsServer pinned = start("127.0.0.1", "my-app", new Tokens(null));
        JsonNode pinnedInfo = json(get(pinned, "/console/api/server"));
        assertEquals("/rt/my-app", pinnedInfo.path("realtime_path").asText());
        assertTrue(pinnedInfo.path("canonical_pinned").asBoolean());
        assertFalse(pinnedInfo.path("auth_secret").asBoolean());
    }

    @Test
    void unknownEndpointsAndMethodsAreRefusedWithoutCors() throws Exception {
        HttpResponse<String> missing = get(server, "/console/api/nothing");
        assertEquals(404, missing.statusCode());
        assertEquals("ERROR_CODE_NOT_FOUND", json(missing).path("code").asText());
        HttpResponse<String> post = send(server, "POST", "/console/api/program", "{}", Map.of());
        assertEquals(405, post.statusCode());
        assertTrue(json(post).path("message").asText().contains("GET"));
        HttpResponse<String> preflight = send(server, "OPTIONS", "/console/api/token", "", Map.of(
            "Origin", "http://elsewhere.example", "Access-Control-Request-Method", "POST"));
        assertEquals(405, preflight.statusCode(), "no preflight passes for the console's API");
        assertFalse(preflight.headers().firstValue("access-control-allow-origin").isPresent());
        assertFalse(get(server, "/console/api/program").headers().firstValue("access-control-allow-origin").isPresent());
    }

    // ---- tables -------------------------------------------------------------------------------

    @Test
    void tablesListColumnsAndRowCounts() throws Exception {
        JsonNode tables = json(get(server, "/console/api/tables")).path("tables");
        JsonNode user = named(tables, "name", "user");
        assertTrue(user.path("declared").asBoolean());
        assertEquals(5, user.path("rows").asInt());
        assertEquals("id", user.path("columns").get(0).path("name").asText());
        assertEquals("name", user.path("columns").get(1).path("name").asText());
        assertEquals("text", user.path("columns").get(1).path("type").asText());
        assertEquals(0, named(tables, "name", "account").path("rows").asInt());
    }

    @Test
    void rowsComeInPages() throws Exception {
        JsonNode first = json(get(server, "/console/api/tables/user"));
        assertEquals("user", first.path("table").asText());
        assertEquals(1, first.path("page").asInt());
        assertEquals(TableBrowser.DEFAULT_PER_PAGE, first.path("per_page").asInt());
        assertEquals(5, first.path("items").size());
        assertEquals("user 1", first.path("items").get(0).path("name").asText());
        JsonNode third = json(get(server, "/console/api/tables/user?page=3&per_page=2"));
        assertEquals(1, third.path("items").size());
        assertEquals("user 5", third.path("items").get(0).path("name").asText());
        assertEquals(3, third.path("page_total").asInt());
        assertEquals(5, third.path("items_total").asInt());
        assertEquals(0, json(get(server, "/console/api/tables/user?page=9&per_page=2")).path("items").size());
        for (String bad : List.of("page=0", "page=x", "per_page=0", "per_page=" + (TableBrowser.MAX_PER_PAGE + 1), "page=-1")) {
            HttpResponse<String> r = get(server, "/console/api/tables/user?" + bad);
            assertEquals(400, r.statusCode(), bad);
            assertEquals("ERROR_CODE_INPUT_ERROR", json(r).path("code").asText());
        }
        HttpResponse<String> unknown = get(server, "/console/api/tables/nope");
        assertEquals(404, unknown.statusCode());
        assertTrue(json(unknown).path("message").asText().contains("nope"));
    }

    @Test
    void passwordsAreMasked() throws Exception {
        JsonNode row = json(get(server, "/console/api/tables/login")).path("items").get(0);
        assertEquals("a@example.com", row.path("email").asText());
        assertFalse(row.path("secret").asText().contains("hunter2"));
    }

    @Test
    void tablesAreReadOnly() throws Exception {
        for (String method : List.of("POST", "PUT", "PATCH", "DELETE")) {
            for (String path : List.of("/console/api/tables", "/console/api/tables/user")) {
                HttpResponse<String> r = send(server, method, path, "{\"name\": \"intruder\"}", Map.of());
                assertEquals(405, r.statusCode(), method + " " + path);
            }
        }
        assertEquals(5, json(get(server, "/console/api/tables/user")).path("items_total").asInt());
    }

    // ---- dev tokens ---------------------------------------------------------------------------

    @Test
    void aTokenForAUserIdFromThisMachine() throws Exception {
        JsonNode answer = JSON.readTree(token(server, "{\"user\": 42, \"extras\": {\"role\": \"admin\"}}", Map.of()));
        assertEquals("42", answer.path("user").asText());
        assertEquals("user", answer.path("table").asText(), "the declared auth table");
        Tokens.Verified verified = TOKENS.verify(answer.path("token").asText());
        assertEquals("42", verified.identity().userId());
        assertEquals("admin", verified.identity().extras().get("role"));
        assertTrue(verified.expiresAtMillis() > System.currentTimeMillis());
        JsonNode text = JSON.readTree(token(server, "{\"user\": \"ada\"}", Map.of()));
        assertEquals("ada", TOKENS.verify(text.path("token").asText()).identity().userId());
        JsonNode sameOrigin = JSON.readTree(token(server, "{\"user\": 1}",
            Map.of("Origin", "http://127.0.0.1:" + server.port())));
        assertTrue(sameOrigin.has("token"), sameOrigin.toString());
    }

    @Test
    void tokensNeverReachTheAccessLog() throws Exception {
        String token = JSON.readTree(token(server, "{\"user\": 7}", Map.of())).path("token").asText();
        // The line is written as the exchange completes, which may be just after the client has the answer.
        for (int i = 0; i < 3000 && !LOG.toString(StandardCharsets.UTF_8).contains("POST /console/api/token 200"); i++) {
            Thread.sleep(10);
        }
        String log = LOG.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("POST /console/api/token 200"), log);
        assertFalse(log.contains(token));
        assertFalse(log.contains("eyJ"));
    }

    @Test
    void badTokenRequestsAreClear400s() throws Exception {
        for (String body : List.of("{}", "{\"user\": \"\"}", "{\"user\": true}", "{\"user\": 1, \"extras\": [1]}", "[1]",
            "{\"user\": \"" + "x".repeat(101) + "\"}")) {
            HttpResponse<String> r = send(server, "POST", "/console/api/token", body, Map.of());
            assertEquals(400, r.statusCode(), body);
            assertFalse(json(r).path("message").asText().isEmpty());
        }
        HttpResponse<String> notJson = send(server, "POST", "/console/api/token", "{user:", Map.of());
        assertEquals(400, notJson.statusCode());
        assertTrue(json(notJson).path("message").asText().contains("not valid JSON"));
        assertEquals(405, get(server, "/console/api/token").statusCode());
    }

    @Test
    void noSecretNoToken() throws Exception {
        XsServer plain = start("127.0.0.1", null, new Tokens(null));
        HttpResponse<String> r = send(plain, "POST", "/console/api/token", "{\"user\": 7}", Map.of());
        assertEquals(409, r.statusCode());
        assertTrue(json(r).path("message").asText().contains("--auth-secret"), r.body());
    }

    @Test
    void otherOriginsAndHostsGetNoToken() throws Exception {
        HttpResponse<String> foreign = send(server, "POST", "/console/api/token", "{\"user\": 7}",
            Map.of("Origin", "http://evil.example"));
        assertEquals(403, foreign.statusCode());
        assertFalse(foreign.body().contains("eyJ"));
        // A page whose domain was pointed at 127.0.0.1 (DNS rebinding) names its own host.
        String body = "{\"user\": 7}";
        String rebound = raw("127.0.0.1", server.port(), "POST /console/api/token HTTP/1.1\r\nHost: evil.example:"
            + server.port() + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body
            + "\r\n");
        assertTrue(rebound.startsWith("HTTP/1.1 403"), rebound);
        assertFalse(rebound.contains("eyJ"));
        assertTrue(DevTokens.loopbackName("localhost:8080"));
        assertTrue(DevTokens.loopbackName("127.0.0.1"));
        assertTrue(DevTokens.loopbackName("[::1]:8080"));
        assertFalse(DevTokens.loopbackName("127.0.0.1.evil.example"));
        assertFalse(DevTokens.loopbackName("[evil.example]"));
        assertFalse(DevTokens.loopbackName("10.0.0.5:8080"));
    }

    @Test
    void requestsFromAnotherMachineGetNoToken() throws Exception {
        Optional<InetAddress> lan = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
            .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
            .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
            .findFirst();
        assumeTrue(lan.isPresent(), "this machine has no non-loopback address to call from");
        XsServer open = start("0.0.0.0", null, TOKENS);
        String address = lan.get().getHostAddress();
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://" + address + ":" + open.port()
                + "/console/api/token")).POST(HttpRequest.BodyPublishers.ofString("{\"user\": 7}")).build(),
            HttpResponse.BodyHandlers.ofString());
        assertEquals(403, r.statusCode(), r.body());
        assertTrue(json(r).path("message").asText().contains("this machine"));
    }
}
