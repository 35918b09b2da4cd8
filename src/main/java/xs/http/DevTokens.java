package xs.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import xs.db.Database;
import xs.interp.ErrorType;
import xs.realtime.Tokens;

/**
 * {@code POST /console/api/token {"user": 7, "extras": {...}}}: a token for the console to act as
 * a user, as {@code xs token} mints one. Only when the server has an auth secret, and only for a
 * browser on this machine: the request must come from loopback, name a loopback host (so a page
 * whose domain was pointed at 127.0.0.1 gets nothing) and, when it says where it comes from, come
 * from the console's own origin. The token is in the response body only, never in a log.
 * <pre>{"token": "eyJ…", "user": "7", "table": "user", "extras": {}, "expires_at": 1767225600000}</pre>
 */
final class DevTokens {
    static final Duration LIFETIME = Duration.ofHours(24);
    private static final Pattern HOST = Pattern.compile("(\\[[^\\]]*]|[^:]*)(:\\d+)?");

    /** A request that gets no token; status and message for the console to show. */
    static final class Refused extends Exception {
        final int status;
        final ErrorType type;

        Refused(int status, ErrorType type, String message) {
            super(message, null, false, false);
            this.status = status;
            this.type = type;
        }
    }

    private final Tokens tokens;
    private final Database db;

    DevTokens(Tokens tokens, Database db) {
        this.tokens = tokens;
        this.db = db;
    }

    /** Checks who asks, then mints; {@code body} is the parsed JSON request body. */
    Map<String, Object> issue(HttpServerExchange exchange, Object body) throws Refused {
        checkLocal(exchange);
        if (!tokens.enabled()) {
            throw new Refused(409, ErrorType.BADREQUEST, "this server has no auth secret, so it cannot sign tokens: "
                + "start it with --auth-secret S (or XS_AUTH_SECRET) to connect as a user");
        }
        if (!(body instanceof Map<?, ?> request)) {
            throw new Refused(400, ErrorType.BADREQUEST, "send {\"user\": ID, \"extras\": {...}, \"table\": NAME}");
        }
        Object user = request.get("user");
        String id = user instanceof String || user instanceof Long ? String.valueOf(user).trim() : "";
        if (id.isEmpty() || id.length() > 100) {
            throw new Refused(400, ErrorType.INPUTERROR,
                "\"user\" must be a user id: a number or a text of 1 to 100 characters");
        }
        Object extras = request.get("extras");
        if (extras != null && !(extras instanceof Map<?, ?>)) {
            throw new Refused(400, ErrorType.INPUTERROR, "\"extras\" must be a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> extrasMap = extras == null ? Map.of() : (Map<String, Object>) extras;
        Object asked = request.get("table");
        if (asked != null && !(asked instanceof String t && !t.isBlank() && t.length() <= 100)) {
            throw new Refused(400, ErrorType.INPUTERROR, "\"table\" must name the auth table, e.g. \"user\"");
        }
        String table = asked != null ? ((String) asked).trim() : authTable();
        String token = tokens.mint(id, extrasMap, LIFETIME.toSeconds(), table);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("token", token);
        out.put("user", id);
        out.put("table", table);
        out.put("extras", extrasMap);
        out.put("expires_at", System.currentTimeMillis() + LIFETIME.toMillis());
        return out;
    }

    private static void checkLocal(HttpServerExchange exchange) throws Refused {
        InetSocketAddress source = exchange.getSourceAddress();
        if (source == null || source.getAddress() == null || !source.getAddress().isLoopbackAddress()) {
            throw new Refused(403, ErrorType.ACCESSDENIED, "dev tokens are only handed to a browser on this machine");
        }
        String host = exchange.getRequestHeaders().getFirst(Headers.HOST);
        if (host == null || !loopbackName(host)) {
            throw new Refused(403, ErrorType.ACCESSDENIED,
                "dev tokens are only handed to the console opened at localhost or 127.0.0.1");
        }
        String origin = exchange.getRequestHeaders().getFirst(Headers.ORIGIN);
        if (origin != null && !origin.equals("null")) {
            String scheme = exchange.getRequestScheme();
            if (!origin.equalsIgnoreCase(scheme + "://" + host)) {
                throw new Refused(403, ErrorType.ACCESSDENIED, "dev tokens are only handed to the console's own page");
            }
        }
    }

    /** localhost, *.localhost, 127.x.x.x or [::1], with or without a port. */
    static boolean loopbackName(String hostHeader) {
        Matcher m = HOST.matcher(hostHeader.trim());
        if (!m.matches()) {
            return false;
        }
        String name = m.group(1).toLowerCase(Locale.ROOT);
        if (name.equals("localhost") || name.endsWith(".localhost")) {
            return true;
        }
        if (name.matches("\\[[0-9a-f:.]+]")) {
            name = name.substring(1, name.length() - 1);
        } else if (!name.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return false;
        }
        try {
            // A literal address: no name lookup happens.
            return InetAddress.getByName(name).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The first declared table with {@code auth = true}, else "user" (as {@code xs token}). */
    private String authTable() {
        for (String name : db.tables()) {
            if (db.schema(name).map(s -> s.auth()).orElse(false)) {
                return name;
            }
        }
        return "user";
    }
}
