package xs.realtime;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The channels one connection has joined, for leaving them all when it closes. Most connections
 * join one or a few, and an idle connection should cost little: the names sit in a small array
 * (none allocated before the first join), and past {@value #SMALL} in a hash set, so a client that
 * joins thousands still adds and removes in constant time. Lanes of different channels change it
 * concurrently, hence the lock.
 * <pre>joined.add("room:1"); … for (String ch : joined.snapshot()) leave(ch);</pre>
 */
final class JoinedChannels {
    private static final int SMALL = 8;

    private String[] few;
    private int count;
    private Set<String> many;

    synchronized void add(String channel) {
        if (many != null) {
            many.add(channel);
            return;
        }
        if (few == null) {
            few = new String[2];
        } else if (count == few.length) {
            if (count == SMALL) {
                many = new HashSet<>(Arrays.asList(few));
                many.add(channel);
                few = null;
                count = 0;
                return;
            }
            few = Arrays.copyOf(few, count * 2);
        }
        few[count++] = channel;
    }

    synchronized void remove(String channel) {
        if (many != null) {
            many.remove(channel);
            return;
        }
        for (int i = 0; i < count; i++) {
            if (few[i].equals(channel)) {
                few[i] = few[--count];
                few[count] = null;
                if (count == 0) {
                    few = null;
                }
                return;
            }
        }
    }

    /** A copy: leaving a channel removes it from here while the caller iterates. */
    synchronized List<String> snapshot() {
        return many != null ? List.copyOf(many) : few == null ? List.of() : List.of(Arrays.copyOf(few, count));
    }
}
