package xs.realtime;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The broker of a single process: a publish is handed straight back to this node's hub on the
 * publishing thread (the channel's lane, so per-channel order holds for free), and roster and
 * history live in memory.
 */
public final class LocalBroker implements Broker {
    private volatile Consumer<Delivery> local = d -> { };
    private final LocalRoster roster = new LocalRoster();
    private final LocalHistory history = new LocalHistory();

    @Override
    public void listen(Consumer<Delivery> local) {
        this.local = local;
    }

    @Override
    public void publish(Delivery delivery) {
        local.accept(delivery);
    }

    @Override
    public Roster roster() {
        return roster;
    }

    @Override
    public HistoryStore history() {
        return history;
    }

    @Override
    public void close() {
    }

    /** Members per channel; each channel's map is touched by its lane only, the outer map by all. */
    private static final class LocalRoster implements Roster {
        private final Map<String, Map<String, ClientInfo>> channels = new ConcurrentHashMap<>();

        @Override
        public boolean add(String channel, ClientInfo client) {
            return channels.computeIfAbsent(channel, k -> new LinkedHashMap<>())
                .putIfAbsent(client.socketId(), client) == null;
        }

        @Override
        public boolean remove(String channel, String socketId) {
            boolean[] removed = new boolean[1];
            channels.computeIfPresent(channel, (k, members) -> {
                removed[0] = members.remove(socketId) != null;
                return members.isEmpty() ? null : members;
            });
            return removed[0];
        }

        @Override
        public List<ClientInfo> members(String channel) {
            Map<String, ClientInfo> members = channels.get(channel);
            return members == null ? List.of() : List.copyOf(members.values());
        }

        @Override
        public Optional<ClientInfo> find(String channel, String socketId) {
            Map<String, ClientInfo> members = channels.get(channel);
            return members == null ? Optional.empty() : Optional.ofNullable(members.get(socketId));
        }
    }

    /** A bounded deque per channel; appends and reads of one channel come from its lane. */
    private static final class LocalHistory implements HistoryStore {
        private final Map<String, Deque<Entry>> channels = new ConcurrentHashMap<>();

        @Override
        public void append(String channel, Entry entry, int limit) {
            if (limit <= 0) {
                return;
            }
            Deque<Entry> kept = channels.computeIfAbsent(channel, k -> new ArrayDeque<>());
            synchronized (kept) {
                kept.addLast(entry);
                while (kept.size() > limit) {
                    kept.removeFirst();
                }
            }
        }

        @Override
        public List<Entry> read(String channel) {
            Deque<Entry> kept = channels.get(channel);
            if (kept == null) {
                return List.of();
            }
            synchronized (kept) {
                return new ArrayList<>(kept);
            }
        }
    }
}
