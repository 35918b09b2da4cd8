package xs.interp;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The time limit of one run. A shared timer flips a flag when it passes; loops, lambdas and
 * sleeps look at the flag, so a runaway script ends with an error instead of hanging.
 */
public final class Deadline {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "xs-deadline");
        t.setDaemon(true);
        return t;
    });

    private final long millis;
    private final long startNanos = System.nanoTime();
    private final ScheduledFuture<?> task;
    private volatile boolean expired;

    private Deadline(long millis) {
        this.millis = millis;
        this.task = millis > 0 ? TIMER.schedule(() -> expired = true, millis, TimeUnit.MILLISECONDS) : null;
    }

    /** Starts a deadline; 0 or less means none. */
    public static Deadline start(long millis) {
        return new Deadline(millis);
    }

    public boolean expired() {
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

    /** Releases the timer entry once the run is over. */
    public void cancel() {
        if (task != null) {
            task.cancel(false);
        }
    }

    /** Fails the run if the deadline has passed. */
    public void check() {
        if (expired) {
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
