package xs.realtime.redis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import xs.realtime.HistoryStore;

/**
 * The history a node keeps for itself while Redis is unreachable: what its own members sent
 * meanwhile, bounded per channel like the shared one, and dropped once Redis is back (the
 * shared list is the history again, so this never grows past one outage).
 */
final class FallbackHistory {
    private final Map<String, Deque<HistoryStore.Entry>> channels = new ConcurrentHashMap<>();

    void append(String channel, HistoryStore.Entry entry, int limit) {
        if (limit <= 0) {
            return;
        }
        Deque<HistoryStore.Entry> kept = channels.computeIfAbsent(channel, k -> new ArrayDeque<>());
        synchronized (kept) {
            kept.addLast(entry);
            while (kept.size() > limit) {
                kept.removeFirst();
            }
        }
    }

    List<HistoryStore.Entry> read(String channel) {
        Deque<HistoryStore.Entry> kept = channels.get(channel);
        if (kept == null) {
            return List.of();
        }
        synchronized (kept) {
            return new ArrayList<>(kept);
        }
    }

    void clear() {
        channels.clear();
    }
}
