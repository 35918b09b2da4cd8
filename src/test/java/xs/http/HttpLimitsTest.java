package xs.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
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

/**
 * What {@code xs serve} does with requests a browser never sends: bodies past the limit, broken
 * or unknown transfer codings, bytes that are not UTF-8, headers that trickle in or never come.
 * Every answer is a Xano error body with an access-log line, never a hang or a stack trace, and
 * the timeouts that end slow connections never cut a running request or a WebSocket.
 */
class HttpLimitsTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();
    /** The default limits, as {@code xs serve} has them. */
    static XsServer server;
    /** Short timeouts, so the slow-connection cases end quickly. */
    static XsServer impatient;
    static PrintStream originalErr;
    static final ByteArrayOutputStream STDERR = new ByteArrayOutputStream();

    @BeforeAll
    static void start(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("functions.xs"), """
            function "size" {
              input {
                text pad
              }
              stack {
              }
              response = $input.pad|strlen
            }

            function "nap" {
              stack {
                util.sleep {
                  value = 2
                }
              }
              response = "rested"
            }

            realtime_channel "open:*" {
              settings = { anonymous_clients: true }
            }
            """);
        originalErr = System.err;
        System.setErr(new PrintStream(new TeeStream(originalErr, STDERR), true, StandardCharsets.UTF_8));
        Program program = FunctionEndpointTest.load(dir);
        PrintStream log = new PrintStream(LOG, true, StandardCharsets.UTF_8);
        server = start(program, new XsServer.Settings("127.0.0.1", 0, null, null, XsServer.Settings.DEFAULT_MAX_BODY_BYTES),
            log);
        impatient = start(program, new XsServer.Settings("127.0.0.1", 0, null, null, 4096).withTimeouts(1000, 1000), log);
    }

    static XsServer start(Program program, XsServer.Settings settings, PrintStream log) {
        Database db = Engines.inMemory();
        Hub hub = new Hub(HubConfig.defaults(), ChannelDirectory.of(program), AuthTables.of(program), new LocalBroker(), log);
        Interpreter interpreter = new Interpreter(program, Services.of(db, hub.sink(), Map.of(), 30_000));
        hub.attach(interpreter);
        return XsServer.start(settings, hub, interpreter, new Tokens("limits-secret"), log);
    }

    @AfterAll
    static void stop() {
        server.close();
        impatient.close();
        System.setErr(originalErr);
    }

    /** Copies what goes to stderr, so the tests can see that no stack trace went there. */
    static final class TeeStream extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        TeeStream(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int x) throws IOException {
            a.write(x);
            b.write(x);
        }

        @Override
        public void write(byte[] buf, int off, int len) throws IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }
    }

    /** A status line, headers and body read off a raw socket. */
    record Answer(int status, String head, String body) {
        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }

    /** Writes the bytes, then reads one response (up to the end of its Content-Length body). */
    static Answer exchange(XsServer s, byte[] request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", s.port())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (SocketException refusedEarly) {
                // The server may answer and close before taking the whole body: read its answer.
            }
            return read(socket.getInputStream());
        }
    }

    static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the connection ended before a response: " + head);
            }
            head.write(b);
        }
        String h = head.toString(StandardCharsets.ISO_8859_1);
        int length = 0;
        for (String line : h.split("\r\n")) {
            if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
        return new Answer(Integer.parseInt(h.substring(9, 12)), h, body);
    }

    static byte[] post(String path, String headers, byte[] body) {
        ByteArrayOutputStream r = new ByteArrayOutputStream();
        r.writeBytes(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n" + headers
            + "\r\n").getBytes(StandardCharsets.US_ASCII));
        r.writeBytes(body);
        return r.toByteArray();
    }

    static byte[] sized(String path, byte[] body) {
        return post(path, "Content-Length: " + body.length + "\r\n", body);
    }

    static byte[] padded(int bytes) {
        String head = "{\"pad\":\"";
        return (head + "p".repeat(bytes - head.length() - 2) + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    static void assertNoStackTrace() {
        String err = STDERR.toString(StandardCharsets.UTF_8);
        assertFalse(err.contains("\tat ") || err.contains("Exception"), () -> "a stack trace on stderr:\n" + err);
    }

    /** Waits (up to 30 s) for the line: it is written as the exchange completes, which may be just after the client has the answer. */
    static void assertLogged(String line) throws InterruptedException {
        for (int i = 0; i < 3000 && !LOG.toString(StandardCharsets.UTF_8).contains(line); i++) {
            Thread.sleep(10);
        }
        String log = LOG.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains(line), () -> "no access-log line \"" + line + "\" in:\n" + log);
    }

    // ---- body size ------------------------------------------------------------------------------

    @Test
    void theDefaultLimitIs16MiB() {
        assertEquals(16L * 1024 * 1024, XsServer.Settings.DEFAULT_MAX_BODY_BYTES);
    }

    @Test
    void aBodyPastUndertowsOwnDefaultButWithinTheLimitIsRead() throws IOException {
        Answer a = exchange(server, sized("/function/size", padded(3 * 1024 * 1024)));
        assertEquals(200, a.status(), a.body());
        assertEquals(String.valueOf(3 * 1024 * 1024 - 10), a.body());
    }

    @Test
    void aBodyOfExactlyTheLimitIsRead() throws IOException {
        Answer a = exchange(impatient, sized("/function/size", padded(4096)));
        assertEquals(200, a.status(), a.body());
    }

    @Test
    void aDeclaredLengthPastTheLimitIs413AtOnce() throws Exception {
        long over = XsServer.Settings.DEFAULT_MAX_BODY_BYTES + 1;
        // Only the headers are sent: the answer must not wait for a body it will refuse.
        Answer a = exchange(server, post("/function/size", "Content-Length: " + over + "\r\n", new byte[0]));
        assertEquals(413, a.status(), a.head());
        JsonNode body = a.json();
        assertEquals("ERROR_CODE_BAD_REQUEST", body.path("code").asText());
        assertTrue(body.path("message").asText().contains("16777216"), body.toString());
        assertTrue(body.has("payload"));
        assertLogged("POST /function/size 413");
        assertNoStackTrace();
    }

    @Test
    void aChunkedBodyPastTheLimitIs413() throws IOException {
        byte[] body = padded(5000);
        byte[] chunked = ("1000\r\n" + new String(body, 0, 4096, StandardCharsets.UTF_8) + "\r\n"
            + Integer.toHexString(body.length - 4096) + "\r\n" + new String(body, 4096, body.length - 4096,
            StandardCharsets.UTF_8) + "\r\n0\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        Answer a = exchange(impatient, post("/function/size", "Transfer-Encoding: chunked\r\n", chunked));
        assertEquals(413, a.status(), a.body());
        assertEquals("ERROR_CODE_BAD_REQUEST", a.json().path("code").asText());
        assertNoStackTrace();
    }

    // ---- transfer codings -----------------------------------------------------------------------

    @Test
    void aWellFormedChunkedBodyIsRead() throws IOException {
        Answer a = exchange(server, post("/function/size", "Transfer-Encoding: chunked\r\n",
            "5\r\n{\"pad\r\n9\r\n\":\"abcd\"}\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(200, a.status(), a.body());
        assertEquals("4", a.body());
    }

    // Malformed chunked bodies: ChunkedBodyTest.

    @Test
    @Timeout(60)
    void anUnknownTransferCodingIs501AtOnce() throws Exception {
        for (String coding : new String[] {"gzip", "gzip, chunked", "x-custom", "chunked, gzip"}) {
            Answer a = exchange(server, post("/function/size", "Transfer-Encoding: " + coding + "\r\n",
                "{\"pad\":\"x\"}".getBytes(StandardCharsets.US_ASCII)));
            assertEquals(501, a.status(), coding + ": " + a.body());
            assertTrue(a.json().path("message").asText().contains("Transfer-Encoding"), a.body());
        }
        assertLogged("POST /function/size 501");
        assertNoStackTrace();
    }

    // ---- UTF-8 ----------------------------------------------------------------------------------

    @Test
    void aJsonBodyThatIsNotUtf8Is400() throws IOException {
        byte[] body = {'{', '"', 'p', 'a', 'd', '"', ':', '"', (byte) 0xFF, (byte) 0xC0, (byte) 0xAF, '"', '}'};
        Answer a = exchange(server, sized("/function/size", body));
        assertEquals(400, a.status(), a.body());
        assertTrue(a.json().path("message").asText().contains("UTF-8"), a.body());
        Answer surrogate = exchange(server, sized("/function/size",
            new byte[] {'{', '"', 'p', 'a', 'd', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'}));
        assertEquals(400, surrogate.status(), surrogate.body());
        Answer fine = exchange(server, sized("/function/size", "{\"pad\":\"\u00fc\u20ac\"}".getBytes(StandardCharsets.UTF_8)));
        assertEquals("2", fine.body());
    }

    // ---- slow and idle connections --------------------------------------------------------------

    /** Reads until the server ends the connection; false when it is still open after 30 s. */
    static boolean endsWithin30s(Socket socket) throws IOException {
        socket.setSoTimeout(30_000);
        try {
            InputStream in = socket.getInputStream();
            while (in.read() >= 0) {
                // a 408 or nothing: either way the end must come
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException reset) {
            return true;
        }
    }

    @Test
    @Timeout(90)
    void aConnectionThatSendsNothingIsClosed() throws IOException {
        try (Socket idle = new Socket("127.0.0.1", impatient.port())) {
            assertTrue(endsWithin30s(idle));
        }
    }

    @Test
    @Timeout(90)
    void headersSentOneByteAtATimeAreCutOff() throws Exception {
        try (Socket slow = new Socket("127.0.0.1", impatient.port())) {
            OutputStream out = slow.getOutputStream();
            byte[] head = ("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n" + "X-Slow: y\r\n".repeat(1000))
                .getBytes(StandardCharsets.US_ASCII);
            Thread writer = new Thread(() -> {
                try {
                    for (byte b : head) {
                        out.write(b);
                        out.flush();
                        Thread.sleep(50);
                    }
                } catch (IOException | InterruptedException closed) {
                    // the server ended the connection: what the test waits for
                }
            });
            writer.setDaemon(true);
            writer.start();
            assertTrue(endsWithin30s(slow), "a request whose headers never end is closed");
            writer.interrupt();
        }
    }

    @Test
    @Timeout(60)
    void aKeptAliveConnectionIsClosedOnceIdleButARunningRequestIsNot() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", impatient.port())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            // The function sleeps 2 s, longer than both timeouts (1 s): it still answers.
            out.write(sized("/function/nap", "{}".getBytes(StandardCharsets.US_ASCII)));
            out.flush();
            Answer a = read(socket.getInputStream());
            assertEquals(200, a.status(), a.body());
            assertEquals("\"rested\"", a.body());
            assertTrue(endsWithin30s(socket), "idle after its request, the connection is closed");
        }
    }

    @Test
    @Timeout(60)
    void aWebSocketOutlivesTheHttpTimeouts() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", impatient.port())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /rt/app HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            Answer upgrade = read(in);
            assertEquals(101, upgrade.status());
            // Quiet for three times the HTTP timeouts; then a masked ping must still be answered.
            Thread.sleep(3000);
            out.write(new byte[] {(byte) 0x89, (byte) 0x80, 1, 2, 3, 4});
            out.flush();
            assertEquals(0x8A, in.read(), "a pong: the socket is still open");
        }
    }
}
