package xs.interp;

/**
 * Where {@code api.realtime_event} delivers: the hub under {@code xs serve}, a recorder under
 * {@code xs run} and {@code xs test}. The realtime package implements it; the interpreter
 * never sees sockets.
 */
public interface RealtimeSink {
    /**
     * Delivers (or records) one event. Fails with an {@link XsError} when no active
     * {@code realtime_channel} matches the channel.
     */
    void publish(RealtimeEvent event);
}
