package xs.services;

import java.util.function.LongSupplier;
import xs.interp.KeyValueStore;
import xs.interp.Outside;
import xs.services.cache.MemoryKeyValueStore;
import xs.services.cache.RedisKeyValueStore;
import xs.services.httpclient.JdkHttpRequests;

/**
 * The services {@code xs run}, {@code xs test} and {@code xs serve} give scripts: real HTTP
 * through java.net.http and an in-process key-value store for {@code redis.*}, or a real Redis
 * when {@code xs serve --broker redis://…} names one.
 * <pre>Services s = Services.of(db, sink, env, timeout).with(StandardOutside.create());</pre>
 */
public final class StandardOutside {
    /** One client for the process: its connection pools are shared by every run. */
    private static volatile JdkHttpRequests http;

    private StandardOutside() {
    }

    /** Each call gets its own in-process store (a test run starts empty). */
    public static Outside create() {
        return create(System::currentTimeMillis);
    }

    /** With the clock the store's expiry times are read from. */
    public static Outside create(LongSupplier clock) {
        return Outside.none().withHttp(http()).withCache(new MemoryKeyValueStore(clock));
    }

    /** The store on the Redis at {@code url} (the realtime broker's), shared by every node. */
    public static Outside withRedis(String url) throws KeyValueStore.Failure {
        return create().withCache(RedisKeyValueStore.connect(url));
    }

    private static JdkHttpRequests http() {
        JdkHttpRequests h = http;
        if (h == null) {
            synchronized (StandardOutside.class) {
                if (http == null) {
                    http = new JdkHttpRequests();
                }
                h = http;
            }
        }
        return h;
    }
}
