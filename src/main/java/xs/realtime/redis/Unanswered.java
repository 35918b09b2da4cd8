package xs.realtime.redis;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Publishes that Redis did not answer in time (it hung with its sockets open). This node has
 * delivered them to its own members already; if Redis runs them after all when it wakes up,
 * their echo on the pub/sub connection is recognised by its bytes and dropped, so nobody here
 * gets a frame twice. Two identical publishes that both went unanswered are two entries, and
 * drop two echoes. Entries older than {@link #KEEP_MILLIS} are forgotten: by then Redis either
 * ran the command long ago or never will (the connection was lost with it).
 */
final class Unanswered {
    static final long KEEP_MILLIS = 30_000;
    static final int LIMIT = 10_000;

    private record Entry(byte[] message, long at) {
    }

    private final Deque<Entry> entries = new ArrayDeque<>();
    /** Read without the lock on every received delivery: almost always zero. */
    private final AtomicInteger size = new AtomicInteger();

    synchronized void add(byte[] message, long now) {
        expire(now);
        if (entries.size() == LIMIT) {
            entries.removeFirst();
        }
        entries.addLast(new Entry(message, now));
        size.set(entries.size());
    }

    /** Whether this received delivery is the echo of an unanswered publish (then it is forgotten). */
    boolean isEcho(byte[] message, long now) {
        if (size.get() == 0) {
            return false;
        }
        synchronized (this) {
            expire(now);
            for (Iterator<Entry> it = entries.iterator(); it.hasNext(); ) {
                if (Arrays.equals(it.next().message(), message)) {
                    it.remove();
                    size.set(entries.size());
                    return true;
                }
            }
            return false;
        }
    }

    private void expire(long now) {
        while (!entries.isEmpty() && now - entries.peekFirst().at() > KEEP_MILLIS) {
            entries.removeFirst();
        }
        size.set(entries.size());
    }
}
