package xs.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import xs.db.JsonDepth;

/** One JSON depth limit for request bodies: what is accepted is answered, deeper is a 400 naming the limit. */
class JsonDepthEndpointTest {
    static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();
    static XsServer server;

    @BeforeAll
    static void startServer() {
        server = FunctionEndpointTest.start(null, new PrintStream(LOG, true, StandardCharsets.UTF_8));
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    static HttpResponse<String> post(String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/function/echo"))
            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return FunctionEndpointTest.HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** {"value": [[...]]} with the list nested {@code depth} deep (the body itself one more). */
    static String body(int depth) {
        return "{\"value\": " + "[".repeat(depth) + "]".repeat(depth) + "}";
    }

    @Test
    void aBodyAtTheLimitIsAnsweredInFull() throws Exception {
        HttpResponse<String> r = post(body(JsonDepth.MAX - 1));
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(body(JsonDepth.MAX - 1).replace(" ", ""), r.body());
    }

    @Test
    void aDeeperBodyIsA400NamingTheLimit() throws Exception {
        for (int depth : new int[] {JsonDepth.MAX, JsonDepth.MAX + 500, 1800}) {
            HttpResponse<String> r = post(body(depth));
            assertEquals(400, r.statusCode(), r.body());
            JsonNode error = FunctionEndpointTest.JSON.readTree(r.body());
            assertEquals("ERROR_CODE_BAD_REQUEST", error.path("code").asText(), r.body());
            String message = error.path("message").asText();
            assertTrue(message.contains("deeper than " + JsonDepth.MAX + " levels"), message);
            assertFalse(message.contains("jackson") || message.contains("Constraints") || message.contains("Exception"), message);
        }
        String log = LOG.toString(StandardCharsets.UTF_8);
        assertFalse(log.contains("internal error") || log.contains("\tat "), log);
    }
}
