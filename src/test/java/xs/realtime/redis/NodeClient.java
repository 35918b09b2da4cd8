package xs.realtime.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A realtime client of one node on the JDK's WebSocket: frames land in a queue. */
final class NodeClient implements WebSocket.Listener {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket ws;
    String socketId;

    static NodeClient connect(URI uri, String token) {
        NodeClient c = new NodeClient();
        try {
            c.ws = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5)).subprotocols(token)
                .buildAsync(uri, c).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot connect to " + uri, e);
        }
        return c;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                frames.add(JSON.readTree(partial.toString()));
            } catch (Exception e) {
                frames.add(JSON.createObjectNode().put("action", "unparseable").put("text", partial.toString()));
            }
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    void send(String text) {
        try {
            ws.sendText(text, true).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("send failed", e);
        }
    }

    void join(String channel, boolean presence, boolean history) {
        send("{\"action\":\"join\",\"options\":{\"channel\":" + q(channel) + "},\"payload\":{\"presence\":" + presence
            + ",\"history\":" + history + "}}");
    }

    /** Joins without presence or history and waits for the reply. */
    JsonNode joined(String channel) {
        join(channel, false, false);
        return joinReply();
    }

    /** Joins with presence, waits for the reply and returns the presence_full that follows it. */
    JsonNode watching(String channel) {
        join(channel, true, false);
        joinReply();
        return expect("presence_full");
    }

    /** The join reply, which tells this client its socketId. */
    JsonNode joinReply() {
        JsonNode reply = expect("join");
        socketId = reply.path("client").path("socketId").asText();
        return reply;
    }

    void message(String channel, String payloadJson) {
        send("{\"action\":\"message\",\"options\":{\"channel\":" + q(channel) + "},\"payload\":" + payloadJson + "}");
    }

    void privateMessage(String channel, String target, String payloadJson) {
        send("{\"action\":\"message\",\"options\":{\"channel\":" + q(channel) + ",\"socketId\":" + q(target)
            + "},\"payload\":" + payloadJson + "}");
    }

    void history(String channel) {
        send("{\"action\":\"history\",\"options\":{\"channel\":" + q(channel) + "},\"payload\":null}");
    }

    static String q(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The next frame, waiting up to the given time. */
    JsonNode next(long millis) {
        try {
            JsonNode f = frames.poll(millis, TimeUnit.MILLISECONDS);
            assertNotNull(f, "no frame arrived within " + millis + " ms");
            return f;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    JsonNode next() {
        return next(10_000);
    }

    JsonNode expect(String action) {
        JsonNode f = next();
        assertEquals(action, f.path("action").asText(), () -> "expected a " + action + " frame, got " + f);
        return f;
    }

    /** Every frame that arrives within the given time. */
    List<JsonNode> drain(long millis) {
        List<JsonNode> got = new ArrayList<>();
        long deadline = System.currentTimeMillis() + millis;
        try {
            for (long left = millis; left > 0; left = deadline - System.currentTimeMillis()) {
                JsonNode f = frames.poll(left, TimeUnit.MILLISECONDS);
                if (f != null) {
                    got.add(f);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return got;
    }

    void expectSilence(long millis) {
        try {
            JsonNode f = frames.poll(millis, TimeUnit.MILLISECONDS);
            assertNull(f, () -> "expected no frame, got " + f);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void abort() {
        if (ws != null) {
            ws.abort();
        }
    }
}
