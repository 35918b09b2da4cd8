package xs.realtime.redis;

import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import xs.realtime.HistoryStore;

/**
 * Each channel's history as one Redis list, trimmed to the channel's message_history and read
 * oldest first by any node. While Redis is unreachable a node keeps and reads its own
 * {@link FallbackHistory} instead. Frames published by the hub are stored together with their
 * delivery ({@link RedisBroker#publish(xs.realtime.Delivery, HistoryStore.Entry, int)}); this
 * class stores the rest and reads.
 * <pre>LRANGE xs:history:announcements 0 -1</pre>
 */
final class RedisHistory implements HistoryStore {
    private static final byte[] KEEP = Scripts.KEEP.getBytes(StandardCharsets.UTF_8);

    private final RedisCommands<String, byte[]> sync;
    private final RedisAsyncCommands<String, byte[]> async;
    private final RedisLink link;
    private final FallbackHistory fallback;

    RedisHistory(RedisCommands<String, byte[]> sync, RedisAsyncCommands<String, byte[]> async, RedisLink link,
                 FallbackHistory fallback) {
        this.sync = sync;
        this.async = async;
        this.link = link;
        this.fallback = fallback;
    }

    @Override
    public void append(String channel, Entry entry, int limit) {
        if (limit <= 0) {
            return;
        }
        if (!link.up()) {
            fallback.append(channel, entry, limit);
            return;
        }
        try {
            async.eval(KEEP, ScriptOutputType.INTEGER, new String[] {RedisKeys.history(channel)},
                RedisRoster.bytes(String.valueOf(limit)), DeliveryCodec.encode(entry));
        } catch (RedisException e) {
            fallback.append(channel, entry, limit);
        }
    }

    @Override
    public List<Entry> read(String channel) {
        if (!link.up()) {
            return fallback.read(channel);
        }
        try {
            List<Entry> entries = new ArrayList<>();
            for (byte[] stored : sync.lrange(RedisKeys.history(channel), 0, -1)) {
                if (stored.length > 0) {
                    entries.add(DeliveryCodec.decodeEntry(stored));
                }
            }
            return entries;
        } catch (RedisException e) {
            return fallback.read(channel);
        }
    }
}
