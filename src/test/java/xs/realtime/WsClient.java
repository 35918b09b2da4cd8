package xs.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import xs.db.JsonDepth;

/**
 * A test client on the JDK's WebSocket: frames land in a queue, the close code in a future. Public
 * for the cluster tests, whose clients talk to real {@code xs serve} processes.
 */
public final class WsClient implements WebSocket.Listener {
    static final ObjectMapper JSON = new ObjectMapper();

    static {
        // Frames carry payloads as deep as xs accepts, inside the frame object.
        JSON.getFactory().setStreamReadConstraints(JsonDepth.reading(JsonDepth.WRAPPING));
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private volatile boolean reading = true;
    private WebSocket ws;
    /** How long {@link #next()} and {@link #expect} wait for a frame. */
    private long patience = 5_000;
    public String socketId;

    /** A refused handshake, with its HTTP status. */
    static final class Refused extends RuntimeException {
        final int status;

        Refused(int status) {
            super("handshake refused with HTTP " + status);
            this.status = status;
        }
    }

    public static WsClient connect(URI uri, String token) {
        WsClient c = new WsClient();
        WebSocket.Builder b = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (token != null) {
            b.subprotocols(token);
        }
        try {
            c.ws = b.buildAsync(uri, c).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException h) {
                throw new Refused(h.getResponse().statusCode());
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
        return c;
    }

    /** Waits this long for each frame instead of 5 s (a cluster delivers through Redis, under CI load). */
    public WsClient patience(long millis) {
        patience = millis;
        return this;
    }

    WebSocket socket() {
        return ws;
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
        if (reading) {
            webSocket.request(1);
        }
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete(-1);
    }

    /** Stops taking frames off the socket: the server's writes back up. */
    void stopReading() {
        reading = false;
    }

    void resumeReading() {
        reading = true;
        ws.request(Long.MAX_VALUE);
    }

    public void send(String text) {
        try {
            ws.sendText(text, true).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("send failed", e);
        }
    }

    void sendBinary(byte[] data) {
        ws.sendBinary(ByteBuffer.wrap(data), true).join();
    }

    public void join(String channel, boolean presence, boolean history) {
        send("{\"action\":\"join\",\"options\":{\"channel\":" + q(channel) + "},\"payload\":{\"presence\":" + presence
            + ",\"history\":" + history + "}}");
    }

    /** Joins and waits for the join reply; returns it. */
    public JsonNode joined(String channel) {
        join(channel, false, false);
        return joinReply();
    }

    /** Joins with presence, waits for the reply and returns the presence_full that follows it. */
    public JsonNode watching(String channel) {
        join(channel, true, false);
        joinReply();
        return expect("presence_full");
    }

    /** The join reply, which tells this client its socketId. */
    public JsonNode joinReply() {
        JsonNode reply = expect("join");
        socketId = reply.path("client").path("socketId").asText();
        return reply;
    }

    public void leave(String channel) {
        send("{\"action\":\"leave\",\"options\":{\"channel\":" + q(channel) + "},\"payload\":null}");
    }

    public void message(String channel, String payloadJson) {
        send("{\"action\":\"message\",\"options\":{\"channel\":" + q(channel) + "},\"payload\":" + payloadJson + "}");
    }

    void message(String channel, String optionsJson, String payloadJson) {
        send("{\"action\":\"message\",\"options\":{\"channel\":" + q(channel) + (optionsJson.isEmpty() ? "" : "," + optionsJson)
            + "},\"payload\":" + payloadJson + "}");
    }

    /** A private message to one member of the channel. */
    public void privateMessage(String channel, String target, String payloadJson) {
        message(channel, "\"socketId\":" + q(target), payloadJson);
    }

    public void history(String channel) {
        send("{\"action\":\"history\",\"options\":{\"channel\":" + q(channel) + "},\"payload\":null}");
    }

    static String q(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The next frame, waiting as long as the client's patience (5 s unless set). */
    public JsonNode next() {
        return next(patience);
    }

    /** The next frame, waiting up to the given time. */
    public JsonNode next(long millis) {
        try {
            JsonNode f = frames.poll(millis, TimeUnit.MILLISECONDS);
            assertNotNull(f, "no frame arrived within " + millis + " ms");
            return f;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every frame that arrives within the given time. */
    public List<JsonNode> drain(long millis) {
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

    /** The next frame, which must have this action. */
    public JsonNode expect(String action) {
        JsonNode f = next();
        assertEquals(action, f.path("action").asText(), () -> "expected a " + action + " frame, got " + f);
        return f;
    }

    /** The next frame must be an error with this code. */
    JsonNode expectError(String code) {
        JsonNode f = expect("error");
        assertEquals(code, f.path("payload").path("code").asText(), () -> "error frame " + f);
        return f;
    }

    /** Nothing arrives for a while. */
    public void expectSilence(long millis) {
        try {
            JsonNode f = frames.poll(millis, TimeUnit.MILLISECONDS);
            assertNull(f, () -> "expected no frame, got " + f);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The close code the server sent (or -1 for an error), waiting up to the given time. */
    int closeCode(long millis) {
        try {
            return closed.get(millis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            fail("the connection was not closed within " + millis + " ms");
            return 0;
        } catch (InterruptedException | ExecutionException | CompletionException e) {
            throw new IllegalStateException(e);
        }
    }

    void close(int code) {
        ws.sendClose(code, "").join();
    }

    public void abort() {
        if (ws != null) {
            ws.abort();
        }
    }
}
