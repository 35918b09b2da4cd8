package xs.realtime;

/**
 * One frame on its way to the members of a channel, as it crosses the {@link Broker}: who
 * among the channel's members receives it, and the frame itself, already serialized.
 * <pre>new Delivery("room:1", Audience.ALL, null, Frames.message(…))</pre>
 *
 * @param socketId the one recipient for {@link Audience#ONE}; the member left out for
 *                 {@link Audience#PRESENCE_WATCHERS}; else null
 */
public record Delivery(String channel, Audience audience, String socketId, WireFrame frame) {

    /** Which members of a channel a delivery is for. */
    public enum Audience {
        /** Every member: public messages and events. */
        ALL,
        /** Authenticated members only: messages sent with {@code options.authenticated} on an auth_channel. */
        AUTHENTICATED,
        /** Members that joined with {@code presence: true}, except the one the update is about. */
        PRESENCE_WATCHERS,
        /** The member with this socket id: private messages. */
        ONE
    }
}
