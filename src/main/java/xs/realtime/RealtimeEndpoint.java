package xs.realtime;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.function.BiConsumer;
import org.xnio.StreamConnection;

/**
 * The WebSocket handshake of {@code /rt/{canonical}} (protocol §1): a canonical other than the
 * pinned one is 404 (checked before the token), a token offered as the subprotocol is verified
 * before the upgrade (401 when invalid or expired) and echoed in the 101, no subprotocol means
 * an anonymous client. After the upgrade the socket belongs to the {@link Hub}.
 * <pre>new WebSocket("ws://127.0.0.1:8080/rt/my-app", [token])</pre>
 */
public final class RealtimeEndpoint implements HttpHandler {
    public static final String PREFIX = "/rt/";
    private static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final HttpString SEC_WEBSOCKET_ACCEPT = new HttpString("Sec-WebSocket-Accept");

    private final Hub hub;
    private final Tokens tokens;
    private final String canonical;
    private final BiConsumer<HttpServerExchange, StreamConnection> upgraded;

    /**
     * @param canonical the only canonical accepted, or null to accept any
     * @param upgraded  runs first on each upgraded socket, before the hub takes it: the server lets
     *                 go of the socket's HTTP state there
     */
    public RealtimeEndpoint(Hub hub, Tokens tokens, String canonical,
                            BiConsumer<HttpServerExchange, StreamConnection> upgraded) {
        this.hub = hub;
        this.tokens = tokens;
        this.canonical = canonical;
        this.upgraded = upgraded;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        String name = exchange.getRequestPath().substring(PREFIX.length());
        if (name.isEmpty() || name.contains("/") || (canonical != null && !canonical.equals(name))) {
            refuse(exchange, 404, "no realtime endpoint here" + (canonical == null ? "" : ": use /rt/" + canonical));
            return;
        }
        HeaderMap headers = exchange.getRequestHeaders();
        if (!exchange.getRequestMethod().equals(Methods.GET)
            || !"websocket".equalsIgnoreCase(headers.getFirst(Headers.UPGRADE))) {
            refuse(exchange, 400, "this is a WebSocket endpoint: connect with a WebSocket client");
            return;
        }
        if (!hasToken(headers.get(Headers.CONNECTION), "upgrade")) {
            refuse(exchange, 400, "a WebSocket handshake needs the header \"Connection: Upgrade\"");
            return;
        }
        if (!"13".equals(headers.getFirst(Headers.SEC_WEB_SOCKET_VERSION))) {
            exchange.getResponseHeaders().put(Headers.SEC_WEB_SOCKET_VERSION, "13");
            refuse(exchange, 426, "WebSocket version 13 is required");
            return;
        }
        String key = headers.getFirst(Headers.SEC_WEB_SOCKET_KEY);
        if (!validKey(key)) {
            refuse(exchange, 400, "Sec-WebSocket-Key must be 16 random bytes in base64 (RFC 6455 §4.1)");
            return;
        }
        String offered = exchange.getRequestHeaders().getFirst(Headers.SEC_WEB_SOCKET_PROTOCOL);
        String token = offered == null ? null : offered.split(",")[0].trim();
        Tokens.Verified verified = null;
        if (token != null && !token.isEmpty()) {
            try {
                verified = tokens.verify(token);
            } catch (Tokens.Rejected e) {
                refuse(exchange, 401, e.getMessage());
                return;
            }
        }
        Tokens.Verified identity = verified;
        exchange.getResponseHeaders().put(SEC_WEBSOCKET_ACCEPT, accept(key));
        if (token != null && !token.isEmpty()) {
            // Browsers drop a connection whose offered subprotocol is not echoed.
            exchange.getResponseHeaders().put(Headers.SEC_WEB_SOCKET_PROTOCOL, token);
        }
        exchange.upgradeChannel("websocket", (stream, ex) -> {
            upgraded.accept(ex, stream);
            hub.open(stream, identity);
        });
        exchange.endExchange();
    }

    /** Whether a comma-separated header (all its lines) lists this token, in any case. */
    static boolean hasToken(HeaderValues values, String token) {
        if (values != null) {
            for (String line : values) {
                for (String t : line.split(",")) {
                    if (t.trim().equalsIgnoreCase(token)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    static boolean validKey(String key) {
        if (key == null) {
            return false;
        }
        try {
            return Base64.getDecoder().decode(key.trim()).length == 16;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void refuse(HttpServerExchange exchange, int status, String message) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; charset=utf-8");
        exchange.getResponseSender().send(message + "\n");
    }

    static String accept(String key) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            byte[] digest = sha1.digest((key.trim() + ACCEPT_GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is missing from this JVM", e);
        }
    }
}
