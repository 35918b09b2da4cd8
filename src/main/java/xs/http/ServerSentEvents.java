package xs.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import xs.interp.Delivery;
import xs.interp.Json;
import xs.interp.PostProcess;
import xs.interp.StreamRecorder;
import xs.interp.WebRequest;

/**
 * The client's end of one query request: {@code api.stream} values go out as server-sent
 * events ({@code text/event-stream}, chunked, flushed per event, written by the worker that
 * runs the stack), and the {@code util.post_process} stacks run on a worker once the exchange
 * is complete. Each event is {@code id: N} and {@code data: JSON}; a stack that fails after the
 * stream started ends it with {@code event: error} and Xano's error body.
 * <pre>id: 1
 * data: "Two roads diverged in a yellow wood,"</pre>
 */
final class ServerSentEvents implements Delivery {
    private static final HttpString CACHE_CONTROL = new HttpString("Cache-Control");
    private static final HttpString ACCEL_BUFFERING = new HttpString("X-Accel-Buffering");

    private final HttpServerExchange exchange;
    private final List<PostProcess> waiting = new ArrayList<>();
    private final AtomicBoolean delivered = new AtomicBoolean();
    /** The stack's end and the exchange's completion: post-process stacks wait for both. */
    private final AtomicInteger arrivals = new AtomicInteger();
    private OutputStream out;
    private long sent;
    private volatile boolean gone;

    ServerSentEvents(HttpServerExchange exchange) {
        this.exchange = exchange;
    }

    /** Whether the stack streamed: the response is the events, not the answer's body. */
    synchronized boolean started() {
        return out != null;
    }

    /** Whether the client left while the stack was streaming. */
    boolean gone() {
        return gone;
    }

    @Override
    public synchronized void stream(Object value, List<WebRequest.Header> headers) {
        if (gone) {
            throw Delivery.clientGone();
        }
        try {
            if (out == null) {
                start(headers);
            }
            sent++;
            write("id: " + sent + "\ndata: " + Json.write(value) + "\n\n");
        } catch (IOException e) {
            leave(e);
            throw Delivery.clientGone();
        }
    }

    private void leave(IOException why) {
        if (!gone) {
            gone = true;
            AccessLog.note(exchange, why instanceof WriteTimeout.Expired ? "the client stopped reading the stream"
                : "the client closed the stream");
        }
    }

    private void start(List<WebRequest.Header> headers) {
        exchange.setStatusCode(200);
        for (WebRequest.Header h : headers) {
            String name = h.name().toLowerCase(Locale.ROOT);
            if (!name.equals("content-type") && !name.equals("content-length")) {
                exchange.getResponseHeaders().add(new HttpString(h.name()), h.value());
            }
        }
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().put(CACHE_CONTROL, "no-cache");
        // A proxy in front (nginx) would otherwise hold the events back.
        exchange.getResponseHeaders().put(ACCEL_BUFFERING, "no");
        exchange.startBlocking();
        out = exchange.getOutputStream();
    }

    private void write(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /**
     * Ends a stream the stack started: a failed run sends {@code event: error} with its body
     * first. A client that left is not written to.
     */
    synchronized void finish(boolean ok, Object errorBody) {
        try {
            if (!ok && !gone) {
                write("event: error\ndata: " + Json.write(errorBody) + "\n\n");
            }
            out.close();
        } catch (IOException e) {
            leave(e);
        }
    }

    @Override
    public synchronized void afterResponse(PostProcess work) {
        waiting.add(work);
    }

    /**
     * Called when the stack has ended and when the exchange is complete: the second call runs
     * the waiting post-process stacks.
     */
    void arrived(Executor workers, PrintStream log) {
        if (arrivals.incrementAndGet() == 2) {
            runPostProcess(workers, log);
        }
    }

    /**
     * Runs the waiting post-process stacks on {@code workers}, once; failures go to {@code log}
     * with their file and line.
     */
    void runPostProcess(Executor workers, PrintStream log) {
        if (!delivered.compareAndSet(false, true)) {
            return;
        }
        List<PostProcess> work;
        synchronized (this) {
            work = List.copyOf(waiting);
            waiting.clear();
        }
        if (work.isEmpty()) {
            return;
        }
        StreamRecorder after = new StreamRecorder();
        work.forEach(after::afterResponse);
        try {
            workers.execute(() -> after.runPostProcess(line -> log.println("xs serve: " + line)));
        } catch (RejectedExecutionException e) {
            log.println("xs serve: the server is stopping, so " + work.size() + " util.post_process stack(s) did not run");
        }
    }
}
