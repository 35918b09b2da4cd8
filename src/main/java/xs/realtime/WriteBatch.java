package xs.realtime;

import java.util.ArrayList;
import java.util.List;

/**
 * Connections that got frames during one lane turn, woken together at its end. Deferring the
 * wake-up is what coalesces writes: a connection that receives ten frames in a turn is written
 * once, with all ten, instead of ten times.
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

    static void end() {
        List<Connection> pending = PENDING.get();
        PENDING.remove();
        if (pending != null) {
            for (Connection c : pending) {
                c.wake();
            }
        }
    }
}
