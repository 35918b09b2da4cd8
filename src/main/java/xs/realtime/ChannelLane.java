package xs.realtime;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs the work of one concrete channel one task at a time, in submission order, on the worker
 * pool: that is what keeps messages and events of a channel in the order they were accepted,
 * while different channels proceed in parallel. Frames queued during a batch are flushed to the
 * sockets at its end ({@link WriteBatch}), so a busy channel writes several frames per system call.
 */
final class ChannelLane implements Runnable {
    /** Tasks run per turn before the lane yields the worker to other channels. */
    private static final int TURN = 64;
    /** The longest frames wait in a batch before their sockets are woken. */
    private static final long MAX_HOLD_NANOS = 1_000_000;

    private final String channel;
    private final Executor workers;
    private final Runnable onIdle;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean();

    ChannelLane(String channel, Executor workers, Runnable onIdle) {
        this.channel = channel;
        this.workers = workers;
        this.onIdle = onIdle;
    }

    void submit(Runnable task) {
        tasks.add(task);
        if (running.compareAndSet(false, true)) {
            workers.execute(this);
        }
    }

    /** True when no task is queued or running: the lane may be dropped. */
    boolean idle() {
        return !running.get() && tasks.isEmpty();
    }

    @Override
    public void run() {
        WriteBatch.begin();
        long batchStart = System.nanoTime();
        try {
            for (int i = 0; i < TURN; i++) {
                Runnable task = tasks.poll();
                if (task == null) {
                    break;
                }
                try {
                    task.run();
                } catch (RuntimeException e) {
                    System.err.println("xs serve: internal error in channel " + channel + ": " + e);
                }
                // Coalescing must not cost latency: frames held for a millisecond go out now.
                long now = System.nanoTime();
                if (now - batchStart > MAX_HOLD_NANOS) {
                    WriteBatch.flush();
                    batchStart = now;
                }
            }
        } finally {
            WriteBatch.end();
            running.set(false);
        }
        if (!tasks.isEmpty() && running.compareAndSet(false, true)) {
            workers.execute(this);
        } else {
            onIdle.run();
        }
    }
}
