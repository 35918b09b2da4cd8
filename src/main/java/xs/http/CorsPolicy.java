package xs.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import xs.interp.ErrorType;

/**
 * Which web pages may call this development server's endpoints ({@code POST /function/NAME},
 * {@code /api:...}): any origin ({@code *}, the default of {@code xs serve}) or only the origins of
 * {@code --cors-origin}. A request whose {@code Origin} is not allowed is refused with 403 before
 * it runs (CORS alone would only hide the answer from the page, after the function ran); a
 * request without {@code Origin} (curl, another server) and the server's own pages always pass.
 * The realtime handshake ({@code /rt/}) is held to the same list: browsers send the page's Origin
 * on it but apply no CORS to WebSockets, so this check is the only one a page meets there.
 * <pre>xs serve app/ --cors-origin http://localhost:5173,https://app.example.com</pre>
 */
public final class CorsPolicy {
    public static final CorsPolicy ANY_ORIGIN = new CorsPolicy(Set.of());

    private static final HttpString ALLOW_ORIGIN = new HttpString("Access-Control-Allow-Origin");
    private static final HttpString ALLOW_METHODS = new HttpString("Access-Control-Allow-Methods");
    private static final HttpString ALLOW_HEADERS = new HttpString("Access-Control-Allow-Headers");
    private static final HttpString MAX_AGE = new HttpString("Access-Control-Max-Age");
    private static final String METHODS = "GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS";
    private static final String HEADERS = "Authorization, Content-Type, X-Data-Source, X-Branch";

    /** Allowed origins, normalized; empty means any. */
    private final Set<String> origins;

    private CorsPolicy(Set<String> origins) {
        this.origins = origins;
    }

    /** An origin given on the command line is not {@code scheme://host[:port]}. */
    public static final class BadOrigin extends Exception {
        BadOrigin(String message) {
            super(message, null, false, false);
        }
    }

    /** The policy for these origins; {@code *} among them (or none at all) allows any. */
    public static CorsPolicy of(List<String> given) throws BadOrigin {
        Set<String> out = new LinkedHashSet<>();
        for (String g : given) {
            for (String o : g.split(",")) {
                String t = o.trim();
                if (t.equals("*")) {
                    return ANY_ORIGIN;
                }
                if (!t.isEmpty()) {
                    out.add(normalize(t));
                }
            }
        }
        return out.isEmpty() ? ANY_ORIGIN : new CorsPolicy(Set.copyOf(out));
    }

    private static String normalize(String origin) throws BadOrigin {
        try {
            URI u = new URI(origin);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            boolean bare = (u.getRawPath() == null || u.getRawPath().isEmpty()) && u.getRawQuery() == null
                && u.getRawFragment() == null && u.getRawUserInfo() == null;
            if ((scheme.equals("http") || scheme.equals("https")) && u.getHost() != null && bare) {
                return scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + (u.getPort() < 0 ? "" : ":" + u.getPort());
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new BadOrigin("--cors-origin \"" + origin + "\" is not an origin: write scheme://host[:port], "
            + "for example http://localhost:5173, or * for any");
    }

    public boolean anyOrigin() {
        return origins.isEmpty();
    }

    /**
     * Adds the CORS headers and answers a preflight or a refused origin itself.
     *
     * @return true when the request goes on to its endpoint, false when it was answered here
     */
    public boolean admit(HttpServerExchange exchange) {
        String origin = exchange.getRequestHeaders().getFirst(Headers.ORIGIN);
        boolean preflight = exchange.getRequestMethod().equals(Methods.OPTIONS);
        if (!anyOrigin() && origin != null && !allowed(origin, exchange)) {
            // A refusal does not read the body: the connection closes after it (RequestGate.refuse).
            exchange.setPersistent(!preflight && !RequestBody.announced(exchange) && exchange.isPersistent());
            Responses.error(exchange, 403, ErrorType.ACCESSDENIED, "pages from " + origin
                + " may not call this server: start xs serve with --cors-origin " + origin + " to allow them");
            return false;
        }
        if (anyOrigin()) {
            exchange.getResponseHeaders().put(ALLOW_ORIGIN, "*");
        } else if (origin != null) {
            exchange.getResponseHeaders().put(ALLOW_ORIGIN, origin).put(Headers.VARY, "Origin");
        }
        if (preflight) {
            exchange.getResponseHeaders().put(ALLOW_METHODS, METHODS).put(ALLOW_HEADERS, HEADERS).put(MAX_AGE, "600");
            exchange.setStatusCode(204);
            exchange.endExchange();
            return false;
        }
        return true;
    }

    private boolean allowed(String origin, HttpServerExchange exchange) {
        String host = exchange.getRequestHeaders().getFirst(Headers.HOST);
        if (host != null && origin.equalsIgnoreCase(exchange.getRequestScheme() + "://" + host)) {
            return true; // the server's own page (the console)
        }
        try {
            return origins.contains(normalize(origin));
        } catch (BadOrigin e) {
            return false;
        }
    }
}
