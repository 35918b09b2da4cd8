package xs.realtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.xnio.XnioIoThread;

/**
 * Connections that got frames during one lane turn, written together at its end. Deferring the
 * write is what coalesces: a connection that receives ten frames in a turn is written once, with
 * all ten, instead of ten times. A small batch the lane writes itself: waking an I/O thread would
 * cost more than the few system calls. A large one (a fan-out to hundreds) goes to the I/O threads
 * in parts, as it grows: one task per thread writing the connections it owns, so every core writes,
 * and the first members are written while the lane still queues the frame for the others. While
 * they write, the lane goes on, so the frames of its next messages queue up and go out together.
 */
final class WriteBatch {
    /** Up to this many connections, the lane writes them itself. */
    private static final int DIRECT = 64;
    /** A fan-out to more goes to the I/O threads in parts this large, so the first are written while the lane queues the rest. */
    private static final int PART = 128;

    private static final ThreadLocal<List<Connection>> PENDING = new ThreadLocal<>();

    private WriteBatch() {
    }

    static void begin() {
        PENDING.set(new ArrayList<>());
    }

    /** Defers the write of a connection to the end of the current batch; false outside a batch. */
    static boolean defer(Connection connection) {
        List<Connection> pending = PENDING.get();
        if (pending == null) {
            return false;
        }
        pending.add(connection);
        if (pending.size() == PART) {
            handOff(pending);
            PENDING.set(new ArrayList<>(PART));
        }
        return true;
    }

    /** Writes what the batch has so far and starts a new one: before slow work such as a trigger. */
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
        if (pending.size() <= DIRECT && pending.get(0).writesDirectly()) {
            for (Connection c : pending) {
                c.drainHere();
            }
            return;
        }
        handOff(pending);
    }

    /** Gives each I/O thread one task that writes the connections it owns (a fan-out allocates little: it runs often). */
    private static void handOff(List<Connection> pending) {
        List<XnioIoThread> threads = new ArrayList<>(4);
        int[] counts = new int[8];
        for (Connection c : pending) {
            int t = threads.indexOf(c.ioThread());
            if (t < 0) {
                t = threads.size();
                threads.add(c.ioThread());
                if (t == counts.length) {
                    counts = Arrays.copyOf(counts, t * 2);
                }
            }
            counts[t]++;
        }
        for (int t = 0; t < threads.size(); t++) {
            XnioIoThread thread = threads.get(t);
            Connection[] owned = new Connection[counts[t]];
            int n = 0;
            for (Connection c : pending) {
                if (c.ioThread() == thread) {
                    owned[n++] = c;
                }
            }
            thread.execute(() -> {
                for (Connection c : owned) {
                    c.drainNow();
                }
            });
        }
    }
}
