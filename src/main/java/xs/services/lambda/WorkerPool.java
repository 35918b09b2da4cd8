package xs.services.lambda;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Deno workers: idle ones wait for calls, the most recently used first (it is the warmest);
 * a call that finds none idle starts one while fewer than the maximum run, else it waits for
 * one to come back. A worker that failed a call is killed and a replacement starts in the
 * background; workers idle for a minute beyond the first are stopped. A watchdog stops a busy
 * worker whose memory passes the limit (the V8 heap limit does not cover array buffers).
 */
final class WorkerPool implements AutoCloseable {
    private static final long IDLE_MILLIS = 60_000;
    /** A worker that has loaded this many distinct modules is replaced, since each stays in its memory. */
    private static final int MAX_MODULES = 500;

    private final LambdaSettings settings;
    private final WorkFolder folder;
    private final Deque<Idle> idle = new ArrayDeque<>();
    private final List<Worker> all = new ArrayList<>();
    private final AtomicInteger numbers = new AtomicInteger();
    private final ScheduledExecutorService timer;
    private final ExecutorService starter;
    private int starting;
    private boolean closed;

    private record Idle(Worker worker, long since) {
    }

    WorkerPool(LambdaSettings settings, WorkFolder folder) {
        this.settings = settings;
        this.folder = folder;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "xs-lambda-watchdog"));
        this.starter = Executors.newSingleThreadExecutor(r -> daemon(r, "xs-lambda-starter"));
        timer.scheduleWithFixedDelay(this::watch, 50, 50, TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(this::retireIdle, IDLE_MILLIS / 2, IDLE_MILLIS / 2, TimeUnit.MILLISECONDS);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** A worker for one call, waiting up to {@code waitMillis} when all are busy. */
    Worker acquire(long waitMillis) throws WorkerFailure {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
        synchronized (this) {
            while (true) {
                if (closed) {
                    throw new WorkerFailure(WorkerFailure.Kind.START, "the lambda runtime is shutting down");
                }
                Idle ready = idle.pollFirst();
                if (ready != null) {
                    if (ready.worker().alive()) {
                        return ready.worker();
                    }
                    all.remove(ready.worker());
                    continue;
                }
                if (all.size() + starting < settings.maxWorkers()) {
                    starting++;
                    break;
                }
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    throw new WorkerFailure(WorkerFailure.Kind.BUSY, "waited " + Math.max(1, waitMillis / 1000)
                        + " s for a free worker: all " + settings.maxWorkers() + " were busy (XS_LAMBDA_WORKERS sets"
                        + " how many may run)");
                }
                try {
                    wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new WorkerFailure(WorkerFailure.Kind.BUSY, "interrupted while waiting for a worker");
                }
            }
        }
        return startCounted();
    }

    private Worker startCounted() throws WorkerFailure {
        Worker w = null;
        try {
            w = Worker.start(settings, folder, numbers.incrementAndGet());
            return w;
        } finally {
            synchronized (this) {
                starting--;
                if (w != null) {
                    all.add(w);
                }
                if (closed && w != null) {
                    w.kill();
                }
                notifyAll();
            }
        }
    }

    /** Gives a worker back after a call it answered. */
    void release(Worker w) {
        boolean keep;
        synchronized (this) {
            keep = !closed && w.alive() && w.modulesLoaded() < MAX_MODULES;
            if (keep) {
                idle.addFirst(new Idle(w, System.nanoTime()));
            } else {
                all.remove(w);
            }
            notifyAll();
        }
        if (!keep) {
            w.kill();
        }
    }

    /** Kills a worker that failed a call, and starts a replacement so the next call finds one warm. */
    void discard(Worker w) {
        w.kill();
        synchronized (this) {
            all.remove(w);
            notifyAll();
            if (closed || !idle.isEmpty() || all.size() + starting >= settings.maxWorkers()) {
                return;
            }
            starting++;
        }
        starter.execute(() -> {
            try {
                release(startCounted());
            } catch (WorkerFailure e) {
                // the next call starts one itself and reports why it cannot
            }
        });
    }

    /** Starts one worker in the background, so the first call does not wait for Deno to start. */
    void warm() {
        synchronized (this) {
            if (closed || !all.isEmpty() || starting > 0) {
                return;
            }
            starting++;
        }
        starter.execute(() -> {
            try {
                release(startCounted());
            } catch (WorkerFailure e) {
                // reported by the first call
            }
        });
    }

    /** How many worker processes are running (started and not yet stopped). */
    synchronized int size() {
        return all.size();
    }

    private void watch() {
        long limit = (long) settings.memoryMb() * 2 * 1024 * 1024;
        List<Worker> busy;
        synchronized (this) {
            busy = new ArrayList<>(all);
        }
        for (Worker w : busy) {
            if (w.busy() && w.residentBytes() > limit) {
                w.fail(new WorkerFailure(WorkerFailure.Kind.MEMORY, "its worker's memory passed " + limit / (1024 * 1024)
                    + " MB"));
            }
        }
    }

    private void retireIdle() {
        List<Worker> stop = new ArrayList<>();
        synchronized (this) {
            long now = System.nanoTime();
            while (idle.size() > 1 && now - idle.peekLast().since() > TimeUnit.MILLISECONDS.toNanos(IDLE_MILLIS)) {
                Worker w = idle.pollLast().worker();
                all.remove(w);
                stop.add(w);
            }
        }
        stop.forEach(Worker::kill);
    }

    @Override
    public void close() {
        List<Worker> stop;
        synchronized (this) {
            closed = true;
            stop = new ArrayList<>(all);
            all.clear();
            idle.clear();
            notifyAll();
        }
        stop.forEach(Worker::kill);
        timer.shutdownNow();
        starter.shutdownNow();
    }
}
