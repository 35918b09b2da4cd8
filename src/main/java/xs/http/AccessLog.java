package xs.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import java.io.PrintStream;

/**
 * One line per request on stderr: method, path, status, time, and the error message when a
 * function failed. Headers (and so tokens) and query strings never appear. The console page's
 * question for a new program ({@code GET /console/api/version}, each second) is not logged.
 * <pre>POST /function/notify_user 200 3ms</pre>
 */
public final class AccessLog implements HttpHandler {
    private static final AttachmentKey<String> NOTE = AttachmentKey.create(String.class);
    private static final String UNLOGGED = ConsoleApi.PREFIX + "version";

    private final HttpHandler next;
    private final PrintStream out;

    public AccessLog(HttpHandler next, PrintStream out) {
        this.next = next;
        this.out = out;
    }

    /** Adds a short note (an error message) to the request's line. */
    static void note(HttpServerExchange exchange, String note) {
        exchange.putAttachment(NOTE, note);
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (exchange.getRequestPath().equals(UNLOGGED)) {
            next.handleRequest(exchange);
            return;
        }
        long start = System.nanoTime();
        exchange.addExchangeCompleteListener((ex, nextListener) -> {
            long ms = (System.nanoTime() - start) / 1_000_000;
            String note = ex.getAttachment(NOTE);
            out.println(ex.getRequestMethod() + " " + ex.getRequestPath() + " " + ex.getStatusCode() + " " + ms + "ms"
                + (note == null ? "" : " (" + note + ")"));
            nextListener.proceed();
        });
        next.handleRequest(exchange);
    }
}
