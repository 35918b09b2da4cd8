package xs.realtime;

import java.util.List;

/**
 * The last frames of each concrete channel (settings.message_history), shared by every node.
 * Stored frames are {@code message} and {@code event} frames; private messages never are.
 * <pre>history.append("announcements", frame, false, 25)</pre>
 */
public interface HistoryStore {
    /** A stored frame, and whether only authenticated members may see it. */
    record Entry(WireFrame frame, boolean authenticatedOnly) {
    }

    /** Appends a frame and keeps only the last {@code limit} of the channel. */
    void append(String channel, Entry entry, int limit);

    /** The stored frames, oldest first. */
    List<Entry> read(String channel);
}
