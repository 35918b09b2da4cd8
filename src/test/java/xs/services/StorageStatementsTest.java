package xs.services;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xs.http.XsServer;
import xs.interp.ChannelDirectory;
import xs.realtime.AuthTables;
import xs.realtime.Hub;
import xs.realtime.HubConfig;
import xs.realtime.LocalBroker;
import xs.realtime.Tokens;
import xs.services.storage.FolderFileStore;

/** storage.* saving into a folder, and the files served back by the HTTP server until a signed URL expires. */
class StorageStatementsTest {
    private static final String SCRIPT = """
        function store {
          input {
            text content
            text image
          }
          stack {
            storage.create_attachment {
              value = "data:application/pdf;base64," ~ $input.content
              access = "private"
              filename = "cv.pdf"
            } as $cv

            storage.create_image {
              value = "data:image/png;base64," ~ $input.image
              access = "public"
              filename = ""
            } as $logo

            storage.sign_private_url {
              pathname = $cv.path
              ttl = 300
            } as $signed

            storage.read_file_resource {
              value = $cv
            } as $read

            storage.create_file_resource {
              filename = "notes.txt"
              filedata = "hello"
            } as $resource
          }
          response = {cv: $cv, logo: $logo, signed: $signed, read: $read|unset:"data", same: $read.data == ($input.content|base64_decode), resource: $resource}
        }
        """;

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    @SuppressWarnings("unchecked")
    void filesRoundTripThroughTheServerUntilTheSignatureExpires(@TempDir Path dir) throws Exception {
        AtomicLong clock = new AtomicLong(System.currentTimeMillis());
        FolderFileStore files = new FolderFileStore(dir, "http://localhost", clock::get);
        Scripts s = Scripts.of(SCRIPT, sv -> sv.with(StandardOutside.create().withFiles(files)));
        byte[] pdf = "%PDF-1.4 résumé".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] png = png(3, 2);
        PrintStream log = new PrintStream(new ByteArrayOutputStream(), true, java.nio.charset.StandardCharsets.UTF_8);
        var program = s.interpreter().program();
        Hub hub = new Hub(HubConfig.defaults(), ChannelDirectory.of(program), AuthTables.of(program), new LocalBroker(), log);
        hub.attach(s.interpreter());
        try (XsServer server = XsServer.start(new XsServer.Settings("127.0.0.1", 0, null, null, 4096), hub,
            s.interpreter(), new Tokens("k"), log)) {
            String base = "http://127.0.0.1:" + server.port();
            files.publishAt(base);
            Map<String, Object> r = (Map<String, Object>) s.call("store", Map.of(
                "content", Base64.getEncoder().encodeToString(pdf), "image", Base64.getEncoder().encodeToString(png)));
            Map<String, Object> cv = (Map<String, Object>) r.get("cv");
            assertEquals("private", cv.get("access"));
            assertEquals("attachment", cv.get("type"));
            assertEquals("cv.pdf", cv.get("name"));
            assertEquals("application/pdf", cv.get("mime"));
            assertEquals((long) pdf.length, cv.get("size"));
            assertEquals(Map.of(), cv.get("meta"));
            assertTrue(((String) cv.get("path")).matches("/vault/private/[0-9a-f]{24}/cv\\.pdf"), cv.toString());
            Map<String, Object> logo = (Map<String, Object>) r.get("logo");
            assertEquals(Map.of("width", 3L, "height", 2L), logo.get("meta"));
            assertEquals("image", logo.get("type"));
            assertEquals("image/png", logo.get("mime"));
            assertEquals(true, r.get("same"));
            assertEquals(Map.of("name", "cv.pdf", "size", (long) pdf.length, "mime", "application/pdf"), r.get("read"));
            assertEquals(Map.of("name", "notes.txt", "size", 5L, "mime", "text/plain", "data", "hello"), r.get("resource"));

            String signed = (String) r.get("signed");
            assertTrue(signed.startsWith(base + cv.get("path") + "?expires="), signed);
            assertArrayEquals(pdf, get(signed).body());
            assertEquals(404, get(base + cv.get("path")).statusCode(), "a private file needs the signature");
            assertEquals(404, get(signed.replaceAll("signature=.", "signature=x")).statusCode());
            assertEquals(404, get(base + "/vault/private/../../etc/passwd").statusCode());
            HttpResponse<byte[]> image = get((String) logo.get("url"));
            assertEquals(200, image.statusCode());
            assertArrayEquals(png, image.body());
            clock.addAndGet(301_000);
            assertEquals(404, get(signed).statusCode(), "the signed URL has expired");
        }
    }

    @Test
    void notAnImageAndBadValuesAreClearErrors(@TempDir Path dir) {
        Scripts s = Scripts.of("""
            function f {
              input {
                json value
              }
              stack {
                storage.create_image {
                  value = $input.value
                } as $x
              }
              response = $x
            }
            """, sv -> sv.with(StandardOutside.create().withFiles(new FolderFileStore(dir, "http://x", System::currentTimeMillis))));
        assertTrue(s.error("f", Map.of("value", "data:text/plain,hello")).getMessage()
            .contains("storage.create_image: the file is not an image"));
        assertTrue(s.error("f", Map.of("value", List.of(1L))).getMessage().contains("value must be a file"));
    }

    private static HttpResponse<byte[]> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] png(int w, int h) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }
}
