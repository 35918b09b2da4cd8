package xs.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.xnio.XnioExecutor;
import xs.interp.ErrorType;

/**
 * Reads a request's body on its I/O thread as it arrives, before a worker takes the request: a
 * client that sends its body slowly, or stops in the middle, holds no worker thread. Past the
 * size limit the request is answered 413, a body that stalls (no byte of it, chunk framing
 * included, for the stall time) 408, a malformed chunked body 400 at the first byte that breaks
 * it ({@link ChunkedConduit}); each with an access-log line and no stack trace, and the connection
 * then closes. The bytes are then attached to the exchange for {@link Responses#readJson}.
 * <pre>RequestBody.read(exchange, 16 << 20, 10_000, () -> exchange.dispatch(workers, task));</pre>
 */
final class RequestBody {
    static final AttachmentKey<byte[]> BYTES = AttachmentKey.create(byte[].class);

    private final HttpServerExchange exchange;
    private final long maxBytes;
    private final long stallMillis;
    private final Runnable then;
    /** The body so far; null when it is only checked ({@link #skip}). */
    private final ByteArrayOutputStream bytes;
    /** The chunk decoder of a chunked body, which sees the framing bytes too; else null. */
    private final ChunkedConduit chunked;
    private long size;
    /** {@link System#nanoTime()} when the last byte of data arrived. */
    private long lastData = System.nanoTime();
    private XnioExecutor.Key stall;
    private boolean done;

    private RequestBody(HttpServerExchange exchange, long maxBytes, long stallMillis, Runnable then, boolean keep) {
        this.exchange = exchange;
        this.maxBytes = maxBytes;
        this.stallMillis = stallMillis;
        this.then = then;
        this.bytes = keep ? new ByteArrayOutputStream() : null;
        this.chunked = exchange.getAttachment(ChunkedConduit.KEY);
    }

    /** Whether the request says a body follows. */
    static boolean announced(HttpServerExchange exchange) {
        HeaderValues length = exchange.getRequestHeaders().get(Headers.CONTENT_LENGTH);
        return exchange.getRequestHeaders().contains(Headers.TRANSFER_ENCODING)
            || length != null && !length.getFirst().trim().equals("0");
    }

    /** Reads the whole body (on the I/O thread), attaches it, and runs {@code then}; or answers the failure. */
    static void read(HttpServerExchange exchange, long maxBytes, long stallMillis, Runnable then) {
        new RequestBody(exchange, maxBytes, stallMillis, then, true).start();
    }

    /** As {@link #read}, for an endpoint that needs no body: the body is checked and dropped, nothing attached. */
    static void skip(HttpServerExchange exchange, long maxBytes, long stallMillis, Runnable then) {
        new RequestBody(exchange, maxBytes, stallMillis, then, false).start();
    }

    private void start() {
        armStall(stallMillis);
        exchange.getRequestReceiver().receivePartialBytes(this::received, this::failed);
    }

    private void received(HttpServerExchange ex, byte[] data, boolean last) {
        if (done) {
            return;
        }
        if (size + (long) data.length > maxBytes) {
            finish();
            ex.getRequestReceiver().pause();
            refuse(413, "the request body is larger than " + maxBytes + " bytes");
            return;
        }
        size += data.length;
        if (bytes != null) {
            bytes.writeBytes(data);
        }
        if (last) {
            finish();
            if (bytes != null) {
                ex.putAttachment(BYTES, bytes.toByteArray());
            }
            then.run();
        } else if (data.length > 0) {
            lastData = System.nanoTime();
        }
    }

    private void failed(HttpServerExchange ex, IOException e) {
        if (done) {
            return;
        }
        finish();
        if (e instanceof ChunkedDecoder.Malformed malformed) {
            refuse(malformed.status, malformed.getMessage());
        } else {
            refuse(400, "the request body could not be read: " + e.getMessage());
        }
    }

    /** One timer per body: when it fires it looks at when the last byte came, and waits on if that was recently. */
    private void armStall(long millis) {
        stall = exchange.getIoThread().executeAfter(this::stalled, millis, TimeUnit.MILLISECONDS);
    }

    private void stalled() {
        if (done) {
            return;
        }
        long last = lastData;
        if (chunked != null && chunked.lastArrival() - last > 0) {
            last = chunked.lastArrival();
        }
        long quietMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - last);
        if (quietMillis < stallMillis) {
            armStall(stallMillis - quietMillis);
            return;
        }
        finish();
        exchange.getRequestReceiver().pause();
        refuse(408, "the request body stopped arriving for " + stallMillis / 1000 + " s");
    }

    private void finish() {
        done = true;
        if (stall != null) {
            stall.remove();
        }
    }

    private void refuse(int status, String message) {
        exchange.setPersistent(false);
        AccessLog.note(exchange, message);
        if (exchange.isResponseStarted() || !exchange.getConnection().isOpen()) {
            exchange.endExchange();
            return;
        }
        Responses.error(exchange, status, ErrorType.BADREQUEST, message);
    }
}
