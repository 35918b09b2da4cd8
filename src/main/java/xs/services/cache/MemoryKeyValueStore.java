package xs.services.cache;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import xs.interp.KeyValueStore;

/**
 * The {@code redis.*} store of one xs process: a map with expiry times read from a clock (the
 * run's, so a test can move time). Expired keys are dropped when touched and, so that a store
 * written in a loop with TTLs does not only grow, on every thousandth write.
 * <pre>redis.incr { key = "visits" by = 1 } as $count</pre>
 */
public final class MemoryKeyValueStore implements KeyValueStore {
    private final LongSupplier clock;
    private final Map<String, Entry> entries = new HashMap<>();
    private long writes;

    /** A text value or a list, and when it expires (0: never). */
    private static final class Entry {
        Object value;
        long expiresAt;

        Entry(Object value, long expiresAt) {
            this.value = value;
            this.expiresAt = expiresAt;
        }
    }

    public MemoryKeyValueStore(LongSupplier clock) {
        this.clock = clock;
    }

    private Entry live(String key) {
        Entry e = entries.get(key);
        if (e != null && e.expiresAt != 0 && e.expiresAt <= clock.getAsLong()) {
            entries.remove(key);
            return null;
        }
        return e;
    }

    private void wrote() {
        if (++writes % 1000 == 0) {
            long now = clock.getAsLong();
            entries.values().removeIf(e -> e.expiresAt != 0 && e.expiresAt <= now);
        }
    }

    @Override
    public synchronized String get(String key) throws Failure {
        Entry e = live(key);
        if (e == null) {
            return null;
        }
        if (!(e.value instanceof String s)) {
            throw new Failure("the key \"" + key + "\" holds a list (use redis.range)");
        }
        return s;
    }

    @Override
    public synchronized void set(String key, String value, long ttlMillis) {
        entries.put(key, new Entry(value, ttlMillis > 0 ? clock.getAsLong() + ttlMillis : 0));
        wrote();
    }

    @Override
    public synchronized boolean has(String key) {
        return live(key) != null;
    }

    @Override
    public synchronized void delete(String key) {
        entries.remove(key);
    }

    @Override
    public synchronized long increment(String key, long by) throws Failure {
        Entry e = live(key);
        long current = 0;
        if (e != null) {
            current = whole(key, e.value);
        }
        long next;
        try {
            next = Math.addExact(current, by);
        } catch (ArithmeticException overflow) {
            throw new Failure("incrementing the key \"" + key + "\" overflows");
        }
        if (e == null) {
            entries.put(key, new Entry(Long.toString(next), 0));
        } else {
            e.value = Long.toString(next);
        }
        wrote();
        return next;
    }

    private static long whole(String key, Object value) throws Failure {
        if (value instanceof String s) {
            try {
                return Long.parseLong(s.strip());
            } catch (NumberFormatException notWhole) {
                // reported below
            }
        }
        throw new Failure("the key \"" + key + "\" does not hold a whole number");
    }

    @Override
    public synchronized List<String> keys(String glob) {
        Pattern p = Globs.pattern(glob);
        List<String> out = new ArrayList<>();
        for (String k : new ArrayList<>(entries.keySet())) {
            if (live(k) != null && p.matcher(k).matches()) {
                out.add(k);
            }
        }
        out.sort(null);
        return out;
    }

    @SuppressWarnings("unchecked")
    private Deque<String> list(String key, boolean create) throws Failure {
        Entry e = live(key);
        if (e == null) {
            if (!create) {
                return null;
            }
            e = new Entry(new ArrayDeque<String>(), 0);
            entries.put(key, e);
        }
        if (!(e.value instanceof Deque<?>)) {
            throw new Failure("the key \"" + key + "\" does not hold a list");
        }
        return (Deque<String>) e.value;
    }

    @Override
    public synchronized long push(String key, String value, boolean front) throws Failure {
        Deque<String> l = list(key, true);
        if (front) {
            l.addFirst(value);
        } else {
            l.addLast(value);
        }
        wrote();
        return l.size();
    }

    @Override
    public synchronized String pop(String key, boolean front) throws Failure {
        Deque<String> l = list(key, false);
        if (l == null || l.isEmpty()) {
            return null;
        }
        String v = front ? l.pollFirst() : l.pollLast();
        if (l.isEmpty()) {
            entries.remove(key);
        }
        return v;
    }

    @Override
    public synchronized List<String> range(String key, long start, long stop) throws Failure {
        Deque<String> l = list(key, false);
        if (l == null) {
            return List.of();
        }
        List<String> all = new ArrayList<>(l);
        int n = all.size();
        long from = start < 0 ? Math.max(0, n + start) : start;
        long to = stop < 0 ? n + stop : Math.min(stop, n - 1);
        if (from > to || from >= n) {
            return List.of();
        }
        return new ArrayList<>(all.subList((int) from, (int) to + 1));
    }

    @Override
    public synchronized long length(String key) throws Failure {
        Deque<String> l = list(key, false);
        return l == null ? 0 : l.size();
    }

    @Override
    public synchronized long remove(String key, String value, long count) throws Failure {
        Deque<String> l = list(key, false);
        if (l == null) {
            return 0;
        }
        long removed = 0;
        Iterator<String> it = count < 0 ? l.descendingIterator() : l.iterator();
        long limit = count == 0 ? Long.MAX_VALUE : Math.abs(count);
        while (it.hasNext() && removed < limit) {
            if (it.next().equals(value)) {
                it.remove();
                removed++;
            }
        }
        if (l.isEmpty()) {
            entries.remove(key);
        }
        return removed;
    }

    @Override
    public synchronized long hit(String key, long windowMillis) throws Failure {
        Entry e = live(key);
        if (e == null) {
            entries.put(key, new Entry("1", clock.getAsLong() + Math.max(1, windowMillis)));
            wrote();
            return 1;
        }
        long n = whole(key, e.value) + 1;
        e.value = Long.toString(n);
        return n;
    }
}
