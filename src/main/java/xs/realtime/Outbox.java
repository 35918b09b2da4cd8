package xs.realtime;

/**
 * The frames waiting for one connection's writer, oldest first: a ring that any thread adds to
 * and the connection's writer takes from. It allocates nothing per frame (a fan-out to a
 * thousand members queues a thousand frames per message), starts small, grows with a backlog,
 * and gives a large ring back once the backlog is written.
 * <pre>outbox.add(frame); … WireFrame next = outbox.pollIfFits(room);</pre>
 */
final class Outbox {
    private static final int FIRST = 8;
    /** A ring larger than this is dropped when it empties, so a past backlog does not stay allocated. */
    private static final int KEPT = 64;

    private WireFrame[] ring;
    private int head;
    private int size;

    synchronized void add(WireFrame frame) {
        if (ring == null) {
            ring = new WireFrame[FIRST];
        } else if (size == ring.length) {
            WireFrame[] larger = new WireFrame[ring.length * 2];
            for (int i = 0; i < size; i++) {
                larger[i] = ring[(head + i) & (ring.length - 1)];
            }
            ring = larger;
            head = 0;
        }
        ring[(head + size) & (ring.length - 1)] = frame;
        size++;
    }

    /** The oldest frame, left in place; null when there is none. */
    synchronized WireFrame peek() {
        return size == 0 ? null : ring[head];
    }

    /** Takes the oldest frame when it is at most {@code room} bytes long; else null. */
    synchronized WireFrame pollIfFits(int room) {
        if (size == 0 || ring[head].length() > room) {
            return null;
        }
        WireFrame f = ring[head];
        ring[head] = null;
        head = (head + 1) & (ring.length - 1);
        size--;
        if (size == 0) {
            head = 0;
            if (ring.length > KEPT) {
                ring = null;
            }
        }
        return f;
    }

    /** Drops every frame (the connection is closing); returns their bytes. */
    synchronized long clear() {
        long bytes = 0;
        for (int i = 0; i < size; i++) {
            bytes += ring[(head + i) & (ring.length - 1)].length();
        }
        ring = null;
        head = 0;
        size = 0;
        return bytes;
    }
}
