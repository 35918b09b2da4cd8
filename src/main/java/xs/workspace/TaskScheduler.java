package xs.workspace;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import xs.ast.Construct;
import xs.interp.Identity;
import xs.interp.Interpreter;
import xs.interp.Json;
import xs.interp.Outcome;

/**
 * Runs a workspace's {@code task} blocks on their schedules while {@code xs serve} runs: each
 * task at {@code starts_on + k*freq} (UTC), an occurrence that comes due while the previous run
 * is still going is skipped, nothing runs past {@code ends_on}, and {@code active = false} tasks
 * run only when asked. Time comes from one place, the interpreter's clock ({@link
 * xs.interp.Services#clock()}): {@link #tick()} runs what is due at that clock's now, so a test
 * with its own clock drives the schedule without sleeping, and {@link #start()} ticks it with
 * real time. Every run prints a line when it starts and one when it ends, naming the task and
 * the run. Each run goes through the task's own {@code middleware}, else the branch's {@code task}
 * middleware ({@code branch.xs}), as in Xano.
 * <pre>task cleanup { stack { db.bulk.delete session { where = $db.session.expires_at < now } } schedule = [{starts_on: 2026-01-01 00:00:00+0000, freq: 60}] }</pre>
 */
public final class TaskScheduler implements AutoCloseable {
    /** How often the real-time driver looks at the clock at most; it wakes earlier for a due task. */
    private static final long MAX_SLEEP_MILLIS = 1000;

    /** One finished run. {@code occurrence} is the scheduled time, or the start time of a run asked for now. */
    public record Run(String task, long number, long occurrence, boolean scheduled, long startedAt, long millis,
                      boolean ok, String error) {
    }

    /** What the console shows of a task. */
    public record Status(String name, String description, boolean active, List<TaskSchedule.Series> schedule,
                         Long nextRun, boolean running, long skipped, Run lastRun, String problem) {
    }

    // Replaced together by {@link #reload}; a run uses those current when it starts.
    private volatile Interpreter interpreter;
    /** Whose middleware runs around each run: the task's own, else the branch's. */
    private volatile Workspace workspace;
    private volatile MiddlewareRunner middlewareRunner;
    private final LongSupplier clock;
    private final TaskLease lease;
    private final Executor runner;
    private final PrintStream log;
    private final Map<String, Entry> tasks = new LinkedHashMap<>();
    private final AtomicLong runs = new AtomicLong();
    private volatile Thread driver;
    private volatile boolean startAsked;
    private volatile boolean closed;

    /** A task's schedule and the state of its runs; a reload that keeps the task replaces its declaration. */
    private static final class Entry {
        Construct task;
        TaskSchedule schedule;
        boolean active;
        String problem;
        final AtomicBoolean running = new AtomicBoolean();
        final AtomicLong skipped = new AtomicLong();
        /** The next occurrence not yet handled, or -1 when the schedule has ended (or there is none). */
        long nextDue = -1;
        volatile Run last;

        Entry(Construct task, TaskSchedule schedule, boolean active, String problem) {
            this.task = task;
            this.schedule = schedule;
            this.active = active;
            this.problem = problem;
        }
    }

    /**
     * Reads every task's schedule; occurrences before the interpreter clock's now are not run.
     *
     * @param runner where runs execute (the scheduler itself never runs a stack)
     */
    public TaskScheduler(Interpreter interpreter, TaskLease lease, Executor runner, PrintStream log) {
        this(interpreter, Workspace.of(interpreter.program()), lease, runner, log);
    }

    /** @param workspace the workspace whose task middleware runs around every run */
    public TaskScheduler(Interpreter interpreter, Workspace workspace, TaskLease lease, Executor runner,
                         PrintStream log) {
        this.interpreter = interpreter;
        this.workspace = workspace;
        this.middlewareRunner = new MiddlewareRunner(interpreter);
        this.clock = interpreter.services().clock();
        this.lease = lease;
        this.runner = runner;
        this.log = log;
        long now = clock.getAsLong();
        for (Construct task : interpreter.program().all("task")) {
            tasks.put(task.name(), entry(task, now));
        }
    }

