package xs.interp;

/**
 * The services through which statements reach outside the stack (HTTP, the key-value store,
 * files, mail). The interpreter owns the interfaces; packages under {@code xs.services}
 * implement them and the command line wires them, so a test can swap any one.
 */
public record Outside(HttpRequests http, KeyValueStore cache, FileStore files, Outbox mail) {
    /** Nothing configured: each statement that needs a service fails saying so. */
    public static Outside none() {
        return new Outside(HttpRequests.NONE, KeyValueStore.NONE, FileStore.NONE, Outbox.NONE);
    }

    public Outside withHttp(HttpRequests client) {
        return new Outside(client, cache, files, mail);
    }

    public Outside withCache(KeyValueStore store) {
        return new Outside(http, store, files, mail);
    }

    public Outside withFiles(FileStore store) {
        return new Outside(http, cache, store, mail);
    }

    public Outside withMail(Outbox outbox) {
        return new Outside(http, cache, files, outbox);
    }
}
