package xs.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import xs.ast.Program;
import xs.db.Database;
import xs.db.engines.Engines;
import xs.http.HttpLimitsTest.Answer;
import xs.interp.ChannelDirectory;
import xs.interp.Interpreter;
import xs.interp.Services;
import xs.realtime.AuthTables;
import xs.realtime.Hub;
import xs.realtime.HubConfig;
import xs.realtime.LocalBroker;
import xs.realtime.Tokens;

/**
 * Clients that stop reading their answer, over raw sockets with a small receive buffer, against a
 * server whose write timeout is 1 s: the connection is closed, the server's log names it in one
 * line, the worker is released (a streaming stack stops, its post-process stack runs) and the
 * server goes on answering. A stream that is only quiet longer than the timeout is not cut.
 */
@Timeout(180)
class WriteTimeoutTest {
    static final String PROGRAM = """
        api_group s {
          canonical = "s"
        }
        query flood verb=GET {
          api_group = "s"
          stack {
            var $i {
              value = 0
            }
            var $chunk {
              value = "x"|fill:0:65536|join:""
            }
            util.post_process {
              stack {
                db.add finished {
                  data = {query: "flood"}
                }
              }
            }
            while ($i < 100000) {
              each {
                math.add $i {
                  value = 1
                }
                api.stream {
                  value = $chunk
                }
              }
            }
          }
          response = $i
        }
        query big verb=GET {
          api_group = "s"
          stack {
            var $chunk {
              value = "x"|fill:0:65536|join:""
            }
          }
          response = $chunk|fill:0:256
        }
        query quiet verb=GET {
          api_group = "s"
          stack {
            api.stream {
              value = 1
            }
            util.sleep {
              value = 3
            }
            api.stream {
              value = 2
            }
          }
          response = null
        }
        function big {
          stack {
            var $chunk {
              value = "x"|fill:0:65536|join:""
            }
          }
          response = $chunk|fill:0:256
        }
        """;
    static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();
    static Database db;
    static XsServer server;