    /** A task read from its declaration, due at its first occurrence at or after now. */
    private Entry entry(Construct task, long now) {
        TaskSchedule schedule = new TaskSchedule(List.of());
        String problem = null;
        try {
            schedule = TaskSchedule.of(task, interpreter::constant);
        } catch (TaskSchedule.Invalid e) {
            problem = e.getMessage();
            log.println("xs serve: task " + task.name() + " is not scheduled: " + e.getMessage()
                + (e.span == null ? "" : " (" + e.span + ")"));
        }
        boolean active = !(constant(task, "active") instanceof Boolean b) || b;
        Entry entry = new Entry(task, schedule, active, problem);
        entry.nextDue = active ? schedule.firstAtOrAfter(now) : -1;
        return entry;
    }

    /**
     * Takes the tasks of a reloaded program ({@code xs serve --watch}). A task that stays (by
     * name) keeps its state: a run going on goes on, its last result and skips are kept, and its
     * next run runs the new stack; when its schedule or {@code active} changed, the new schedule
     * applies from now. A removed task runs no more (a run going on finishes). A new task is
     * scheduled from now. Each change of schedule is logged.
     *
     * @param workspace the reloaded workspace, whose task middleware runs from now
     */
    public synchronized void reload(Interpreter next, Workspace workspace) {
        interpreter = next;
        this.workspace = workspace;
        middlewareRunner = new MiddlewareRunner(next);
        long now = clock.getAsLong();
        Map<String, Entry> before = new LinkedHashMap<>(tasks);
        tasks.clear();
        for (Construct task : next.program().all("task")) {
            Entry fresh = entry(task, now);
            Entry kept = before.remove(task.name());
            if (kept == null) {
                tasks.put(task.name(), fresh);
                announce(fresh);
                continue;
            }
            boolean rescheduled = !kept.schedule.equals(fresh.schedule) || kept.active != fresh.active;
            kept.task = task;
            kept.schedule = fresh.schedule;
            kept.active = fresh.active;
            kept.problem = fresh.problem;
            if (rescheduled) {
                kept.nextDue = fresh.nextDue;
                announce(kept);
            }
            tasks.put(task.name(), kept);
        }
        for (String removed : before.keySet()) {
            log.println("task " + removed + ": removed, so it runs no more");
        }
        if (startAsked && driver == null && !tasks.isEmpty()) {
            startDriver();
        }
    }

    private void announce(Entry e) {
        if (e.nextDue >= 0) {
            log.println("task " + e.task.name() + ": scheduled, next run " + Instant.ofEpochMilli(e.nextDue));
        } else if (e.problem == null) {
            log.println("task " + e.task.name() + ": not scheduled (" + (e.active ? "no occurrence is left" : "active = false")
                + "); the console can run it now");
        }
    }

    /** An attribute's value, or null when it is absent or needs variables (then it is reported). */
    private Object constant(Construct task, String key) {
        try {
            return task.attribute(key).map(interpreter::constant).orElse(null);
        } catch (RuntimeException e) {
            log.println("task " + task.name() + ": " + key + " cannot be read (" + e.getMessage() + "), so it is taken as "
                + "absent (" + task.span() + ")");
            return null;
        }
    }

    /** Whether the program has any task at all. */
    public boolean isEmpty() {
        return tasks.isEmpty();
    }

    /** Starts the real-time driver: a daemon thread that ticks when a task is due. */
    public synchronized void start() {
        startAsked = true;
        if (driver != null || tasks.isEmpty()) {
            return;
        }
        for (Entry e : tasks.values()) {
            announce(e);
        }
        startDriver();
    }

    private void startDriver() {
        Thread t = new Thread(this::drive, "xs-task-scheduler");
        t.setDaemon(true);
        driver = t;
        t.start();
    }

