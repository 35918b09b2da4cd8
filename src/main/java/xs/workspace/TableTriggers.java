package xs.workspace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import xs.ast.Construct;
import xs.db.Database;
import xs.db.hooks.TableChange;
import xs.db.hooks.TableChange.Action;
import xs.db.hooks.TableListener;
import xs.db.hooks.WriteHooks;
import xs.interp.Interpreter;
import xs.interp.Json;
import xs.interp.TriggerRun;
import xs.interp.Values;
import xs.interp.XsError;

/**
 * Runs a workspace's {@code table_trigger} blocks on the writes the database reports: each
 * trigger whose table, {@code actions} and {@code datasources} match runs with the input
 * {@code new}, {@code old}, {@code action} and {@code datasource}, after the write is applied
 * (after commit inside {@code db.transaction}) and before the writing statement returns. An error
 * in a trigger is reported (the log, the console) and leaves the write as it is. A trigger's own
 * writes fire triggers too, up to {@value #MAX_DEPTH} deep; a deeper one is reported and not run.
 * <pre>table_trigger audit { table = "user"  input { json new  json old  enum action  text datasource }
 *   stack { db.add audit_log { data = {user_id: $input.new.id, action: $input.action} } }
 *   actions = {insert: true, update: true}  datasources = ["live"] }</pre>
 */
public final class TableTriggers implements TableListener {
    /** How deep triggers may fire triggers (a trigger writing its own table stops here). */
    public static final int MAX_DEPTH = 10;

    /** What the console shows of a trigger. */
    public record Status(String name, String table, Set<String> actions, List<String> datasources, boolean active,
                         long runs, long failures, String lastError) {
    }

    private static final Set<String> ALL_ACTIONS = Set.of("insert", "update", "delete", "truncate");

