package xs.interp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The realtime sink of {@code xs run} and {@code xs test}: events are checked against the
 * declared channels like the hub checks them, then kept in order so the run can show what
 * would have been pushed. When no realtime_channel is declared at all, events are only kept
 * (with a warning from the caller), so a single function can still be tried out.
 */
public final class EventRecorder implements RealtimeSink {
    private final ChannelDirectory channels;
    private final List<RealtimeEvent> events = Collections.synchronizedList(new ArrayList<>());

    public EventRecorder(ChannelDirectory channels) {
        this.channels = channels;
    }

    @Override
    public void publish(RealtimeEvent event) {
        if (!channels.isEmpty()) {
            channels.requireActive(event.channel());
        }
        events.add(event);
    }

    public List<RealtimeEvent> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    public void clear() {
        events.clear();
    }
}