    private void drive() {
        while (!closed) {
            long wait = MAX_SLEEP_MILLIS;
            try {
                long now = tick();
                long due = nextDue();
                if (due >= 0) {
                    wait = Math.max(1, Math.min(MAX_SLEEP_MILLIS, due - now));
                }
            } catch (RuntimeException e) {
                log.println("xs serve: the task scheduler hit an internal error (please report it): " + e);
            }
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized long nextDue() {
        long best = -1;
        for (Entry e : tasks.values()) {
            if (e.nextDue >= 0 && (best < 0 || e.nextDue < best)) {
                best = e.nextDue;
            }
        }
        return best;
    }

    /**
     * Starts every occurrence that is due at the clock's now and returns that now. When several
     * occurrences of one task have passed since the last tick (a suspended machine), only the
     * latest runs.
     */
    public synchronized long tick() {
        long now = clock.getAsLong();
        for (Entry e : tasks.values()) {
            if (e.nextDue < 0 || e.nextDue > now) {
                continue;
            }
            long occurrence = e.schedule.lastAtOrBefore(now);
            e.nextDue = e.schedule.firstAtOrAfter(now + 1);
            if (occurrence < 0) {
                continue;
            }
            if (e.running.get()) {
                e.skipped.incrementAndGet();
                log.println("task " + e.task.name() + ": skipped the run due at " + Instant.ofEpochMilli(occurrence)
                    + ": the previous run is still going");
                continue;
            }
            if (!lease.claim(e.task.name(), occurrence, holdMillis(e, occurrence))) {
                continue;
            }
            launch(e, occurrence, true);
        }
        return now;
    }

    /** A claim outlives its occurrence by at least a minute, so a node whose clock runs late still sees it. */
    private static long holdMillis(Entry e, long occurrence) {
        long next = e.schedule.firstAtOrAfter(occurrence + 1);
        long gap = next < 0 ? 0 : next - occurrence;
        return Math.max(60_000, 2 * gap);
    }

    /**
     * Runs a task now, outside its schedule ({@code xs run --task}, the console's "Run now").
     * Empty when there is no such task; a run already going answers a run that did not start.
     */
    public Optional<CompletableFuture<Run>> runNow(String name) {
        Entry e;
        synchronized (this) {
            e = tasks.get(name);
        }
        if (e == null) {
            return Optional.empty();
        }
        long now = clock.getAsLong();
        if (e.running.get()) {
            return Optional.of(CompletableFuture.completedFuture(new Run(name, 0, now, false, now, 0, false,
                "the previous run is still going")));
        }
        return Optional.of(launch(e, now, false));
    }

    private CompletableFuture<Run> launch(Entry e, long occurrence, boolean scheduled) {
        e.running.set(true);
        long number = runs.incrementAndGet();
        // The declaration and program current now: a reload during the run does not change it.
        Construct task;
        Workspace.Chain chain;
        MiddlewareRunner runWith;
        synchronized (this) {
            task = e.task;
            chain = workspace.chain("task", e.task.name());
            runWith = middlewareRunner;
        }
        String name = task.name();
        String title = "task " + name + " run #" + number
            + (scheduled ? " (due " + Instant.ofEpochMilli(occurrence) + ")" : " (asked for now)");
        CompletableFuture<Run> done = new CompletableFuture<>();
        Runnable job = () -> {
            long started = clock.getAsLong();
            long t0 = System.nanoTime();
            log.println(title + ": started");
            Run run;
            try {
                Outcome outcome = runWith.run(chain, task, new LinkedHashMap<>(), Identity.ANONYMOUS.auth(), null);
                long millis = (System.nanoTime() - t0) / 1_000_000;
                for (Object line : outcome.logs()) {
                    log.println(title + ": log: " + (line instanceof String s ? s : Json.write(line)));
                }
                String error = outcome.ok() ? null : outcome.error().getMessage()
                    + (outcome.error().span() == null ? "" : " (" + outcome.error().span() + ")");
                run = new Run(name, number, occurrence, scheduled, started, millis, outcome.ok(), error);
                log.println(title + (outcome.ok() ? ": ok in " + millis + " ms" : ": failed after " + millis + " ms: " + error));
            } catch (RuntimeException ex) {
                long millis = (System.nanoTime() - t0) / 1_000_000;
                run = new Run(name, number, occurrence, scheduled, started, millis, false, "internal error: " + ex);
                log.println(title + ": failed with an internal error (please report it): " + ex);
            } finally {
                e.running.set(false);
            }
            e.last = run;
            done.complete(run);
        };
        try {
            runner.execute(job);
        } catch (RuntimeException ex) {
            e.running.set(false);
            done.completeExceptionally(ex);
        }
        return done;
    }

    /** Every task with its schedule, next run and last result, in load order. */
    public synchronized List<Status> tasks() {
        List<Status> out = new ArrayList<>();
        for (Entry e : tasks.values()) {
            Object description = constant(e.task, "description");
            out.add(new Status(e.task.name(), description == null ? "" : String.valueOf(description), e.active,
                e.schedule.series(), e.nextDue < 0 ? null : e.nextDue, e.running.get(), e.skipped.get(), e.last,
                e.problem));
        }
        return out;
    }

    @Override
    public void close() {
        closed = true;
        Thread t = driver;
        if (t != null) {
            t.interrupt();
        }
    }
}
