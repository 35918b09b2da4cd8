package xs.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import xs.interp.ErrorType;

/**
 * The files of the developer console, served from the jar's {@code console/} folder: {@code GET /}
 * is its index.html, {@code GET /console/NAME} one of its files. A name is one plain segment
 * with a known extension, so nothing outside that folder can be reached; anything else is 404.
 * <pre>GET /console/console.js  →  200 text/javascript</pre>
 */
final class ConsoleAssets implements HttpHandler {
    static final String PREFIX = "/console/";
    private static final String FOLDER = "console/";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*\\.(html|css|js|svg|png)");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.\\-]+(:\\d+)?|\\[[0-9A-Fa-f:.]+](:\\d+)?");
    private static final Map<String, String> TYPES = Map.of(
        "html", "text/html; charset=utf-8",
        "css", "text/css; charset=utf-8",
        "js", "text/javascript; charset=utf-8",
        "svg", "image/svg+xml",
        "png", "image/png");
    private static final HttpString CONTENT_SECURITY_POLICY = new HttpString("Content-Security-Policy");
    private static final HttpString CONTENT_TYPE_OPTIONS = new HttpString("X-Content-Type-Options");

    /** Files read so far (misses are not kept, so unknown names cannot fill memory). */
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();

    /** Whether a request path belongs to the console's files. */
    static boolean serves(String path) {
        return path.equals("/") || (path.startsWith(PREFIX) && !path.startsWith(ConsoleApi.PREFIX));
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        HttpString method = exchange.getRequestMethod();
        if (!method.equals(Methods.GET) && !method.equals(Methods.HEAD)) {
            exchange.getResponseHeaders().put(Headers.ALLOW, "GET, HEAD");
            Responses.error(exchange, 405, ErrorType.BADREQUEST, "the console's files are read with GET");
            return;
        }
        String path = exchange.getRequestPath();
        String name = path.equals("/") ? "index.html" : path.substring(PREFIX.length());
        Matcher m = NAME.matcher(name);
        byte[] body = m.matches() ? read(name) : null;
        if (body == null) {
            Responses.error(exchange, 404, ErrorType.NOTFOUND, "the console has no file " + path);
            return;
        }
        exchange.getResponseHeaders()
            .put(Headers.CONTENT_TYPE, TYPES.get(m.group(1)))
            .put(Headers.CACHE_CONTROL, "no-cache")
            .put(CONTENT_TYPE_OPTIONS, "nosniff");
        if (m.group(1).equals("html")) {
            exchange.getResponseHeaders().put(CONTENT_SECURITY_POLICY, policy(exchange));
        }
        exchange.getResponseSender().send(ByteBuffer.wrap(body));
    }

    /**
     * The page may load only its own files and talk only to this server: its HTTP endpoints and
     * its realtime WebSocket (named with the host, as not every browser lets 'self' cover ws:).
     */
    private static String policy(HttpServerExchange exchange) {
        String host = exchange.getRequestHeaders().getFirst(Headers.HOST);
        String sockets = "";
        if (host != null && HOST.matcher(host).matches()) {
            sockets = " ws://" + host + " wss://" + host;
        }
        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'"
            + sockets + "; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    }

    private byte[] read(String name) {
        return files.computeIfAbsent(name, n -> {
            try (InputStream in = ConsoleAssets.class.getClassLoader().getResourceAsStream(FOLDER + n)) {
                return in == null ? null : in.readAllBytes();
            } catch (IOException e) {
                return null;
            }
        });
    }
}
