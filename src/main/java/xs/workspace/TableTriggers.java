package xs.workspace;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import xs.ast.Construct;
import xs.db.hooks.TableChange;
import xs.db.hooks.TableListener;
import xs.db.hooks.WriteHooks;
import xs.interp.Identity;
import xs.interp.Interpreter;
import xs.interp.Outcome;
import xs.interp.Values;

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
        final AtomicLong runs = new AtomicLong();
        final AtomicLong failures = new AtomicLong();
        volatile String lastError;

        Trigger(Construct construct, String table, Set<String> actions, List<String> datasources, boolean active) {
            this.construct = construct;
            this.table = table;
            this.actions = actions;
            this.datasources = datasources;
            this.active = active;
        }
    }

    /**
     * A trigger's input {@code {new, old, action, datasource}}: four fixed fields, found by comparing
     * the names (interned, as the input schema's are) rather than hashing them, since input
     * validation looks every declared field up once per run.
     */
    private static final class TriggerInput extends AbstractMap<String, Object> {
        private static final String[] KEYS = {"new", "old", "action", "datasource"};
        private final Object[] values;

        TriggerInput(Object newRow, Object oldRow, String action, String datasource) {
            this.values = new Object[] {newRow, oldRow, action, datasource};
        }

        private static int indexOf(Object key) {
            for (int i = 0; i < KEYS.length; i++) {
                if (KEYS[i] == key) {
                    return i;
                }
            }
            for (int i = 0; i < KEYS.length; i++) {
                if (KEYS[i].equals(key)) {
                    return i;
                }
            }
            return -1;
        }

        @Override
        public Object get(Object key) {
            int i = indexOf(key);
            return i < 0 ? null : values[i];
        }

        @Override
        public boolean containsKey(Object key) {
            return indexOf(key) >= 0;
        }

        @Override
        public int size() {
            return KEYS.length;
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            Set<Entry<String, Object>> entries = new java.util.LinkedHashSet<>();
            for (int i = 0; i < KEYS.length; i++) {
                entries.add(new SimpleImmutableEntry<>(KEYS[i], values[i]));
            }
            return entries;
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
            Trigger t = new Trigger(c, name.toLowerCase(Locale.ROOT), actions, datasources, active);
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
        List<Trigger> triggers = byTable.get(table);
        // Table names match without case, as everywhere in xs; the exact name is the common case.
        return triggers != null ? triggers : byTable.get(table.toLowerCase(Locale.ROOT));
    }

    @Override
    public void changed(TableChange change) {
        List<Trigger> triggers = triggersOf(change.table());
        if (triggers == null) {
            return;
        }
        String action = change.action().word();
        for (int i = 0; i < triggers.size(); i++) {
            Trigger t = triggers.get(i);
            if (t.actions.contains(action)
                && (t.datasources.isEmpty() || t.datasources.contains(change.datasource()))) {
                run(t, change, action);
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
        // The rows as the change carries them, read-only: no script changes a value in place
        // (writes below a variable copy the containers along the path), so no copy is needed.
        Map<String, Object> input = new TriggerInput(change.newRow(), change.oldRow(), action,
            change.datasource() == null ? "live" : change.datasource());
        level[0]++;
        Outcome outcome;
        try {
            t.runs.incrementAndGet();
            // The trigger's own db.* statements use the data source that was written to.
            outcome = interpreter.runInDataSource(change.datasource(), t.construct, input, Identity.ANONYMOUS.auth(),
                Map.of(), null);
        } catch (RuntimeException e) {
            fail(t, action, "internal error (please report it): " + e);
            return;
        } finally {
            level[0]--;
        }
        if (!outcome.ok()) {
            fail(t, action, outcome.error().getMessage()
                + (outcome.error().span() == null ? "" : " (" + outcome.error().span() + ")"));
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
