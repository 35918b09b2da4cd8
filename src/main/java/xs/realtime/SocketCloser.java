package xs.realtime;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.xnio.IoUtils;
import org.xnio.StreamConnection;

/**
 * Closes sockets on a thread of its own, never on an I/O thread. XNIO, asked to close a socket on
 * its I/O thread, cancels the selection key and runs a {@code selectNow()} at once, which takes
 * in every event that is ready (up to 1,024 a call): when thousands of clients reset together,
 * each close pays for all the others and the thread stalls for seconds (no pong, no /health).
 * From another thread the key is only cancelled and the selector woken: the I/O thread drops all
 * the cancelled keys in its next select, together.
 * <pre>SocketCloser.close(stream);</pre>
 */
public final class SocketCloser {
    private static final ExecutorService CLOSER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "xs-socket-closer");
        t.setDaemon(true);
        return t;
    });
    private static final AtomicLong CLOSED = new AtomicLong();

    private SocketCloser() {
    }

    public static void close(StreamConnection stream) {
        CLOSER.execute(() -> {
            IoUtils.safeClose(stream);
            CLOSED.incrementAndGet();
        });
    }

    /** Sockets closed so far, for tests. */
    public static long closed() {
        return CLOSED.get();
    }
}
