package xs.services.cache;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import xs.interp.KeyValueStore;

/**
 * The {@code redis.*} store on a real Redis, shared by every xs node that names it with
 * {@code --broker redis://…}. Keys live under the prefix {@code xs:kv:} so they never meet the
 * realtime hub's keys; values are the scripts' JSON text.
 * <pre>xs serve api --broker redis://127.0.0.1:6379</pre>
 */
public final class RedisKeyValueStore implements KeyValueStore, AutoCloseable {
    static final String PREFIX = "xs:kv:";
    /** One window per key: the first call sets the expiry, atomically with the count. */
    private static final String HIT = "local n = redis.call('INCR', KEYS[1]) "
        + "if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end return n";

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final RedisCommands<String, String> redis;

    private RedisKeyValueStore(RedisClient client, StatefulRedisConnection<String, String> connection) {
        this.client = client;
        this.connection = connection;
        this.redis = connection.sync();
    }

    /** Connects to {@code redis://host:port[/db]}; the message of a failure says where and why. */
    public static RedisKeyValueStore connect(String url) throws Failure {
        RedisClient client;
        try {
            RedisURI uri = RedisURI.create(url);
            uri.setTimeout(Duration.ofSeconds(5));
            client = RedisClient.create(uri);
        } catch (IllegalArgumentException e) {
            throw new Failure("the Redis URL is not valid: " + e.getMessage());
        }
        try {
            return new RedisKeyValueStore(client, client.connect());
        } catch (RedisException e) {
            client.shutdown(0, 2, TimeUnit.SECONDS);
            throw new Failure("cannot connect to Redis for redis.* statements: " + e.getMessage());
        }
    }

    private interface Call<T> {
        T run();
    }

    private static <T> T call(String key, Call<T> c) throws Failure {
        try {
            return c.run();
        } catch (RedisException e) {
            String m = String.valueOf(e.getMessage());
            if (m.startsWith("WRONGTYPE")) {
                throw new Failure("the key \"" + key + "\" holds another kind of value");
            }
            if (m.contains("not an integer")) {
                throw new Failure("the key \"" + key + "\" does not hold a whole number");
            }
            throw new Failure("Redis failed: " + m);
        }
    }

    @Override
    public String get(String key) throws Failure {
        return call(key, () -> redis.get(PREFIX + key));
    }

    @Override
    public void set(String key, String value, long ttlMillis) throws Failure {
        call(key, () -> ttlMillis > 0 ? redis.set(PREFIX + key, value, SetArgs.Builder.px(ttlMillis))
            : redis.set(PREFIX + key, value));
    }

    @Override
    public boolean has(String key) throws Failure {
        return call(key, () -> redis.exists(PREFIX + key)) > 0;
    }

    @Override
    public void delete(String key) throws Failure {
        call(key, () -> redis.del(PREFIX + key));
    }

    @Override
    public long increment(String key, long by) throws Failure {
        return call(key, () -> redis.incrby(PREFIX + key, by));
    }

    @Override
    public List<String> keys(String glob) throws Failure {
        List<String> out = new ArrayList<>();
        call(glob, () -> {
            ScanCursor cursor = ScanCursor.INITIAL;
            ScanArgs args = ScanArgs.Builder.matches(PREFIX + glob).limit(500);
            do {
                KeyScanCursor<String> page = redis.scan(cursor, args);
                for (String k : page.getKeys()) {
                    out.add(k.substring(PREFIX.length()));
                }
                cursor = page;
            } while (!cursor.isFinished());
            return null;
        });
        out.sort(null);
        return out.stream().distinct().toList();
    }

    @Override
    public long push(String key, String value, boolean front) throws Failure {
        return call(key, () -> front ? redis.lpush(PREFIX + key, value) : redis.rpush(PREFIX + key, value));
    }

    @Override
    public String pop(String key, boolean front) throws Failure {
        return call(key, () -> front ? redis.lpop(PREFIX + key) : redis.rpop(PREFIX + key));
    }

    @Override
    public List<String> range(String key, long start, long stop) throws Failure {
        return call(key, () -> redis.lrange(PREFIX + key, start, stop));
    }

    @Override
    public long length(String key) throws Failure {
        return call(key, () -> redis.llen(PREFIX + key));
    }

    @Override
    public long remove(String key, String value, long count) throws Failure {
        return call(key, () -> redis.lrem(PREFIX + key, count, value));
    }

    @Override
    public long hit(String key, long windowMillis) throws Failure {
        Long n = call(key, () -> redis.<Long>eval(HIT, ScriptOutputType.INTEGER, new String[] {PREFIX + key},
            Long.toString(Math.max(1, windowMillis))));
        return n;
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown(0, 2, TimeUnit.SECONDS);
    }
}
