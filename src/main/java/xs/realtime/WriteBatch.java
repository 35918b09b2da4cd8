package xs.realtime;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.xnio.XnioIoThread;

/**
 * Connections that got frames during one lane turn, woken together at its end. Deferring the
 * wake-up is what coalesces writes: a connection that receives ten frames in a turn is written
 * once, with all ten, instead of ten times. The wake-ups themselves are grouped by I/O thread:
 * one task per thread writes every connection it owns, instead of one task per connection.
 */
final class WriteBatch {
    private static final ThreadLocal<List<Connection>> PENDING = new ThreadLocal<>();

    private WriteBatch() {
    }

    static void begin() {
        PENDING.set(new ArrayList<>());
    }

    /** Defers the wake-up of a connection to the end of the current batch; false outside a batch. */
    static boolean defer(Connection connection) {
        List<Connection> pending = PENDING.get();
        if (pending == null) {
            return false;
        }
        pending.add(connection);
        return true;
    }

    /** Wakes what the batch has so far and starts a new one: before slow work such as a trigger. */
    static void flush() {
        if (PENDING.get() != null) {
            end();
            begin();
        }
    }

    static void end() {
        List<Connection> pending = PENDING.get();
        PENDING.remove();
        if (pending == null || pending.isEmpty()) {
            return;
        }
        if (pending.size() == 1) {
            pending.get(0).wake();
            return;
        }
        Map<XnioIoThread, List<Connection>> byThread = new IdentityHashMap<>();
        for (Connection c : pending) {
            byThread.computeIfAbsent(c.ioThread(), t -> new ArrayList<>()).add(c);
        }
        for (Map.Entry<XnioIoThread, List<Connection>> e : byThread.entrySet()) {
            List<Connection> connections = e.getValue();
            e.getKey().execute(() -> {
                for (Connection c : connections) {
                    c.drainNow();
                }
            });
        }
    }
}