    @BeforeAll
    static void start(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("app.xs"), PROGRAM);
        Program program = FunctionEndpointTest.load(dir);
        PrintStream log = new PrintStream(LOG, true, StandardCharsets.UTF_8);
        db = Engines.inMemory();
        Hub hub = new Hub(HubConfig.defaults(), ChannelDirectory.of(program), AuthTables.of(program), new LocalBroker(), log);
        Interpreter interpreter = new Interpreter(program, Services.of(db, hub.sink(), Map.of(), 600_000));
        hub.attach(interpreter);
        server = XsServer.start(new XsServer.Settings("127.0.0.1", 0, null, null, 1 << 20).withWriteTimeout(1000), hub,
            interpreter, new Tokens("s"), log);
    }

    @AfterAll
    static void stop() {
        server.close();
        db.close();
    }

    /** Sends the request on a socket that takes little and is never read. */
    static Socket neverReading(String request) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress("127.0.0.1", server.port()));
        OutputStream out = socket.getOutputStream();
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    static String get(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    }

    static String logged() {
        return LOG.toString(StandardCharsets.UTF_8);
    }

    /** The one line the server writes when it closes this client's connection. */
    static String closedLine(Socket client) {
        return "xs serve: closed the connection of 127.0.0.1:" + client.getLocalPort()
            + ": its client took no bytes of the response for 1 s (--write-timeout)";
    }

    static void await(BooleanSupplier done, String what) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!done.getAsBoolean()) {
            assertTrue(System.nanoTime() < until, () -> "after 60 s, still not: " + what + "\nlog:\n" + logged());
            Thread.sleep(20);
        }
    }

    static void assertServed() throws IOException {
        Answer health = HttpLimitsTest.exchange(server, get("/health").getBytes(StandardCharsets.US_ASCII));
        assertEquals(200, health.status(), health.body());
    }

    @Test
    void aStreamNoOneReadsIsClosedAndItsStackStops() throws Exception {
        try (Socket client = neverReading(get("/api:s/flood"))) {
            // The worker left the blocked write: the stack stopped and its post-process stack ran.
            await(() -> db.tables().contains("finished") && db.has("finished", "query", "flood"),
                "the stack stopped and its post-process stack ran");
            await(() -> logged().contains(closedLine(client)), "the log line for this client");
            // The client still hangs on its socket; others are answered.
            assertServed();
            await(() -> server.heldHttpConnections() == 0, "every connection is closed");
            // Its note may be missing: closing the connection can complete the exchange before the worker notices.
            await(() -> logged().contains("GET /api:s/flood 200"), "the access-log line");
            assertEquals(1, logged().split(java.util.regex.Pattern.quote(closedLine(client)), -1).length - 1,
                "one line for the closing:\n" + logged());
        }
    }

    @Test
    void aLargeAnswerNoOneReadsIsClosed() throws Exception {
        // An 8 MiB JSON answer sent by the I/O thread, and one written by a worker that blocks on it.
        try (Socket query = neverReading(get("/api:s/big"));
             Socket function = neverReading("POST /function/big HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                 + "Content-Length: 0\r\n\r\n")) {
            // Each answer ends (its access-log line is written then), and the log says why.
            await(() -> logged().contains("GET /api:s/big 200"), "the query's access-log line");
            await(() -> logged().contains("POST /function/big 200"), "the function's access-log line");
            await(() -> logged().contains(closedLine(query)), "the log line for the query's client");
            await(() -> logged().contains(closedLine(function)), "the log line for the function's client");
            assertServed();
            await(() -> server.heldHttpConnections() == 0, "every connection is closed");
        }
    }

    @Test
    void overTlsTooAnAnswerNoOneReadsIsClosed(@TempDir Path dir) throws Exception {
        Path cert = FunctionEndpointTest.selfSigned(dir);
        Program program = FunctionEndpointTest.load(Files.writeString(dir.resolve("app.xs"), PROGRAM).getParent());
        Hub hub = new Hub(HubConfig.defaults(), ChannelDirectory.of(program), AuthTables.of(program), new LocalBroker(),
            new PrintStream(LOG, true, StandardCharsets.UTF_8));
        Interpreter interpreter = new Interpreter(program, Services.of(db, hub.sink(), Map.of(), 600_000));
        hub.attach(interpreter);
        try (XsServer tls = XsServer.start(new XsServer.Settings("127.0.0.1", 0, null,
            PemTls.context(cert, dir.resolve("key.pem")), 1 << 20).withWriteTimeout(1000), hub, interpreter,
            new Tokens("s"), new PrintStream(LOG, true, StandardCharsets.UTF_8))) {
            Socket plain = new Socket();
            plain.setReceiveBufferSize(4096);
            plain.connect(new InetSocketAddress("127.0.0.1", tls.port()));
            try (SSLSocket client = (SSLSocket) FunctionEndpointTest.trusting(cert).getSocketFactory()
                .createSocket(plain, "127.0.0.1", tls.port(), true)) {
                client.startHandshake();
                client.getOutputStream().write(get("/api:s/big").getBytes(StandardCharsets.US_ASCII));
                client.getOutputStream().flush();
                await(() -> tls.heldHttpConnections() == 0, "the TLS connection is closed");
                await(() -> logged().contains(closedLine(plain)), "the log line for the TLS client");
            }
        }
    }

    @Test
    void aStreamQuietLongerThanTheTimeoutIsNotCut() throws Exception {
        String closed;
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            closed = closedLine(socket);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(get("/api:s/quiet").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            List<String> data = new ArrayList<>();
            String line;
            // Up to the chunked body's last chunk ("0" and a blank line).
            while ((line = in.readLine()) != null && !line.equals("0")) {
                if (line.startsWith("data: ")) {
                    data.add(line);
                }
            }
            assertEquals(List.of("data: 1", "data: 2"), data);
            assertEquals("", in.readLine());
            // The kept-alive connection, quiet for longer than the timeout too, answers its next request.
            Thread.sleep(2500);
            out.write(get("/health").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = in.readLine();
            assertEquals("HTTP/1.1 200 OK", status);
        }
        assertFalse(logged().contains(closed), logged());
    }
}
