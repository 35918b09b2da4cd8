package xs.interp;

import java.util.List;

/**
 * What the {@code redis.*} statements run against: keys holding a text value (a script value as
 * JSON) or a list of them, each key with an optional expiry. {@code xs.services.cache} has an
 * in-process store and one on a real Redis ({@code --broker redis://…}).
 * <pre>redis.set { key = "session:1" data = $session ttl = 3600 }</pre>
 */
public interface KeyValueStore {
    /** The stored text, or null when the key is missing or expired. */
    String get(String key) throws Failure;

    /** Stores text under the key, replacing what was there; ttlMillis 0 keeps it until deleted. */
    void set(String key, String value, long ttlMillis) throws Failure;

    boolean has(String key) throws Failure;

    void delete(String key) throws Failure;

    /** Adds {@code by} to the whole number at the key (0 when missing), keeping its expiry. */
    long increment(String key, long by) throws Failure;

    /** Keys matching a glob ({@code *}, {@code ?}, {@code [abc]}), sorted. */
    List<String> keys(String glob) throws Failure;

    /** Appends (or prepends when {@code front}); returns the new length. */
    long push(String key, String value, boolean front) throws Failure;

    /** Removes and returns the last (or first when {@code front}) element; null when empty. */
    String pop(String key, boolean front) throws Failure;

    /** Elements start..stop inclusive; negative indexes count from the end, as in Redis. */
    List<String> range(String key, long start, long stop) throws Failure;

    long length(String key) throws Failure;

    /** Removes up to {@code count} elements equal to value (all when 0); returns how many. */
    long remove(String key, String value, long count) throws Failure;

    /**
     * Counts one call against the key's window: the first call of a window starts it with the
     * given length. Returns the calls counted in the current window, this one included.
     */
    long hit(String key, long windowMillis) throws Failure;

    /** A store that cannot answer (Redis down, a key of the wrong type); the message says which. */
    final class Failure extends Exception {
        public Failure(String message) {
            super(message);
        }
    }

    /** For runs without a store. */
    KeyValueStore NONE = new KeyValueStore() {
        private Failure none() {
            return new Failure("no key-value store is configured for this run");
        }

        @Override
        public String get(String key) throws Failure {
            throw none();
        }

        @Override
        public void set(String key, String value, long ttlMillis) throws Failure {
            throw none();
        }

        @Override
        public boolean has(String key) throws Failure {
            throw none();
        }

        @Override
        public void delete(String key) throws Failure {
            throw none();
        }

        @Override
        public long increment(String key, long by) throws Failure {
            throw none();
        }

        @Override
        public List<String> keys(String glob) throws Failure {
            throw none();
        }

        @Override
        public long push(String key, String value, boolean front) throws Failure {
            throw none();
        }

        @Override
        public String pop(String key, boolean front) throws Failure {
            throw none();
        }

        @Override
        public List<String> range(String key, long start, long stop) throws Failure {
            throw none();
        }

        @Override
        public long length(String key) throws Failure {
            throw none();
        }

        @Override
        public long remove(String key, String value, long count) throws Failure {
            throw none();
        }

        @Override
        public long hit(String key, long windowMillis) throws Failure {
            throw none();
        }
    };
}
