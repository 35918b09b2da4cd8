package xs.db;

import java.util.function.Supplier;

/**
 * How long the database statements of this thread may still take: what is left of the run that
 * issues them, so no statement outlives its run. The interpreter wraps each {@code db.*}
 * statement in {@link #within}; an engine with a server behind it reads {@link #remainingMillis}
 * and cancels what runs longer. A run started inside another on the same thread (a table trigger
 * fired by a write) keeps the earlier of the two limits.
 *
 * <pre>db.query note { where = $db.note.body == "x" } as $rows   // TimeLeft.within(run's time left, …)</pre>
 */
public final class TimeLeft {
    /** No limit on this thread. */
    private static final long NONE = Long.MIN_VALUE;
    private static final ThreadLocal<long[]> END = ThreadLocal.withInitial(() -> new long[] {NONE});

    private TimeLeft() {
    }

    /**
     * Runs body with at most millis left for its statements (negative: no limit of its own, only
     * an enclosing one), then restores the limit that was in force before.
     */
    public static <T> T within(long millis, Supplier<T> body) {
        if (millis < 0) {
            return body.get();
        }
        long[] end = END.get();
        long before = end[0];
        long mine = System.nanoTime() + millis * 1_000_000L;
        end[0] = before == NONE || mine - before < 0 ? mine : before;
        try {
            return body.get();
        } finally {
            end[0] = before;
        }
    }

    /** Milliseconds this thread's statements have left (0 once the time is up), or -1 when nothing limits them. */
    public static long remainingMillis() {
        long end = END.get()[0];
        if (end == NONE) {
            return -1;
        }
        return Math.max(0, (end - System.nanoTime()) / 1_000_000L);
    }
}
