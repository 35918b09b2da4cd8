package xs.realtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Set;
import xs.db.JsonDepth;

/**
 * Decodes the text of a client frame into a {@link Request}, or refuses it with
 * {@code bad_request} / {@code unknown_action} (protocol §2, §3). Runs on I/O threads, so it
 * only parses: no channel lookups beyond what the frame itself says.
 */
final class RequestReader {
    static final Set<String> ACTIONS = Set.of("join", "leave", "message", "history");
    static final int MAX_CHANNEL = 256;

    /** Decimals stay exact, so a payload is forwarded as it was sent. */
    static final ObjectMapper MAPPER = JsonMapper.builder()
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .enable(DeserializationFeature.USE_LONG_FOR_INTS)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .build();

    static {
        // The frame object is one level around its payload and options.
        MAPPER.getFactory().setStreamReadConstraints(JsonDepth.reading(1));
        MAPPER.getFactory().setStreamWriteConstraints(JsonDepth.writing());
    }

    private RequestReader() {
    }

    static Request read(byte[] text) {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            if (JsonDepth.refused(e)) {
                throw new Refusal("bad_request", null, "the frame cannot be read: " + JsonDepth.limitText());
            }
            throw new Refusal("bad_request", null, "the frame is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new Refusal("bad_request", null, "the frame is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new Refusal("bad_request", null, "a frame must be a JSON object like {\"action\": …, \"options\": {…}}");
        }
        JsonNode optionsNode = root.get("options");
        if (optionsNode != null && !optionsNode.isObject() && !optionsNode.isNull()) {
            throw new Refusal("bad_request", null, "options must be an object");
        }
        ObjectNode options = optionsNode instanceof ObjectNode o ? o : MAPPER.createObjectNode();
        JsonNode channelNode = options.get("channel");
        String channel = channelNode != null && channelNode.isTextual() ? channelNode.asText() : null;
        JsonNode actionNode = root.get("action");
        if (actionNode == null || !actionNode.isTextual()) {
            throw new Refusal("bad_request", channel, "the frame has no action");
        }
        String action = actionNode.asText();
        if (!ACTIONS.contains(action)) {
            throw new Refusal("unknown_action", channel, "unknown action \"" + action
                + "\" (the hub knows join, leave, message and history)");
        }
        if (channelNode == null || channelNode.isNull()) {
            throw new Refusal("bad_request", null, action + " needs options.channel");
        }
        if (channel == null || channel.isEmpty() || channel.length() > MAX_CHANNEL) {
            throw new Refusal("bad_request", null, "options.channel must be text of 1 to " + MAX_CHANNEL + " characters");
        }
        JsonNode target = options.get("socketId");
        if (action.equals("message") && target != null && !target.isNull() && !target.isTextual()) {
            throw new Refusal("bad_request", channel, "options.socketId must be text");
        }
        JsonNode payload = root.get("payload");
        return new Request(action, channel, options, payload == null ? NullNode.getInstance() : payload);
    }
}
