package xs.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import xs.db.Database;
import xs.db.engines.Engines;
import xs.db.TableSchema;
import xs.interp.ChannelDirectory;
import xs.interp.Interpreter;
import xs.interp.Services;
import xs.interp.TableDefinitions;
import xs.realtime.AuthTables;
import xs.realtime.Hub;
import xs.realtime.HubConfig;
import xs.realtime.LocalBroker;

/**
 * The console's page and JSON answer only requests that name this machine (DNS rebinding: a page
 * of evil.example whose name now points at 127.0.0.1 sends {@code Host: evil.example}), and its
 * table data goes only to clients on this machine.
 */
class ConsoleHostTest {
    static final List<XsServer> OPEN = new ArrayList<>();
    static XsServer server;

    static XsServer start(String host) {
        Program program = FunctionEndpointTest.load(Path.of("tests/realtime/hub"));
        Database db = Engines.inMemory();
        for (TableSchema t : TableDefinitions.of(program)) {
            db.define(t);
        }
        db.add("user", new LinkedHashMap<>(Map.of("name", "user 1")));
        PrintStream log = new PrintStream(OutputStream.nullOutputStream());
        Hub hub = new Hub(HubConfig.defaults(), ChannelDirectory.of(program), AuthTables.of(program), new LocalBroker(), log);
        Interpreter interpreter = new Interpreter(program, Services.of(db, hub.sink(), Map.of(), 10_000));
        hub.attach(interpreter);
        XsServer s = XsServer.start(new XsServer.Settings(host, 0, null, null, 4096), hub, interpreter,
            ConsoleApiTest.TOKENS, log);
        OPEN.add(s);
        return s;
    }

    @BeforeAll
    static void start() {
        server = start("127.0.0.1");
    }

    @AfterAll
    static void stop() {
        OPEN.forEach(XsServer::close);
    }

    static String get(String host, String path) throws Exception {
        return ConsoleApiTest.raw("127.0.0.1", server.port(), "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n");
    }

    @Test
    void anotherHostNameGetsNeitherThePageNorTheTables() throws Exception {
        int port = server.port();
        for (String host : new String[] {"evil.example", "evil.example:" + port, "127.0.0.1.evil.example:" + port,
            "localhost.evil.example", "10.9.8.7:" + port}) {
            for (String path : new String[] {"/", "/console/console.js", "/console/api/tables", "/console/api/tables/user",
                "/console/api/program", "/console/api/server"}) {
                String answer = get(host, path);
                assertTrue(answer.startsWith("HTTP/1.1 403"), host + " " + path + ": " + answer);
                assertTrue(answer.contains("\"code\":\"ERROR_CODE_ACCESS_DENIED\"") && answer.contains("\"payload\""),
                    answer);
                assertFalse(answer.contains("user 1") || answer.contains("\"columns\""), "no table data: " + answer);
            }
        }
    }

    @Test
    void thisMachinesNamesGetThem() throws Exception {
        int port = server.port();
        for (String host : new String[] {"localhost", "localhost:" + port, "LOCALHOST:" + port, "127.0.0.1",
            "127.0.0.1:" + port, "[::1]", "[::1]:" + port}) {
            String answer = get(host, "/console/api/tables/user");
            assertTrue(answer.startsWith("HTTP/1.1 200"), host + ": " + answer);
            assertTrue(answer.contains("user 1"), answer);
            assertTrue(get(host, "/").startsWith("HTTP/1.1 200"), host);
        }
    }

    @Test
    void theBoundAddressIsThisMachineToo() {
        ThisMachine bound = new ThisMachine("192.168.7.20");
        assertTrue(bound.named("192.168.7.20"));
        assertTrue(bound.named("192.168.7.20:8080"));
        assertTrue(bound.named("localhost:8080"));
        assertFalse(bound.named("192.168.7.21:8080"));
        assertFalse(bound.named("evil.example"));
        ThisMachine byName = new ThisMachine("devbox");
        assertTrue(byName.named("DevBox:8080"));
        assertFalse(byName.named("devbox.evil.example"));
        ThisMachine v6 = new ThisMachine("fd00::5");
        assertTrue(v6.named("[fd00::5]:8080"));
        assertFalse(v6.named("[fd00::6]:8080"));
    }

    @Test
    void functionsAndTheHubAreNotTiedToTheHostName() throws Exception {
        String health = get("evil.example", "/health");
        assertTrue(health.startsWith("HTTP/1.1 200"), health);
    }

    /** A server listening on this machine's LAN address, called from that address (not loopback). */
    static String lanServer() throws Exception {
        Optional<InetAddress> lan = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
            .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
            .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
            .findFirst();
        assumeTrue(lan.isPresent(), "this machine has no non-loopback address to call from");
        String address = lan.get().getHostAddress();
        XsServer onLan = start(address);
        return "http://" + address + ":" + onLan.port();
    }

    @Test
    void anotherMachineCannotRunATask() throws Exception {
        String base = lanServer();
        // The Host names the server's own address and the Origin is its own page: only the client's address is wrong.
        HttpResponse<String> run = ConsoleApiTest.HTTP.send(HttpRequest.newBuilder(URI.create(base
            + "/console/api/tasks/heartbeat/run")).header("Origin", base).POST(HttpRequest.BodyPublishers.noBody())
            .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, run.statusCode(), run.body());
        assertTrue(run.body().contains("only from a browser on this machine"), run.body());
    }

    @Test
    void anotherMachineGetsNoTableData() throws Exception {
        String base = lanServer();
        HttpResponse<String> tables = ConsoleApiTest.HTTP.send(HttpRequest.newBuilder(URI.create(base
            + "/console/api/tables/user")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, tables.statusCode(), tables.body());
        assertFalse(tables.body().contains("user 1"));
        assertEquals(403, ConsoleApiTest.HTTP.send(HttpRequest.newBuilder(URI.create(base + "/console/api/tables"))
            .build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        HttpResponse<String> program = ConsoleApiTest.HTTP.send(HttpRequest.newBuilder(URI.create(base
            + "/console/api/program")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, program.statusCode(), "the program's outline is not table data");
    }
}
