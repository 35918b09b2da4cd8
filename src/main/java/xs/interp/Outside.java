package xs.interp;

/**
 * The services through which statements reach outside the stack (HTTP, the key-value store,
 * files, mail). The interpreter owns the interfaces; packages under {@code xs.services}
 * implement them and the command line wires them, so a test can swap any one.
 */
public record Outside(HttpRequests http, KeyValueStore cache, FileStore files) {
    /** Nothing configured: each statement that needs a service fails saying so. */
    public static Outside none() {
        return new Outside(HttpRequests.NONE, KeyValueStore.NONE, FileStore.NONE);
    }

    public Outside withHttp(HttpRequests client) {
        return new Outside(client, cache, files);
    }

    public Outside withCache(KeyValueStore store) {
        return new Outside(http, store, files);
    }

    public Outside withFiles(FileStore store) {
        return new Outside(http, cache, store);
    }
}
