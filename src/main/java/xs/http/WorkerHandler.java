package xs.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.util.concurrent.Executor;
import xs.interp.ErrorType;

/**
 * An endpoint whose work runs on the worker pool, never on an I/O thread, and whose own faults
 * answer 500 with Xano's error body (and a report on stderr) instead of a dropped connection.
 * <pre>class FunctionEndpoint extends WorkerHandler { void serve(HttpServerExchange e) { … } }</pre>
 */
abstract class WorkerHandler implements HttpHandler {
    private final Executor workers;
    private final long maxBodyBytes;
    private final long stallMillis;

    /**
     * @param maxBodyBytes largest request body the endpoint takes (413 past it)
     * @param stallMillis  how long a body may stop arriving before the request is answered 408
     */
    WorkerHandler(Executor workers, long maxBodyBytes, long stallMillis) {
        this.workers = workers;
        this.maxBodyBytes = maxBodyBytes;
        this.stallMillis = stallMillis;
    }

    /** Answers the request, on a worker thread. */
    abstract void serve(HttpServerExchange exchange);

    /** Whether the body is read whole on the I/O thread before {@link #serve} (yes, unless an endpoint streams it). */
    boolean readsBodyFirst(HttpServerExchange exchange) {
        return true;
    }

    @Override
    public final void handleRequest(HttpServerExchange exchange) {
        if (exchange.isInIoThread()) {
            if (RequestBody.announced(exchange) && readsBodyFirst(exchange)) {
                // The body first, on the I/O thread: a slow sender must not hold a worker.
                RequestBody.read(exchange, maxBodyBytes, stallMillis, () -> exchange.dispatch(workers, () -> handle(exchange)));
            } else {
                exchange.dispatch(workers, () -> handle(exchange));
            }
            return;
        }
        handle(exchange);
    }

    private void handle(HttpServerExchange exchange) {
        try {
            serve(exchange);
        } catch (RuntimeException e) {
            // A fault of xs itself, not of the request or the script.
            System.err.println("xs serve: internal error on " + exchange.getRequestPath() + " (please report it): " + e);
            e.printStackTrace();
            if (!exchange.isResponseStarted()) {
                Responses.error(exchange, 500, ErrorType.STANDARD, "internal error in xs: " + e);
            }
        }
    }
}
