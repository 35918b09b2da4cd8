package xs.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import xs.interp.ErrorType;

/**
 * Looks at how a request says its body comes before anything reads it: a body declared larger
 * than the limit is 413, a transfer coding other than {@code chunked} is 501, both a length and a
 * coding is 400, each at once, with Xano's error body, and the connection then closes (its unread
 * body is not waited for). A chunked body is decoded by {@link ChunkedConduit}: one that is
 * malformed, or past the limit, is refused while it is read ({@link RequestBody}).
 * <pre>curl -H 'Transfer-Encoding: gzip' -d @big.json localhost:8080/function/f   →  501</pre>
 */
final class RequestGate implements HttpHandler {
    private final HttpHandler next;
    private final long maxBodyBytes;

    RequestGate(HttpHandler next, long maxBodyBytes) {
        this.next = next;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        HeaderValues coding = exchange.getRequestHeaders().get(Headers.TRANSFER_ENCODING);
        HeaderValues length = exchange.getRequestHeaders().get(Headers.CONTENT_LENGTH);
        if (coding != null) {
            List<String> codings = codings(coding);
            if (!codings.equals(List.of("chunked"))) {
                refuse(exchange, 501, "Transfer-Encoding " + String.join(", ", codings) + " is not supported: send "
                    + "the body as it is, with Content-Length or Transfer-Encoding: chunked");
                return;
            }
            if (length != null) {
                refuse(exchange, 400, "a request has either Content-Length or Transfer-Encoding, not both");
                return;
            }
            ChunkedConduit.install(exchange, maxBodyBytes);
        } else if (length != null) {
            long declared = declaredLength(length);
            if (declared < 0) {
                refuse(exchange, 400, "Content-Length must be one whole number of bytes");
                return;
            }
            if (declared > maxBodyBytes) {
                refuse(exchange, 413, "the request body is larger than " + maxBodyBytes + " bytes");
                return;
            }
        }
        next.handleRequest(exchange);
    }

    private static List<String> codings(HeaderValues values) {
        List<String> out = new ArrayList<>();
        for (String line : values) {
            for (String c : line.split(",")) {
                if (!c.isBlank()) {
                    out.add(c.trim().toLowerCase(Locale.ROOT));
                }
            }
        }
        return out;
    }

    private static long declaredLength(HeaderValues values) {
        long found = -1;
        for (String v : values) {
            String t = v.trim();
            if (t.isEmpty() || t.length() > 18 || !t.chars().allMatch(Character::isDigit)) {
                return -1;
            }
            long n = Long.parseLong(t);
            if (found >= 0 && n != found) {
                return -1;
            }
            found = n;
        }
        return found;
    }

    /** Answers and closes: the body, whatever it is, is not read. */
    static void refuse(HttpServerExchange exchange, int status, String message) {
        exchange.setPersistent(false);
        AccessLog.note(exchange, message);
        Responses.error(exchange, status, ErrorType.BADREQUEST, message);
    }
}
