package xs.services;

import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import xs.interp.KeyValueStore;
import xs.interp.Outside;
import xs.services.cache.MemoryKeyValueStore;
import xs.services.cache.RedisKeyValueStore;
import xs.services.httpclient.JdkHttpRequests;
import xs.services.mail.LocalOutbox;
import xs.services.storage.FolderFileStore;

/**
 * The services {@code xs run}, {@code xs test} and {@code xs serve} give scripts: real HTTP
 * through java.net.http, an in-process key-value store for {@code redis.*} (or a real Redis when
 * {@code xs serve --broker redis://…} names one), files in a folder of the data directory
 * (or a temporary folder) and an outbox that keeps emails instead of sending them.
 * <pre>Services s = Services.of(db, sink, env, timeout).with(StandardOutside.create());</pre>
 */
public final class StandardOutside {
    /** Where file URLs point until a server says where it listens. */
    static final String LOCAL_URL = "http://localhost";
    /** One client for the process: its connection pools are shared by every run. */
    private static volatile JdkHttpRequests http;

    private StandardOutside() {
    }

    /**
     * Each call gets its own in-process store, temporary file folder and outbox (a test run starts
     * empty); kept emails are reported on stderr.
     */
    public static Outside create() {
        return create(System::currentTimeMillis, null, System.err::println);
    }

    /**
     * With the clock expiry times are read from, the data directory files ({@code files/}) and
     * emails ({@code outbox.jsonl}) are kept in (null: a temporary folder, memory), and where
     * kept emails are reported.
     */
    public static Outside create(LongSupplier clock, Path dataDir, Consumer<String> log) {
        FolderFileStore files = dataDir == null ? FolderFileStore.temporary(LOCAL_URL, clock) : kept(dataDir, clock, log);
        LocalOutbox mail = new LocalOutbox(log, dataDir == null ? null : dataDir.resolve("outbox.jsonl"));
        return Outside.none().withHttp(http()).withCache(new MemoryKeyValueStore(clock)).withFiles(files).withMail(mail);
    }

    /** Files in {@code dataDir/files}, signed with the key in {@code dataDir/files-key} that every node sharing the folder uses. */
    private static FolderFileStore kept(Path dataDir, LongSupplier clock, Consumer<String> log) {
        Path keyFile = dataDir.resolve("files-key");
        try {
            return new FolderFileStore(dataDir.resolve("files"), LOCAL_URL, clock, FolderFileStore.keptKey(keyFile));
        } catch (java.io.IOException e) {
            log.accept("xs: cannot keep the key that signs private file URLs in " + keyFile + " (" + e.getMessage()
                + "): URLs signed here work on this process only, until it stops");
            return new FolderFileStore(dataDir.resolve("files"), LOCAL_URL, clock);
        }
    }

    /** The store on the Redis at {@code url} (the realtime broker's), shared by every node. */
    public static Outside withRedis(Outside outside, String url) throws KeyValueStore.Failure {
        return outside.withCache(RedisKeyValueStore.connect(url));
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
