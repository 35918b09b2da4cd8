package xs.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.SameThreadExecutor;
import java.util.function.Predicate;

/**
 * Reads a request's body before an endpoint that needs none answers ({@code /health}, the API
 * spec, the console's files, a 404), with the limit, stall timer and strict chunked framing every
 * body gets ({@link RequestBody}): a malformed body is 400 there too, where Undertow would have
 * answered 200 and then cut the connection while draining it. The body is checked, not kept.
 * <pre>curl -H 'Transfer-Encoding: chunked' --data-binary $'zz\r\n' localhost:8080/health   →  400</pre>
 */
final class BodyFirst implements HttpHandler {
    private final HttpHandler next;
    private final long maxBodyBytes;
    private final long stallMillis;
    private final Predicate<String> readsItsOwn;

    /** @param readsItsOwn the request paths whose endpoints read (or stream) the body themselves */
    BodyFirst(HttpHandler next, long maxBodyBytes, long stallMillis, Predicate<String> readsItsOwn) {
        this.next = next;
        this.maxBodyBytes = maxBodyBytes;
        this.stallMillis = stallMillis;
        this.readsItsOwn = readsItsOwn;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (!RequestBody.announced(exchange) || readsItsOwn.test(exchange.getRequestPath())) {
            next.handleRequest(exchange);
            return;
        }
        // Then the endpoint runs as a request's handler does (its failure a 500, the exchange ended after it).
        RequestBody.skip(exchange, maxBodyBytes, stallMillis, () -> exchange.dispatch(SameThreadExecutor.INSTANCE, next));
    }
}
