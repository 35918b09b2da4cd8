package xs.interp;

/**
 * The time limit of one run. Loops, lambdas and sleeps ask whether it has passed, so a runaway
 * script ends with an error instead of hanging. The answer reads the clock when asked: no timer
 * entry per run (a shared timer queued one per HTTP request, under one lock, and kept each
 * cancelled entry for the whole limit).
 * <pre>Deadline d = Deadline.start(30_000); … d.check();   // XS0303 once 30 s have passed</pre>
 */
public final class Deadline {
    private final long millis;
    private final long startNanos = System.nanoTime();
    private final long endNanos;
    private volatile boolean expired;

    private Deadline(long millis) {
        this.millis = millis;
        this.endNanos = startNanos + millis * 1_000_000L;
    }

    /** Starts a deadline; 0 or less means none. */
    public static Deadline start(long millis) {
        return new Deadline(millis);
    }

    /** Whether the limit has passed (once it has, it stays passed). */
    public boolean expired() {
        if (expired) {
            return true;
        }
        if (millis > 0 && System.nanoTime() - endNanos >= 0) {
            expired = true;
        }
        return expired;
    }

    public long millis() {
        return millis;
    }

    /** Milliseconds left before the limit (0 once it has passed), or -1 when there is no limit. */
    public long remainingMillis() {
        if (millis <= 0) {
            return -1;
        }
        return Math.max(0, millis - (System.nanoTime() - startNanos) / 1_000_000);
    }

    /** Fails the run if the deadline has passed. */
    public void check() {
        if (expired()) {
            throw timeout();
        }
    }

    XsError timeout() {
        return XsError.runtime(null, "the script ran longer than its " + seconds() + " limit (set it with --timeout)")
            .withCode(xs.diag.Code.XS0303);
    }

    private String seconds() {
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
