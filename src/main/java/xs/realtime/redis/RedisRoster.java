package xs.realtime.redis;

import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import xs.realtime.ClientInfo;
import xs.realtime.Roster;

/**
 * Who is in each channel on every node, kept in one Redis hash per channel, plus this node's own
 * members in memory. The memory copy is the truth about this node: it answers alone while Redis
 * is unreachable, and it is written back whole when Redis returns ({@link #resync()}), which also
 * repairs what a restarted Redis lost. Every change of the copy and its write to Redis happen
 * under one lock, and all writes share one connection, so Redis receives them in the order the
 * copy changed, even when a resync runs at the same time as joins.
 * <pre>HGETALL xs:presence:room:1  →  {q3…: "17|node|{client}", …}</pre>
 */
final class RedisRoster implements Roster {
    /** A member that vanished with its node. */
    record Departed(String channel, ClientInfo client) {
    }

    private static final byte[] ADD = Scripts.ADD.getBytes(StandardCharsets.UTF_8);
    private static final byte[] SYNC = Scripts.SYNC.getBytes(StandardCharsets.UTF_8);
    private static final byte[] REAP = Scripts.REAP.getBytes(StandardCharsets.UTF_8);

    private final String node;
    private final RedisCommands<String, byte[]> sync;
    private final RedisAsyncCommands<String, byte[]> async;
    /** Whether Redis can be asked: while it is down or hung, reads answer from this node alone at once. */
    private final BooleanSupplier linked;
    private final Object lock = new Object();
    private final Map<String, Map<String, ClientInfo>> local = new ConcurrentHashMap<>();

    RedisRoster(String node, RedisCommands<String, byte[]> sync, RedisAsyncCommands<String, byte[]> async,
                BooleanSupplier linked) {
        this.node = node;
        this.sync = sync;
        this.async = async;
        this.linked = linked;
    }

    /** Whether this node has members in the channel: deliveries for other channels are dropped. */
    boolean hasLocal(String channel) {
        return local.containsKey(channel);
    }

    @Override
    public boolean add(String channel, ClientInfo client) {
        synchronized (lock) {
            if (local.computeIfAbsent(channel, k -> new LinkedHashMap<>()).putIfAbsent(client.socketId(), client) != null) {
                return false;
            }
            write(() -> async.eval(ADD, ScriptOutputType.INTEGER,
                new String[] {RedisKeys.presence(channel), RedisKeys.nodeChannels(node), RedisKeys.JOIN_SEQUENCE},
                bytes(client.socketId()), bytes(node), bytes(client.json()), bytes(channel)));
            return true;
        }
    }

    @Override
    public boolean remove(String channel, String socketId) {
        synchronized (lock) {
            Map<String, ClientInfo> members = local.get(channel);
            if (members == null || members.remove(socketId) == null) {
                return false;
            }
            boolean last = members.isEmpty();
            if (last) {
                local.remove(channel);
            }
            write(() -> async.hdel(RedisKeys.presence(channel), socketId));
            if (last) {
                write(() -> async.srem(RedisKeys.nodeChannels(node), bytes(channel)));
            }
            return true;
        }
    }

    /**
     * Members of every node in join order; this node's own ones from memory (those are the ones
     * a write may not have reached yet). Only this node's members while Redis cannot answer.
     */
    @Override
    public List<ClientInfo> members(String channel) {
        Map<String, ClientInfo> mine = localCopy(channel);
        if (!linked.getAsBoolean()) {
            return List.copyOf(mine.values());
        }
        Map<String, byte[]> stored;
        try {
            stored = sync.hgetall(RedisKeys.presence(channel));
        } catch (RedisException e) {
            return List.copyOf(mine.values());
        }
        List<StoredMember> found = new ArrayList<>();
        for (byte[] value : stored.values()) {
            StoredMember m = StoredMember.parse(value);
            if (m != null && (!m.node().equals(node) || mine.containsKey(m.client().socketId()))) {
                found.add(m);
            }
        }
        found.sort(Comparator.comparingLong(StoredMember::joinSeq));
        List<ClientInfo> members = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        for (StoredMember m : found) {
            ClientInfo c = m.node().equals(node) ? mine.get(m.client().socketId()) : m.client();
            members.add(c);
            listed.add(c.socketId());
        }
        for (ClientInfo c : mine.values()) {
            if (!listed.contains(c.socketId())) {
                members.add(c);
            }
        }
        return members;
    }

