package xs.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import xs.interp.ErrorType;
import xs.workspace.TableTriggers;
import xs.workspace.TaskSchedule;
import xs.workspace.TaskScheduler;

/**
 * The console's view of what runs by itself: scheduled tasks, each with its schedule, next run and
 * last result (listed under {@code tasks} in {@code GET /console/api/program}), table triggers
 * with their runs and last failure (under {@code table_triggers}), and {@code POST
 * /console/api/tasks/NAME/run}, which runs one now and answers its result.
 * <pre>{"name": "cleanup", "active": true, "schedule": [{"starts_on": "2026-01-01T00:00:00Z", "freq": 60}], "next_run": "...", "last_run": {...}}</pre>
 */
final class TaskConsole {
    /** How long the console waits for a run asked for now before it answers that the run goes on. */
    private static final long WAIT_SECONDS = 60;

    private final TaskScheduler scheduler;
    private final Supplier<TableTriggers> triggers;

    /** The scheduler may be null (no task), and the triggers the supplier gives (no table trigger now). */
    TaskConsole(TaskScheduler scheduler, Supplier<TableTriggers> triggers) {
        this.scheduler = scheduler;
        this.triggers = triggers;
    }

    /** The table triggers with what they listen to and how their runs went (failures are reported, not thrown). */
    List<Map<String, Object>> triggers() {
        List<Map<String, Object>> out = new ArrayList<>();
        TableTriggers current = triggers.get();
        if (current == null) {
            return out;
        }
        for (TableTriggers.Status s : current.triggers()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", s.name());
            m.put("table", s.table());
            m.put("actions", new ArrayList<>(s.actions()));
            m.put("datasources", s.datasources());
            m.put("active", s.active());
            m.put("runs", s.runs());
            m.put("failures", s.failures());
            m.put("last_error", s.lastError());
            out.add(m);
        }
        return out;
    }

    List<Map<String, Object>> list() {
        List<Map<String, Object>> out = new ArrayList<>();
        if (scheduler == null) {
            return out;
        }
        for (TaskScheduler.Status s : scheduler.tasks()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", s.name());
            m.put("description", s.description());
            m.put("active", s.active());
            List<Map<String, Object>> schedule = new ArrayList<>();
            for (TaskSchedule.Series series : s.schedule()) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("starts_on", iso(series.startsOn()));
                e.put("freq", series.freqMillis() / 1000);
                e.put("ends_on", series.endsOn() == null ? null : iso(series.endsOn()));
                schedule.add(e);
            }
            m.put("schedule", schedule);
            m.put("next_run", s.nextRun() == null ? null : iso(s.nextRun()));
            m.put("running", s.running());
            m.put("skipped", s.skipped());
            m.put("last_run", s.lastRun() == null ? null : run(s.lastRun()));
            m.put("problem", s.problem());
            out.add(m);
        }
        return out;
    }

    static Map<String, Object> run(TaskScheduler.Run r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("number", r.number());
        m.put("due", iso(r.occurrence()));
        m.put("scheduled", r.scheduled());
        m.put("started_at", iso(r.startedAt()));
        m.put("millis", r.millis());
        m.put("ok", r.ok());
        m.put("error", r.error());
        return m;
    }

    private static String iso(long millis) {
        return Instant.ofEpochMilli(millis).toString();
    }

    /** {@code POST tasks/NAME/run}: only from this machine and the console's own page (a cross-site form cannot start runs). */
    void runNow(HttpServerExchange exchange, String name) {
        if (!ThisMachine.localClient(exchange)) {
            refuse(exchange, "tasks are run only from a browser on this machine");
            return;
        }
        String origin = exchange.getRequestHeaders().getFirst(Headers.ORIGIN);
        String host = exchange.getRequestHeaders().getFirst(Headers.HOST);
        if (origin != null && !origin.equals("null") && !origin.equalsIgnoreCase(exchange.getRequestScheme() + "://" + host)) {
            refuse(exchange, "tasks are run only from the console's own page");
            return;
        }
        Optional<CompletableFuture<TaskScheduler.Run>> started = scheduler == null ? Optional.empty()
            : scheduler.runNow(name);
        if (started.isEmpty()) {
            Responses.error(exchange, 404, ErrorType.NOTFOUND, "no task named \"" + name + "\"");
            return;
        }
        try {
            Responses.json(exchange, 200, run(started.get().get(WAIT_SECONDS, TimeUnit.SECONDS)));
        } catch (TimeoutException e) {
            Responses.json(exchange, 202, Map.of("message", "the run goes on; its result will show in the task list"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Responses.error(exchange, 500, ErrorType.STANDARD, "interrupted while waiting for the run");
        } catch (ExecutionException e) {
            Responses.error(exchange, 500, ErrorType.STANDARD, "the run could not start: " + e.getCause());
        }
    }

    private static void refuse(HttpServerExchange exchange, String why) {
        AccessLog.note(exchange, why);
        Responses.error(exchange, 403, ErrorType.ACCESSDENIED, why);
    }
}
