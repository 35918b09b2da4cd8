package xs.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.xnio.Buffers;
import org.xnio.StreamConnection;
import org.xnio.channels.StreamSourceChannel;
import org.xnio.conduits.AbstractStreamSinkConduit;
import org.xnio.conduits.StreamSinkConduit;
import org.xnio.conduits.WriteReadyHandler;
import xs.realtime.SocketCloser;

/**
 * The writes of one connection, with a limit on how long bytes may wait for a peer that takes
 * none: past it the connection is closed, the server's log gets one line, and whoever writes (a
 * worker blocked on a full socket, or the I/O thread's sender) gets an {@link Expired}. Only time
 * with bytes waiting counts, so a quiet server-sent-event stream or a kept-alive connection
 * between requests is never cut. XNIO's own {@code Options.WRITE_TIMEOUT} (with Undertow's conduit
 * for it) counts from the last write that moved bytes instead: a kept-alive connection quiet for
 * longer than the timeout was closed at its next answer (WriteTimeoutTest, tried with it).
 * <pre>sink.setConduit(new WriteTimeout(sink.getConduit(), connection, 60_000, log::println));</pre>
 */
final class WriteTimeout extends AbstractStreamSinkConduit<StreamSinkConduit> {
    private static final long NOT_WAITING = Long.MIN_VALUE;

    private final StreamConnection connection;
    private final long limitNanos;
    private final Consumer<String> report;
    /** {@link System#nanoTime()} since which bytes have waited for the peer, or {@link #NOT_WAITING}. */
    private volatile long waitingSince = NOT_WAITING;
    private final AtomicBoolean armed = new AtomicBoolean();
    private final AtomicBoolean expired = new AtomicBoolean();
    private volatile WriteReadyHandler ready;
    /** Whether the last write left bytes with its writer. */
    private volatile boolean leftOver;

    /** What a write gets once the connection was closed for taking no bytes. */
    static final class Expired extends IOException {
        Expired(String message) {
            super(message, null);
        }
    }

    WriteTimeout(StreamSinkConduit next, StreamConnection connection, long limitMillis, Consumer<String> report) {
        super(next);
        this.connection = connection;
        this.limitNanos = TimeUnit.MILLISECONDS.toNanos(limitMillis);
        this.report = report;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        refuseIfExpired();
        int n = next.write(src);
        wrote(n > 0, src.hasRemaining());
        return n;
    }

    @Override
    public long write(ByteBuffer[] srcs, int offs, int len) throws IOException {
        refuseIfExpired();
        long n = next.write(srcs, offs, len);
        wrote(n > 0, Buffers.hasRemaining(srcs, offs, len));
        return n;
    }

    @Override
    public int writeFinal(ByteBuffer src) throws IOException {
        refuseIfExpired();
        int n = next.writeFinal(src);
        wrote(n > 0, src.hasRemaining());
        return n;
    }

    @Override
    public long writeFinal(ByteBuffer[] srcs, int offs, int len) throws IOException {
        refuseIfExpired();
        long n = next.writeFinal(srcs, offs, len);
        wrote(n > 0, Buffers.hasRemaining(srcs, offs, len));
        return n;
    }

    @Override
    public long transferFrom(FileChannel src, long position, long count) throws IOException {
        refuseIfExpired();
        long n = next.transferFrom(src, position, count);
        if (n > 0) {
            wrote(true, false);
        }
        return n;
    }

    @Override
    public long transferFrom(StreamSourceChannel source, long count, ByteBuffer throughBuffer) throws IOException {
        refuseIfExpired();
        long n = next.transferFrom(source, count, throughBuffer);
        if (n > 0) {
            wrote(true, throughBuffer.hasRemaining());
        }
        return n;
    }

    @Override
    public boolean flush() throws IOException {
        refuseIfExpired();
        boolean done = next.flush();
        if (!done) {
            waiting();
        } else if (!leftOver) {
            // What was written, a TLS layer's records included, is out.
            waitingSince = NOT_WAITING;
        }
        return done;
    }

    /** A writer blocks until the socket takes bytes: never past the limit. */
    @Override
    public void awaitWritable() throws IOException {
        awaitWritable(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
    }

    @Override
    public void awaitWritable(long time, TimeUnit unit) throws IOException {
        refuseIfExpired();
        long since = waiting();
        long left = limitNanos - (System.nanoTime() - since);
        if (left > 0) {
            next.awaitWritable(Math.min(unit.toNanos(time), left), TimeUnit.NANOSECONDS);
        }
        if (waitingSince == since && System.nanoTime() - since >= limitNanos) {
            expire();
        }
        refuseIfExpired();
    }

    @Override
    public void setWriteReadyHandler(WriteReadyHandler handler) {
        ready = handler;
        next.setWriteReadyHandler(handler);
    }

    @Override
    public void terminateWrites() throws IOException {
        waitingSince = NOT_WAITING;
        next.terminateWrites();
    }

    @Override
    public void truncateWrites() throws IOException {
        waitingSince = NOT_WAITING;
        next.truncateWrites();
    }

    private void refuseIfExpired() throws Expired {
        if (expired.get()) {
            throw new Expired(why());
        }
    }

    /** After a write: bytes left over wait from now when some moved, else since they first waited. */
    private void wrote(boolean moved, boolean left) {
        leftOver = left;
        if (!left) {
            waitingSince = NOT_WAITING;
            return;
        }
        if (moved || waitingSince == NOT_WAITING) {
            waitingSince = System.nanoTime();
        }
        arm(limitNanos);
    }

    /** Bytes wait for the peer (since before, or from now); returns since when. */
    private long waiting() {
        long since = waitingSince;
        if (since == NOT_WAITING) {
            since = System.nanoTime();
            waitingSince = since;
        }
        arm(limitNanos);
        return since;
    }

    /** One timer per connection at most, on its I/O thread: it sees a sender there that no one wakes. */
    private void arm(long delayNanos) {
        if (armed.compareAndSet(false, true)) {
            connection.getIoThread().executeAfter(this::check, delayNanos, TimeUnit.NANOSECONDS);
        }
    }

    private void check() {
        armed.set(false);
        long since = waitingSince;
        if (since == NOT_WAITING || expired.get() || !connection.isOpen()) {
            return;
        }
        long waited = System.nanoTime() - since;
        if (waited < limitNanos) {
            arm(limitNanos - waited);
            return;
        }
        expire();
        // A sender waiting for the socket to drain is woken to find the connection gone.
        WriteReadyHandler handler = ready;
        if (handler != null && next.isWriteResumed()) {
            handler.writeReady();
        }
    }

    private void expire() {
        if (expired.compareAndSet(false, true)) {
            InetSocketAddress peer = connection.getPeerAddress(InetSocketAddress.class);
            report.accept("xs serve: closed the connection of " + (peer == null ? "a client"
                : peer.getHostString() + ":" + peer.getPort()) + ": " + why());
            SocketCloser.close(connection);
        }
    }

    private String why() {
        return "its client took no bytes of the response for " + TimeUnit.NANOSECONDS.toSeconds(limitNanos)
            + " s (--write-timeout)";
    }
}
