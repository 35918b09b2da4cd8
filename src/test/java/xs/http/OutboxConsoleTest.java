package xs.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xs.ast.Program;
import xs.db.Database;
import xs.db.engines.Engines;
import xs.interp.ChannelDirectory;
import xs.interp.Interpreter;
import xs.interp.Outside;
import xs.interp.Services;
import xs.realtime.AuthTables;
import xs.realtime.Hub;
import xs.realtime.HubConfig;
import xs.realtime.LocalBroker;
import xs.realtime.Tokens;
import xs.services.mail.LocalOutbox;

/**
 * The console's outbox: {@code GET /console/api/outbox} lists what {@code util.send_email} kept,
 * newest first, with a plain-text preview, to a browser on this machine under one of its names only.
 */
class OutboxConsoleTest {
    static final String MAILER = """
        function mail {
          input {
            text subject
            text body
          }
          stack {
            util.send_email {
              service_provider = "resend"
              api_key = "re_secret"
              to = "ada@example.com"
              from = "shop@example.com"
              subject = $input.subject
              message = $input.body
            } as $sent
          }
          response = $sent
        }
        """;

    @TempDir
    Path dir;

    XsServer start(String host) throws Exception {
        Files.writeString(dir.resolve("mail.xs"), MAILER);
        Program program = FunctionEndpointTest.load(dir);
        Database db = Engines.inMemory();
        PrintStream log = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        Hub hub = new Hub(HubConfig.defaults(), ChannelDirectory.of(program), AuthTables.of(program), new LocalBroker(), log);
        Services services = Services.of(db, hub.sink(), Map.of(), 10_000)
            .with(Outside.none().withMail(new LocalOutbox(line -> { }, null)));
        Interpreter interpreter = new Interpreter(program, services);
        hub.attach(interpreter);
        return XsServer.start(new XsServer.Settings(host, 0, null, null, 1 << 20), hub, interpreter, new Tokens("s"), log);
    }

    static HttpResponse<String> send(String url, String method, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).method(method,
            body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        return ConsoleApiTest.HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void listsKeptEmailsNewestFirstWithAPreview() throws Exception {
        try (XsServer server = start("127.0.0.1")) {
            String base = "http://127.0.0.1:" + server.port();
            JsonNode empty = ConsoleApiTest.JSON.readTree(send(base + "/console/api/outbox", "GET", null).body());
            assertEquals(0, empty.get("messages").size());
            assertEquals(200, send(base + "/function/mail", "POST", "{\"subject\": \"Welcome\", \"body\": "
                + "\"<html><style>p {color: red}</style><p>Hello   <b>Ada</b>,</p>\\n<p>thanks.</p></html>\"}").statusCode());
            assertEquals(200, send(base + "/function/mail", "POST", "{\"subject\": \"Receipt\", \"body\": \""
                + "x".repeat(400) + "\"}").statusCode());

            HttpResponse<String> r = send(base + "/console/api/outbox", "GET", null);
            assertEquals(200, r.statusCode());
            JsonNode messages = ConsoleApiTest.JSON.readTree(r.body()).get("messages");
            assertEquals(2, messages.size());
            JsonNode newest = messages.get(0);
            assertEquals("Receipt", newest.get("subject").asText());
            assertEquals(OutboxConsole.PREVIEW, newest.get("preview").asText().length());
            assertTrue(newest.get("preview").asText().endsWith("…"));
            assertEquals(400, newest.get("message").asText().length(), "the whole body is there too");
            JsonNode first = messages.get(1);
            assertEquals("Welcome", first.get("subject").asText());
            assertEquals("ada@example.com", first.get("to").asText());
            assertEquals("shop@example.com", first.get("from").asText());
            assertEquals("Hello Ada, thanks.", first.get("preview").asText());
            assertTrue(first.get("sent_at").asLong() > 0);
            assertTrue(newest.get("sent_at").asLong() >= first.get("sent_at").asLong());
            assertTrue(!r.body().contains("re_secret"), "the API key is never kept");
        }
    }

    @Test
    void onlyThisMachineSeesTheOutbox() throws Exception {
        try (XsServer server = start("127.0.0.1")) {
            String rebound = ConsoleApiTest.raw("127.0.0.1", server.port(),
                "GET /console/api/outbox HTTP/1.1\r\nHost: evil.example:" + server.port() + "\r\n");
            assertTrue(rebound.startsWith("HTTP/1.1 403"), rebound);
            assertEquals(405, send("http://127.0.0.1:" + server.port() + "/console/api/outbox", "POST", "{}").statusCode());
        }
        Optional<InetAddress> lan = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
            .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
            .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
            .findFirst();
        assumeTrue(lan.isPresent(), "this machine has no non-loopback address to call from");
        try (XsServer open = start("0.0.0.0")) {
            HttpResponse<String> r = send("http://" + lan.get().getHostAddress() + ":" + open.port()
                + "/console/api/outbox", "GET", null);
            assertEquals(403, r.statusCode(), r.body());
            assertTrue(r.body().contains("only to a browser on this machine"), r.body());
        }
    }

    @Test
    void previewsAreOneLineOfText() {
        assertEquals("Hi there", OutboxConsole.preview("<p>Hi\n\n   there</p><script>alert(1)</script>"));
        assertEquals("", OutboxConsole.preview(""));
    }
}