    @Override
    public Optional<ClientInfo> find(String channel, String socketId) {
        ClientInfo mine = localCopy(channel).get(socketId);
        if (mine != null) {
            return Optional.of(mine);
        }
        if (!linked.getAsBoolean()) {
            return Optional.empty();
        }
        try {
            byte[] value = sync.hget(RedisKeys.presence(channel), socketId);
            StoredMember m = value == null ? null : StoredMember.parse(value);
            return m == null || m.node().equals(node) ? Optional.empty() : Optional.of(m.client());
        } catch (RedisException e) {
            return Optional.empty();
        }
    }

    /**
     * Makes Redis hold exactly this node's members again, channel by channel: after Redis was
     * unreachable (changes meanwhile were not written) or restarted empty.
     */
    void resync() {
        Set<String> channels = new LinkedHashSet<>();
        for (byte[] channel : sync.smembers(RedisKeys.nodeChannels(node))) {
            channels.add(new String(channel, StandardCharsets.UTF_8));
        }
        synchronized (lock) {
            channels.addAll(local.keySet());
            for (String channel : channels) {
                List<byte[]> args = new ArrayList<>();
                args.add(bytes(node));
                args.add(bytes(channel));
                for (ClientInfo c : local.getOrDefault(channel, Map.of()).values()) {
                    args.add(bytes(c.socketId()));
                    args.add(bytes(c.json()));
                }
                write(() -> async.eval(SYNC, ScriptOutputType.INTEGER,
                    new String[] {RedisKeys.presence(channel), RedisKeys.nodeChannels(node),
                        RedisKeys.JOIN_SEQUENCE},
                    args.toArray(new byte[0][])));
            }
        }
    }

    /** This node stops: its remaining members leave Redis (their channels were told by the hub). */
    void leaveAll() {
        synchronized (lock) {
            local.clear();
        }
        resync();
    }

    /** Removes a node that stopped renewing its heartbeat, with its members; empty if another node got there first. */
    List<Departed> reap(String deadNode) {
        List<Object> gone = sync.eval(REAP, ScriptOutputType.MULTI,
            new String[] {RedisKeys.NODES, RedisKeys.nodeChannels(deadNode), RedisKeys.reaped(deadNode)},
            bytes(deadNode), bytes(RedisKeys.PRESENCE_PREFIX));
        List<Departed> departed = new ArrayList<>();
        for (int i = 0; i + 1 < gone.size(); i += 2) {
            ClientInfo client = StoredMember.client(new String((byte[]) gone.get(i + 1), StandardCharsets.UTF_8));
            if (client != null) {
                departed.add(new Departed(new String((byte[]) gone.get(i), StandardCharsets.UTF_8), client));
            }
        }
        return departed;
    }

    /** This node's members, channel by channel (a copy). */
    Map<String, List<ClientInfo>> localMembers() {
        synchronized (lock) {
            Map<String, List<ClientInfo>> copy = new LinkedHashMap<>();
            local.forEach((channel, members) -> copy.put(channel, List.copyOf(members.values())));
            return copy;
        }
    }

    private Map<String, ClientInfo> localCopy(String channel) {
        synchronized (lock) {
            Map<String, ClientInfo> members = local.get(channel);
            return members == null ? Map.of() : new LinkedHashMap<>(members);
        }
    }

    /** Sends a write without waiting; one that fails (Redis unreachable) is repaired by the next resync. */
    private static void write(Supplier<?> command) {
        try {
            command.get();
        } catch (RedisException e) {
            // Redis is unreachable: the resync after reconnection writes the current state.
        }
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
