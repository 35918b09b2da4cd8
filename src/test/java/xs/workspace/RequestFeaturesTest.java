package xs.workspace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a query sees of its request and says in its answer: util.set_header, util.get_raw_input,
 * util.get_all_input, the $env request variables, file uploads, api.call, and the error body of
 * POST /function/NAME.
 */
class RequestFeaturesTest {
    static final String API = "/api:t";
    @TempDir
    static Path dir;
    static ApiServer api;

    static final Map<String, String> FILES = Map.of(
        "api/t/t.xs", "api_group t {\n}\n",
        "api/t/page_GET.xs", """
            query page verb=GET {
              api_group = "t"
              stack {
                util.set_header {
                  value = "Content-Type: text/html; charset=utf-8"
                  duplicates = "replace"
                }
                util.set_header {
                  value = "X-Trace: one"
                  duplicates = "add"
                }
                util.set_header {
                  value = "X-Trace: two"
                  duplicates = "add"
                }
              }
              response = "<h1>Hello, é</h1>"
            }
            """,
        "api/t/bytes_GET.xs", """
            query bytes verb=GET {
              api_group = "t"
              stack {
                util.set_header { value = "Content-Type: application/octet-stream" }
              }
              response = "00ff10e9"|hex2bin
            }
            """,
        "api/t/items_PATCH.xs", """
            query "items/{id}" verb=PATCH {
              api_group = "t"
              input {
                int id
                text name?
                text note?="none"
              }
              stack {
                util.get_raw_input {
                  encoding = "json"
                  exclude_middleware = false
                } as $raw
                util.get_all_input as $all
              }
              response = {raw: $raw, all: $all, picked: $input|pick:($raw|keys)}
            }
            """,
        "api/t/env_GET.xs", """
            query env verb=GET {
              api_group = "t"
              stack {
              }
              response = {ip: $env.$remote_ip, method: $env.$request_method, uri: $env.$request_uri,
                qs: $env.$request_querystring, custom: $env.$http_headers|get:"X-Custom", ds: $env.$datasource,
                branch: $env.$branch, base: $env.$api_baseurl, token: $env.$request_auth_token, key: $env.api_key}
            }
            """,
        "api/t/upload_POST.xs", """
            query upload verb=POST {
              api_group = "t"
              input {
                file doc
                text title
                bool fail?
              }
              stack {
                util.set_header {
                  value = "X-Upload: " ~ $input.doc.path
                  duplicates = "replace"
                }
                precondition ($input.fail != true) {
                  error_type = "badrequest"
                  error = "failed on purpose"
                }
              }
              response = {name: $input.doc.name, size: $input.doc.size, mime: $input.doc.mime, title: $input.title}
            }
            """,
        "api/t/proxy_GET.xs", """
            query proxy verb=GET {
              api_group = "t"
              input {
                text token?
              }
              stack {
                api.call "items/{id}" verb=PATCH {
                  api_group = "t"
                  input = {id: 5, name: "via api.call"}
                } as $patched
                api.call "secret" verb=GET {
                  api_group = "t"
                  headers = ["Authorization: Bearer " ~ $input.token]
                } as $secret
              }
              response = {patched: $patched.picked, secret: $secret}
            }
            """,
        "api/t/secret_GET.xs", """
            query secret verb=GET {
              api_group = "t"
              auth = "user"
              stack {
              }
              response = {id: $auth.id}
            }
            """,
        "function/double.xs", """
            function double {
              input {
                int n
              }
              stack {
              }
              response = $input.n * 2
            }
            """);

    /** Queries that store uploads (beside FILES: Map.of takes ten pairs at most). */
    static final Map<String, String> STORAGE_FILES = Map.of(
        "api/t/keep_POST.xs", """
            query keep verb=POST {
              api_group = "t"
              input {
                file doc
              }
              stack {
                storage.create_attachment {
                  value = $input.doc
                  access = "private"
                  filename = ""
                } as $stored
                storage.read_file_resource {
                  value = $stored
                } as $read
              }
              response = {name: $stored.name, size: $stored.size, mime: $stored.mime, text: $read.data}
            }
            """,
        "api/t/forge_POST.xs", """
            query forge verb=POST {
              api_group = "t"
              input {
                text path
              }
              stack {
                storage.create_attachment {
                  value = {name: "x", path: $input.path}
                  access = "private"
                  filename = ""
                } as $stored
              }
              response = $stored
            }
            """);

