package xs.http;

import io.undertow.server.ConduitWrapper;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.ConduitFactory;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.concurrent.TimeUnit;
import org.xnio.channels.StreamSinkChannel;
import org.xnio.conduits.AbstractStreamSourceConduit;
import org.xnio.conduits.StreamSourceConduit;

/**
 * The stall limit for a body a worker reads as it streams in (a multipart upload), where
 * {@link RequestBody}'s timer does not run: a blocking read that waits longer than the limit
 * without a byte of the body (chunk framing included) fails with {@link Stalled}, so a client
 * that stops in the middle of an upload holds the worker no longer than that.
 * <pre>ReadStall.install(exchange, 10_000);   // before anything reads the body</pre>
 */
final class ReadStall extends AbstractStreamSourceConduit<StreamSourceConduit> {
    private final long limitNanos;
    private final ChunkedConduit chunked;
    private long lastArrival = System.nanoTime();

    /** A body that stopped arriving; answered 408. */
    static final class Stalled extends IOException {
        Stalled(String message) {
            super(message, null);
        }
    }

    private ReadStall(StreamSourceConduit next, long limitMillis, ChunkedConduit chunked) {
        super(next);
        this.limitNanos = TimeUnit.MILLISECONDS.toNanos(limitMillis);
        this.chunked = chunked;
    }

    static void install(HttpServerExchange exchange, long limitMillis) {
        ChunkedConduit chunked = exchange.getAttachment(ChunkedConduit.KEY);
        exchange.addRequestWrapper((ConduitWrapper<StreamSourceConduit>) (factory, ex) ->
            new ReadStall(factory.create(), limitMillis, chunked));
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        return (int) arrived(next.read(dst));
    }

    @Override
    public long read(ByteBuffer[] dsts, int offs, int len) throws IOException {
        return arrived(next.read(dsts, offs, len));
    }

    @Override
    public long transferTo(long position, long count, FileChannel target) throws IOException {
        return arrived(next.transferTo(position, count, target));
    }

    @Override
    public long transferTo(long count, ByteBuffer throughBuffer, StreamSinkChannel target) throws IOException {
        return arrived(next.transferTo(count, throughBuffer, target));
    }

    @Override
    public void awaitReadable() throws IOException {
        awaitReadable(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
    }

    @Override
    public void awaitReadable(long time, TimeUnit unit) throws IOException {
        long last = lastArrival;
        if (chunked != null && chunked.lastArrival() - last > 0) {
            last = chunked.lastArrival();
        }
        long left = limitNanos - (System.nanoTime() - last);
        if (left <= 0) {
            throw new Stalled("the request body stopped arriving for " + TimeUnit.NANOSECONDS.toSeconds(limitNanos) + " s");
        }
        next.awaitReadable(Math.min(unit.toNanos(time), left), TimeUnit.NANOSECONDS);
    }

    private long arrived(long n) {
        if (n != 0) {
            lastArrival = System.nanoTime();
        }
        return n;
    }
}
