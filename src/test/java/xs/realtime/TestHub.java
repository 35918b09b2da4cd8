package xs.realtime;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import xs.ast.Program;
import xs.ast.Script;
import xs.db.Database;
import xs.db.TableSchema;
import xs.db.engines.Engines;
import xs.diag.Diagnostic;
import xs.http.XsServer;
import xs.interp.ChannelDirectory;
import xs.interp.Interpreter;
import xs.interp.Services;
import xs.interp.TableDefinitions;
import xs.source.Source;
import xs.syntax.ParseResult;
import xs.syntax.ScriptParser;

/**
 * A real hub and server on a free loopback port, for tests: the programs of
 * {@code tests/realtime/hub} (or given sources), an in-memory database, and a token secret.
 */
final class TestHub implements AutoCloseable {
    static final String SECRET = "test-secret";
    static final Path HUB_PROGRAM = Path.of("tests/realtime/hub");
    static final Path SEED_PROGRAM = Path.of("tests/realtime/seed");

    final Hub hub;
    final XsServer server;
    final Tokens tokens = new Tokens(SECRET);
    final Interpreter interpreter;
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<WsClient> clients = new ArrayList<>();

    private TestHub(Program program, HubConfig config, String canonical) {
        Database db = Engines.inMemory();
        for (TableSchema t : TableDefinitions.of(program)) {
            db.define(t);
        }
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        hub = new Hub(config, ChannelDirectory.of(program), AuthTables.of(program), new LocalBroker(),
            Boolean.getBoolean("xs.test.verbose") ? System.err : quiet);
        interpreter = new Interpreter(program, Services.of(db, hub.sink(), Map.of(), 10_000));
        hub.attach(interpreter);
        server = XsServer.start(new XsServer.Settings("127.0.0.1", 0, canonical, null, 1024 * 1024), hub, interpreter,
            tokens, Boolean.getBoolean("xs.test.verbose") ? System.err : quiet);
    }

    static TestHub start() {
        return start(HubConfig.defaults(), null, HUB_PROGRAM);
    }

    static TestHub start(HubConfig config) {
        return start(config, null, HUB_PROGRAM);
    }

    static TestHub start(HubConfig config, String canonical, Path programDir) {
        return new TestHub(load(programDir), config, canonical);
    }

    static Program load(Path dir) {
        List<Script> scripts = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".xs")).sorted().toList()) {
                ParseResult r = new ScriptParser().parse(new Source(f.toString(), Files.readString(f)));
                assertTrue(r.diagnostics().stream().noneMatch(Diagnostic::isError), () -> f + ": " + r.diagnostics());
                scripts.add(r.script());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new Program(scripts);
    }

    /** A small config for limit tests. */
    static HubConfig small() {
        return new HubConfig(4 * 1024, 64 * 1024, 60_000, 120_000, 500, 16, 8);
    }

    URI uri(String canonical) {
        return URI.create("ws://127.0.0.1:" + server.port() + "/rt/" + canonical);
    }

    String token(String user) {
        return tokens.mint(user, Map.of(), 3600, "user");
    }

    String token(String user, Map<String, Object> extras) {
        return tokens.mint(user, extras, 3600, "user");
    }

    WsClient user(String id) {
        return connect(token(id));
    }

    WsClient anonymous() {
        return connect(null);
    }

    WsClient connect(String token) {
        WsClient c = WsClient.connect(uri("test"), token);
        clients.add(c);
        return c;
    }

    HttpResponse<String> post(String function, String json, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/function/" + function))
            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> get(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
        for (WsClient c : clients) {
            c.abort();
        }
    }
}
