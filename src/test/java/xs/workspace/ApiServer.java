package xs.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import xs.ast.Program;
import xs.ast.Script;
import xs.db.Database;
import xs.db.engines.Engines;
import xs.db.TableSchema;
import xs.http.XsServer;
import xs.interp.ChannelDirectory;
import xs.interp.Interpreter;
import xs.interp.Outside;
import xs.interp.Services;
import xs.interp.TableDefinitions;
import xs.realtime.AuthTables;
import xs.realtime.Hub;
import xs.realtime.HubConfig;
import xs.realtime.LocalBroker;
import xs.realtime.Tokens;
import xs.services.storage.FolderFileStore;
import xs.source.Source;
import xs.syntax.ScriptParser;

/** A real {@code xs serve} server over a workspace folder, on a free loopback port, and an HTTP client for it. */
final class ApiServer implements AutoCloseable {
    static final String SECRET = "workspace-test-secret";
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    final Tokens tokens = new Tokens(SECRET);
    final ByteArrayOutputStream log = new ByteArrayOutputStream();
    final XsServer server;
    final Database db;
    final Workspace workspace;

    /** One answer: status, headers and body (parsed as JSON when it is JSON). */
    record Reply(int status, HttpResponse<String> raw) {
        JsonNode json() {
            try {
                return JSON.readTree(raw.body());
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + raw.body(), e);
            }
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        String body() {
            return raw.body();
        }
    }

    ApiServer(Path folder, long maxBodyBytes) {
        this(folder, maxBodyBytes, Outside.none());
    }

    /** @param outside what api.request, redis.*, storage and mail reach */
    ApiServer(Path folder, long maxBodyBytes, Outside outside) {
        this(folder, maxBodyBytes, outside, false);
    }

    private ApiServer(Path folder, long maxBodyBytes, Outside outside, boolean tableTriggers) {
        Program program = load(folder);
        workspace = Workspace.of(program);
        db = Engines.inMemory();
        for (TableSchema t : TableDefinitions.of(program)) {
            db.define(t);
        }
        PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);
        Hub hub = new Hub(HubConfig.defaults(), ChannelDirectory.of(program), AuthTables.of(program), new LocalBroker(),
            out);
        // Stored files go to a temporary folder of their own, never into the folder served (an export).
        FolderFileStore files = FolderFileStore.temporary("http://localhost", System::currentTimeMillis);
        Interpreter interpreter = new Interpreter(program, Services.of(db, hub.sink(), Map.of("api_key", "k-123"),
            10_000).with(outside.withFiles(files)));
        hub.attach(interpreter);
        // As under xs serve: a trigger's failures and debug.log lines go to the server's log.
        TableTriggers triggers = tableTriggers ? TableTriggers.attach(interpreter, out::println) : null;
        server = XsServer.start(new XsServer.Settings("127.0.0.1", 0, null, null, maxBodyBytes), hub,
            new Api(workspace, interpreter, tokens), null, triggers, out);
    }

    /** A server whose table_triggers run on every write and show in the console, as under xs serve. */
    static ApiServer withTableTriggers(Path folder, long maxBodyBytes) {
        return new ApiServer(folder, maxBodyBytes, Outside.none(), true);
    }

    ApiServer(Path folder) {
        this(folder, 1 << 20);
    }

    static Program load(Path dir) {
        List<Script> scripts = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".xs")).sorted().toList()) {
                var parsed = new ScriptParser().parse(new Source(f.toString(), Files.readString(f)));
                if (parsed.script() == null) {
                    throw new IllegalStateException(f + ": " + parsed.diagnostics());
                }
                scripts.add(parsed.script());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new Program(scripts);
    }

    /** Writes files (path → text) under a folder. */
    static Path write(Path dir, Map<String, String> files) throws IOException {
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path p = dir.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue());
        }
        return dir;
    }

    /** Everything the server has logged so far. */
    String logText() {
        return log.toString(StandardCharsets.UTF_8);
    }

    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    Reply send(String method, String path, String contentType, byte[] body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(30))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r);
    }

    Reply get(String path, String... headers) throws Exception {
        return send("GET", path, null, null, headers);
    }

    Reply json(String method, String path, String json, String... headers) throws Exception {
        return send(method, path, "application/json", json.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** The status line and body of a request sent as written (for URLs Java's URI refuses). */
    String[] raw(String method, String target) throws IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write((method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String reply = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int blank = reply.indexOf("\r\n\r\n");
            return new String[] {reply.substring(0, reply.indexOf("\r\n")), blank < 0 ? "" : reply.substring(blank + 4)};
        }
    }

    String token(String table, long id) {
        return tokens.mint(String.valueOf(id), Map.of(), 3600, table);
    }

    @Override
    public void close() {
        server.close();
        db.close();
    }
}
