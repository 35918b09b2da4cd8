package xs.realtime;

import java.util.function.Consumer;

/**
 * Carries the hub's fan-out, and the state every node of a cluster must share: who is in each
 * channel ({@link Roster}) and what each channel remembers ({@link HistoryStore}). The hub
 * publishes each accepted frame once, from inside the channel's lane; the broker hands it back
 * to every node's hub (this one included) in the order published per channel. The in-process
 * {@link LocalBroker} is the default; a Redis broker takes its place without touching the hub.
 * <pre>broker.publish(new Delivery("room:1", Audience.ALL, null, frame));</pre>
 */
public interface Broker extends AutoCloseable {

    /** Where this node receives deliveries; called once, before the first publish. */
    void listen(Consumer<Delivery> local);

    /** Sends a frame to the members of its channel on every node, in per-channel order. */
    void publish(Delivery delivery);

    /**
     * Keeps a frame in its channel's history (the last {@code limit}) and sends it, as one step: a
     * broker shared by several nodes does both atomically, so history has the order of delivery.
     */
    default void publish(Delivery delivery, HistoryStore.Entry kept, int limit) {
        history().append(delivery.channel(), kept, limit);
        publish(delivery);
    }

    /**
     * Where this node hears of presence changes no client asked for, which the channel's presence
     * watchers on every node must be told of: members that vanished with another node (it died
     * without leaving its channels), and this node's own members after the other nodes took it
     * for dead and were told they left. Called off the lanes; a single process never calls it.
     */
    default void listenRepairs(PresenceRepair repair) {
    }

    /**
     * Where this node hears that its members' view of a channel's presence may be stale: it was
     * cut off from the other nodes and their changes meanwhile may never reach it one by one.
     * The hub sends the channel's presence watchers here a fresh {@code presence_full} (the frame a
     * repeated join gets, which clients take as the whole list). A single process never calls it.
     */
    default void listenStalePresence(Consumer<String> channel) {
    }

    /** A presence change to announce: {@code "join"} or {@code "leave"} of a member of a channel. */
    @FunctionalInterface
    interface PresenceRepair {
        void announce(String channel, ClientInfo client, String action);
    }

    Roster roster();

    HistoryStore history();

    @Override
    void close();
}