    @BeforeAll
    static void start() throws Exception {
        Map<String, String> all = new java.util.HashMap<>(FILES);
        all.putAll(STORAGE_FILES);
        api = new ApiServer(ApiServer.write(dir, all));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void setHeaderSendsHtmlAsIsWithTheHeadersAdded() throws Exception {
        ApiServer.Reply r = api.get(API + "/page");
        assertEquals(200, r.status());
        assertEquals("text/html; charset=utf-8", r.header("Content-Type"));
        assertEquals("<h1>Hello, é</h1>", r.body());
        assertEquals(java.util.List.of("one", "two"), r.raw().headers().allValues("X-Trace"));
    }

    @Test
    void aBinaryContentTypeSendsTheBytesTheTextHolds() throws Exception {
        HttpResponse<byte[]> r = ApiServer.HTTP.send(HttpRequest.newBuilder(URI.create(api.base() + API + "/bytes"))
            .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("application/octet-stream", r.headers().firstValue("Content-Type").orElse(null));
        assertArrayEquals(new byte[] {0, (byte) 0xff, 0x10, (byte) 0xe9}, r.body());
    }

    @Test
    void getRawInputHasOnlyTheKeysSentForThePatchIdiom() throws Exception {
        ApiServer.Reply r = api.json("PATCH", API + "/items/5?name=ada", "{\"extra\": 1}");
        assertEquals(200, r.status(), r.body());
        JsonNode body = r.json();
        assertEquals(ApiServer.JSON.readTree("{\"name\": \"ada\", \"extra\": 1, \"id\": \"5\"}"), body.get("raw"));
        assertEquals(ApiServer.JSON.readTree("{\"id\": 5, \"name\": \"ada\"}"), body.get("picked"));
        // get_all_input: everything sent, the declared fields coerced and defaulted over it.
        assertEquals(ApiServer.JSON.readTree("{\"name\": \"ada\", \"extra\": 1, \"id\": 5, \"note\": \"none\"}"),
            body.get("all"));
    }

    @Test
    void envCarriesTheRequest() throws Exception {
        String token = api.token("user", 3);
        ApiServer.Reply r = api.get(API + ":dev/env?a=1&b=two", "X-Custom", "yes", "X-Data-Source", "test",
            "Authorization", "Bearer " + token);
        JsonNode e = r.json();
        assertEquals("127.0.0.1", e.get("ip").asText());
        assertEquals("GET", e.get("method").asText());
        assertEquals(API + ":dev/env?a=1&b=two", e.get("uri").asText());
        assertEquals("a=1&b=two", e.get("qs").asText());
        assertEquals("yes", e.get("custom").asText());
        assertEquals("test", e.get("ds").asText());
        assertEquals("dev", e.get("branch").asText());
        assertEquals(api.base() + API, e.get("base").asText());
        assertEquals(token, e.get("token").asText());
        assertEquals("k-123", e.get("key").asText());
        JsonNode plain = api.get(API + "/env", "X-Branch", "staging").json();
        assertEquals("live", plain.get("ds").asText());
        assertEquals("staging", plain.get("branch").asText());
        assertEquals("v1", api.get(API + "/env").json().get("branch").asText());
    }

    @Test
    void aFileInputComesFromAMultipartBody() throws Exception {
        String boundary = "xsBoundary42";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nNotes\r\n"
            + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"doc\"; filename=\"notes.txt\"\r\n"
            + "Content-Type: text/plain\r\n\r\nhello file\r\n--" + boundary + "--\r\n";
        ApiServer.Reply r = api.send("POST", API + "/upload", "multipart/form-data; boundary=" + boundary,
            body.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, r.status(), r.body());
        assertEquals(ApiServer.JSON.readTree("{\"name\": \"notes.txt\", \"size\": 10, \"mime\": \"text/plain\", "
            + "\"title\": \"Notes\"}"), r.json());
    }

    /** An upload streams on a worker: its chunks are decoded as strictly as any body's (a 400, not a cut connection). */
    @Test
    void aChunkedUploadIsReadAndAMalformedOneIs400() throws Exception {
        String boundary = "xsBoundary42";
        String part = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nT\r\n"
            + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"doc\"; filename=\"a.txt\"\r\n"
            + "Content-Type: text/plain\r\n\r\nhello file\r\n--" + boundary + "--\r\n";
        String head = "POST " + API + "/upload HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n"
            + "Content-Type: multipart/form-data; boundary=" + boundary + "\r\n\r\n";
        String good = rawAnswer(head + Integer.toHexString(part.length()) + "\r\n" + part + "\r\n0\r\n\r\n");
        assertTrue(good.startsWith("HTTP/1.1 200"), good);
        assertTrue(good.contains("\"size\":10"), good);
        String bad = rawAnswer(head + Integer.toHexString(20) + "\r\n" + part.substring(0, 20) + "JUNK");
        assertTrue(bad.startsWith("HTTP/1.1 400"), bad);
        assertTrue(bad.contains("malformed chunked body: a chunk's data is not followed by CRLF"), bad);
    }

    /** Sends the request on a socket left open and reads until the server closes it. */
    private static String rawAnswer(String request) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", api.server.port())) {
            socket.setSoTimeout(60_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            if (request.endsWith("0\r\n\r\n")) {
                socket.shutdownOutput();
            }
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void anUploadCanBeStored() throws Exception {
        String boundary = "xsBoundary44";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"doc\"; filename=\"notes.txt\"\r\n"
            + "Content-Type: text/plain\r\n\r\nhello file\r\n--" + boundary + "--\r\n";
        ApiServer.Reply r = api.send("POST", API + "/keep", "multipart/form-data; boundary=" + boundary,
            body.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, r.status(), r.body());
        assertEquals(ApiServer.JSON.readTree("{\"name\": \"notes.txt\", \"size\": 10, \"mime\": \"text/plain\", "
            + "\"text\": \"hello file\"}"), r.json());
    }

    @Test
    void aScriptCannotReadAFileByNamingItsPath() throws Exception {
        Path outside = Files.writeString(dir.resolve("secret.txt"), "secret");
        ApiServer.Reply r = api.send("POST", API + "/forge", "application/json",
            ApiServer.JSON.writeValueAsBytes(Map.of("path", outside.toString())));
        assertEquals(500, r.status(), r.body());
        assertTrue(r.json().get("message").asText().contains("a stored file's path starts with /vault/"), r.body());
    }

    @Test
    void anUploadIsDeletedOnceTheRequestIsAnswered() throws Exception {
        for (String fail : new String[] {"false", "true"}) {
            String boundary = "xsBoundary43";
            String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"fail\"\r\n\r\n" + fail + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nNotes\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"doc\"; filename=\"notes.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\nhello file\r\n--" + boundary + "--\r\n";
            ApiServer.Reply r = api.send("POST", API + "/upload", "multipart/form-data; boundary=" + boundary,
                body.getBytes(StandardCharsets.UTF_8));
            assertEquals(fail.equals("true") ? 400 : 200, r.status(), r.body());
            String path = r.raw().headers().firstValue("X-Upload").orElseThrow();
            assertFalse(path.isBlank());
            assertFalse(Files.exists(Path.of(path)), "the upload of a request that " + (fail.equals("true") ? "failed" : "succeeded")
                + " is still on disk: " + path);
        }
    }

    @Test
    void apiCallRunsAnotherQueryInProcessWithTheHeadersItGives() throws Exception {
        ApiServer.Reply r = api.get(API + "/proxy?token=" + api.token("user", 9));
        assertEquals(200, r.status(), r.body());
        assertEquals(ApiServer.JSON.readTree("{\"patched\": {\"id\": 5, \"name\": \"via api.call\"}, "
            + "\"secret\": {\"id\": 9}}"), r.json());
        // No auth is forwarded unless a header sets one: the auth query refuses.
        ApiServer.Reply refused = api.get(API + "/proxy");
        assertEquals(401, refused.status(), refused.body());
        assertEquals("ERROR_CODE_UNAUTHORIZED", refused.json().get("code").asText());
    }

    @Test
    void theFunctionEndpointWritesInputErrorsAsXanoDoes() throws Exception {
        ApiServer.Reply r = api.json("POST", "/function/double", "{\"n\": \"many\"}");
        assertEquals(400, r.status());
        assertEquals("ERROR_CODE_INPUT_ERROR", r.json().get("code").asText());
        assertEquals(ApiServer.JSON.readTree("{\"param\": \"n\"}"), r.json().get("payload"));
        assertFalse(r.json().has("param"), r.body());
        assertTrue(api.json("POST", "/function/double", "{\"n\": 4}").body().equals("8"));
    }
}
