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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A test client on the JDK's WebSocket: frames land in a queue, the close code in a future. */
final class WsClient implements WebSocket.Listener {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private volatile boolean reading = true;
    private WebSocket ws;
    String socketId;

    /** A refused handshake, with its HTTP status. */
    static final class Refused extends RuntimeException {
        final int status;

        Refused(int status) {
            super("handshake refused with HTTP " + status);
            this.status = status;
        }
    }

    static WsClient connect(URI uri, String token) {
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

    void send(String text) {
        try {
            ws.sendText(text, true).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("send failed", e);
        }
    }

    void sendBinary(byte[] data) {
        ws.sendBinary(ByteBuffer.wrap(data), true).join();
    }

    void join(String channel, boolean presence, boolean history) {
        send("{\"action\":\"join\",\"options\":{\"channel\":" + q(channel) + "},\"payload\":{\"presence\":" + presence
            + ",\"history\":" + history + "}}");
    }

    /** Joins and waits for the join reply; returns it. */
    JsonNode joined(String channel) {
        join(channel, false, false);
        JsonNode reply = expect("join");
        socketId = reply.path("client").path("socketId").asText();
        return reply;
    }

    void leave(String channel) {
        send("{\"action\":\"leave\",\"options\":{\"channel\":" + q(channel) + "},\"payload\":null}");
    }

    void message(String channel, String payloadJson) {
        send("{\"action\":\"message\",\"options\":{\"channel\":" + q(channel) + "},\"payload\":" + payloadJson + "}");
    }

    void message(String channel, String optionsJson, String payloadJson) {
        send("{\"action\":\"message\",\"options\":{\"channel\":" + q(channel) + (optionsJson.isEmpty() ? "" : "," + optionsJson)
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

    /** The next frame, waiting up to 5 s. */
    JsonNode next() {
        try {
            JsonNode f = frames.poll(5, TimeUnit.SECONDS);
            assertNotNull(f, "no frame arrived within 5 s");
            return f;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The next frame, which must have this action. */
    JsonNode expect(String action) {
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
    void expectSilence(long millis) {
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

    void abort() {
        if (ws != null) {
            ws.abort();
        }
    }
}
