package xs.realtime;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One client-to-server frame after decoding (protocol §2):
 * {@code {"action":"message","options":{"channel":"room:1"},"payload":{"text":"hi"}}}.
 *
 * @param options the options object as sent (never null)
 * @param payload the payload as sent (a JSON null when absent)
 */
public record Request(String action, String channel, JsonNode options, JsonNode payload) {

    /** The text of an option, or null when it is absent or not text. */
    public String option(String key) {
        JsonNode v = options.get(key);
        return v != null && v.isTextual() ? v.asText() : null;
    }

    public boolean flag(String key) {
        JsonNode v = options.get(key);
        return v != null && v.asBoolean(false);
    }

    /** The private-message target, when {@code options.socketId} names one. */
    public String target() {
        return option("socketId");
    }

    /** The seed-style event name ({@code options.event}), routing to seed-form triggers. */
    public String event() {
        return option("event");
    }

    public boolean payloadFlag(String key) {
        JsonNode v = payload.get(key);
        return v != null && v.asBoolean(false);
    }
}