    private final Interpreter interpreter;
    private final Consumer<String> log;
    private final Map<String, List<Trigger>> byTable = new LinkedHashMap<>();
    /** {@link #byTable} by the names writes use, whatever their case; an empty list for none. */
    private final Map<String, List<Trigger>> resolved = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<Trigger> all = new ArrayList<>();
    /** How deep the trigger runs on this thread are nested. */
    private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);

    /** One trigger with what it listens to, and its counts. */
    private static final class Trigger {
        final Construct construct;
        final String table;
        final Set<String> actions;
        final List<String> datasources;
        final boolean active;
        /** Whether it runs on each kind of write, by {@link Action#ordinal()}. */
        final boolean[] on;
        final TriggerRun runner;
        /** Where the trigger's debug.log lines go, by action (made once: no closure per write). */
        final Consumer<Object>[] logs;
        final AtomicLong runs = new AtomicLong();
        final AtomicLong failures = new AtomicLong();
        volatile String lastError;

        @SuppressWarnings("unchecked")
        Trigger(Interpreter interpreter, Construct construct, String table, Set<String> actions,
                List<String> datasources, boolean active, Consumer<String> log) {
            this.construct = construct;
            this.table = table;
            this.actions = actions;
            this.datasources = datasources;
            this.active = active;
            this.runner = TriggerRun.of(interpreter, construct);
            Action[] kinds = Action.values();
            this.on = new boolean[kinds.length];
            this.logs = new Consumer[kinds.length];
            for (Action kind : kinds) {
                on[kind.ordinal()] = actions.contains(kind.word());
                String title = "table_trigger " + construct.name() + " on " + kind.word() + " of " + table + ": log: ";
                logs[kind.ordinal()] = line -> log.accept(title + (line instanceof String s ? s : Json.write(line)));
            }
        }
    }

    /** @param log where failures are reported, one line each */
    public TableTriggers(Interpreter interpreter, Consumer<String> log) {
        this.interpreter = interpreter;
        this.log = log;
        for (Construct c : interpreter.program().all("table_trigger")) {
            Object table = constant(c, "table");
            if (!(table instanceof String name) || name.isEmpty()) {
                log.accept("table_trigger " + c.name() + " names no table (table = \"...\"), so it never runs ("
                    + c.span() + ")");
                continue;
            }
            Set<String> actions = ALL_ACTIONS;
            if (constant(c, "actions") instanceof Map<?, ?> m) {
                Set<String> on = new java.util.TreeSet<>();
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    if (Values.truthy(e.getValue())) {
                        on.add(String.valueOf(e.getKey()).toLowerCase(Locale.ROOT));
                    }
                }
                actions = on;
            }
            List<String> datasources = List.of();
            if (constant(c, "datasources") instanceof List<?> l) {
                datasources = l.stream().map(Values::toText).toList();
            }
            boolean active = !Boolean.FALSE.equals(constant(c, "active"));
            Trigger t = new Trigger(interpreter, c, name.toLowerCase(Locale.ROOT), actions, datasources, active, log);
            all.add(t);
            if (active) {
                byTable.computeIfAbsent(t.table, k -> new ArrayList<>()).add(t);
            }
        }
    }

    /**
     * Makes the interpreter's database fire the program's triggers; returns null when the program
     * has none (or the database reports no writes).
     */
    public static TableTriggers attach(Interpreter interpreter, Consumer<String> log) {
        if (interpreter.program().all("table_trigger").isEmpty()
            || !(interpreter.services().database() instanceof WriteHooks hooks)) {
            return null;
        }
        TableTriggers triggers = new TableTriggers(interpreter, log);
        hooks.addListener(triggers);
        return triggers;
    }

    /** An attribute's value; one that cannot be evaluated without variables is reported and read as absent. */
    private Object constant(Construct c, String key) {
        try {
            return c.attribute(key).map(interpreter::constant).orElse(null);
        } catch (RuntimeException e) {
            log.accept("table_trigger " + c.name() + ": " + key + " cannot be read (" + e.getMessage() + "), so it is "
                + "taken as absent (" + c.span() + ")");
            return null;
        }
    }

    /** Only tables with an active trigger: writes to the others are told to nobody. */
    @Override
    public boolean listensTo(String table) {
        return triggersOf(table) != null;
    }

    /** The active triggers of a table, or null when it has none. */
    private List<Trigger> triggersOf(String table) {
        List<Trigger> triggers = resolved.get(table);
        if (triggers == null) {
            // Table names match without case, as everywhere in xs. Each name the database uses is
            // resolved once (a program has few tables), misses too: a write asks for one lookup.
            triggers = byTable.getOrDefault(table.toLowerCase(Locale.ROOT), List.of());
            resolved.put(table, triggers);
        }
        return triggers.isEmpty() ? null : triggers;
    }

    @Override
    public void changed(TableChange change) {
        List<Trigger> triggers = triggersOf(change.table());
        if (triggers == null) {
            return;
        }
        Action action = change.action();
        for (int i = 0; i < triggers.size(); i++) {
            Trigger t = triggers.get(i);
            if (t.on[action.ordinal()]
                && (t.datasources.isEmpty() || t.datasources.contains(change.datasource()))) {
                run(t, change, action.word());
            }
        }
    }

    private void run(Trigger t, TableChange change, String action) {
        int[] level = depth.get();
        if (level[0] >= MAX_DEPTH) {
            fail(t, action, "not run: triggers are nested more than " + MAX_DEPTH
                + " deep (does a trigger write to the table it listens to?)");
            return;
        }
        level[0]++;
        XsError error;
        try {
            t.runs.incrementAndGet();
            // The rows as the change carries them, read-only: no script changes a value in place
            // (writes below a variable copy the containers along the path), so no copy is needed.
            // The trigger's own db.* statements use the data source that was written to.
            error = t.runner.run(change.newRow(), change.oldRow(), action,
                change.datasource() == null ? Database.LIVE : change.datasource(), t.logs[change.action().ordinal()]);
        } catch (RuntimeException e) {
            fail(t, action, "internal error (please report it): " + e);
            return;
        } finally {
            level[0]--;
        }
        if (error != null) {
            fail(t, action, error.getMessage() + (error.span() == null ? "" : " (" + error.span() + ")"));
        }
    }

    private void fail(Trigger t, String action, String message) {
        t.failures.incrementAndGet();
        t.lastError = message;
        log.accept("table_trigger " + t.construct.name() + " on " + action + " of " + t.table + " failed: " + message
            + " (the write stays)");
    }

    /** Every trigger with what it listens to and how its runs went, in load order. */
    public List<Status> triggers() {
        List<Status> out = new ArrayList<>();
        for (Trigger t : all) {
            out.add(new Status(t.construct.name(), t.table, t.actions, t.datasources, t.active, t.runs.get(),
                t.failures.get(), t.lastError));
        }
        return out;
    }
}
