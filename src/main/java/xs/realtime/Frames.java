package xs.realtime;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import xs.interp.Json;
import xs.interp.Values;

/**
 * Builds every server-to-client frame of protocol §3, serialized once into a {@link WireFrame}.
 * <pre>Frames.join("room:1", client)  →  {"action":"join","options":{"channel":"room:1"},"payload":{},"client":{…}}</pre>
 */
final class Frames {
    /** Options of a client message that are forwarded; anything else the client put there is dropped. */
    private static final List<String> MESSAGE_OPTIONS = List.of("authenticated", "event", "socketId");

    /** Writes the body of one frame. */
    private interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private static final ThreadLocal<ByteArrayBuilder> BUFFERS = ThreadLocal.withInitial(() -> new ByteArrayBuilder(512));

    private Frames() {
    }

    static WireFrame join(String channel, ClientInfo client) {
        return build(g -> {
            head(g, "join", channel);
            g.writeObjectFieldStart("payload");
            g.writeEndObject();
            g.writeFieldName("client");
            g.writeRawValue(client.json());
        });
    }

    static WireFrame message(String channel, Request request, ClientInfo sender) {
        return build(g -> {
            g.writeStringField("action", "message");
            g.writeObjectFieldStart("options");
            g.writeStringField("channel", channel);
            for (String key : MESSAGE_OPTIONS) {
                JsonNode v = request.options().get(key);
                if (v != null && !v.isNull()) {
                    g.writeFieldName(key);
                    g.writeTree(v);
                }
            }
            g.writeEndObject();
            g.writeFieldName("payload");
            g.writeTree(request.payload());
            g.writeFieldName("client");
            g.writeRawValue(sender.json());
        });
    }

    /** An api.realtime_event; {@code dboId} is 0 when the statement named no auth identity. */
    static WireFrame event(String channel, String event, Object data, int dboId, Object rowId) {
        return build(g -> {
            g.writeStringField("action", "event");
            g.writeObjectFieldStart("options");
            g.writeStringField("channel", channel);
            if (event != null) {
                g.writeStringField("event", event);
            }
            g.writeEndObject();
            g.writeFieldName("payload");
            g.writeObject(Values.normalize(data));
            if (dboId > 0) {
                g.writeObjectFieldStart("client");
                g.writeObjectFieldStart("permissions");
                g.writeNumberField("dbo_id", dboId);
                g.writeFieldName("row_id");
                g.writeObject(rowId);
                g.writeEndObject();
                g.writeEndObject();
            }
        });
    }

    static WireFrame presenceFull(String channel, List<ClientInfo> members) {
        return build(g -> {
            head(g, "presence_full", channel);
            g.writeObjectFieldStart("payload");
            g.writeArrayFieldStart("presence");
            for (ClientInfo c : members) {
                g.writeRawValue(c.json());
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    static WireFrame presenceUpdate(String channel, String action, ClientInfo client) {
        return build(g -> {
            head(g, "presence_update", channel);
            g.writeObjectFieldStart("payload");
            g.writeStringField("action", action);
            g.writeFieldName("presence");
            g.writeRawValue(client.json());
            g.writeEndObject();
        });
    }

    static WireFrame history(String channel, List<WireFrame> stored) {
        return build(g -> {
            head(g, "history", channel);
            g.writeObjectFieldStart("payload");
            g.writeArrayFieldStart("history");
            for (WireFrame f : stored) {
                g.writeRawValue(f.payloadText());
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    /** An error; {@code channel} is null when the request named none (the SDK then tells every channel). */
    static WireFrame error(String channel, String code, String message) {
        return build(g -> {
            g.writeStringField("action", "error");
            g.writeObjectFieldStart("options");
            if (channel != null) {
                g.writeStringField("channel", channel);
            }
            g.writeEndObject();
            g.writeObjectFieldStart("payload");
            g.writeStringField("code", code);
            g.writeStringField("message", message);
            g.writeEndObject();
        });
    }

    private static void head(JsonGenerator g, String action, String channel) throws IOException {
        g.writeStringField("action", action);
        g.writeObjectFieldStart("options");
        g.writeStringField("channel", channel);
        g.writeEndObject();
    }

    private static WireFrame build(Body body) {
        ByteArrayBuilder out = BUFFERS.get();
        out.reset();
        try (JsonGenerator g = Json.mapper().getFactory().createGenerator(out)) {
            g.writeStartObject();
            body.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return WireFrame.text(out.toByteArray());
    }
}
