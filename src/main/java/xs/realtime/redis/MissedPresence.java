package xs.realtime.redis;

import java.util.ArrayDeque;
import java.util.Deque;
import xs.realtime.Delivery;

/**
 * The presence updates of this node's channels that only its own members got, because Redis was
 * unreachable when they happened: joins and leaves the members of other nodes have not heard of.
 * A few seconds after Redis is back (when the other nodes have subscribed again) they are sent on
 * to the other nodes, oldest first. Until that is done, later updates queue behind them
 * (delivered here at once, sent on in turn), so the other nodes see every member's joins and
 * leaves in the order they happened. Bounded: a very long outage with
 * more changes than this keeps the newest and counts the rest as lost.
 */
final class MissedPresence {
    static final int LIMIT = 10_000;

    private final Deque<Delivery> missed = new ArrayDeque<>();
    private long lost;

    /** Whether a presence update must wait its turn (and go to this node's members directly). */
    synchronized boolean waiting() {
        return !missed.isEmpty();
    }

    synchronized void add(Delivery update) {
        if (missed.size() == LIMIT) {
            missed.removeFirst();
            lost++;
        }
        missed.addLast(update);
    }

    /** The oldest update not sent on yet, or null. */
    synchronized Delivery peek() {
        return missed.peekFirst();
    }

    /** The oldest update was sent on. */
    synchronized void sent() {
        missed.pollFirst();
    }

    /** How many updates were dropped for the bound since the last call. */
    synchronized long takeLost() {
        long n = lost;
        lost = 0;
        return n;
    }
}
