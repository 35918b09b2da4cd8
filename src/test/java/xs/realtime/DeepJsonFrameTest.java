package xs.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import xs.db.JsonDepth;

/** The one JSON depth limit on realtime frames: a payload as deep as the limit is forwarded, deeper is refused. */
class DeepJsonFrameTest extends SharedHubTest {
    static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    @Test
    void aPayloadAtTheLimitIsForwarded() throws Exception {
        WsClient a = hub.user("1");
        WsClient b = hub.anonymous();
        a.joined("chat:deep");
        b.joined("chat:deep");
        a.message("chat:deep", nested(JsonDepth.MAX));
        for (WsClient c : new WsClient[] {a, b}) {
            JsonNode m = c.expect("message");
            assertEquals(WsClient.JSON.readTree(nested(JsonDepth.MAX)), m.path("payload"));
        }
    }

    @Test
    void aDeeperPayloadIsABadRequestNamingTheLimit() {
        WsClient a = hub.user("1");
        a.joined("chat:deeper");
        a.message("chat:deeper", nested(JsonDepth.MAX + 1));
        JsonNode error = a.expectError("bad_request");
        String message = error.path("payload").path("message").asText();
        assertTrue(message.contains("deeper than " + JsonDepth.MAX + " levels"), message);
        assertTrue(!message.contains("Constraints") && !message.contains("Exception"), message);
        a.message("chat:deeper", "{\"still\":\"here\"}");
        assertEquals("here", a.expect("message").path("payload").path("still").asText(), "the socket stays open");
    }
}
