package xs.interp;

import java.util.AbstractMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import xs.ast.Construct;

/**
 * A {@code table_trigger} made ready to run once per write. Its input
 * {@code {new, old, action, datasource}} is built by xs, not sent by a client: when the
 * trigger's input block takes such values unchanged (the usual {@code json new  json old
 * enum action {...}  text datasource}) they become {@code $input} as they are, in the declared
 * order, without a second validation; any other input block validates them as a call's input
 * is validated. Nobody reads a trigger's response, so none is evaluated.
 * <pre>XsError e = TriggerRun.of(interpreter, trigger).run(row, Map.of(), "insert", "live", logs::add);</pre>
 */
public final class TriggerRun {
    /** The names of the input fields xs gives a table trigger, in the order it gives them. */
    private static final List<String> FIELDS = List.of("new", "old", "action", "datasource");
    private static final String[] FIELDS_ARRAY = FIELDS.toArray(String[]::new);
    private static final Set<String> ROWS = Set.of("new", "old");
    private static final Set<String> TEXTS = Set.of("datasource");
    private static final Map<String, Set<String>> CHOICES =
        Map.of("action", Set.of("insert", "update", "delete", "truncate"));

    private final Interpreter interpreter;
    private final Construct trigger;
    /** Compiled on the first write that fires the trigger, as any construct is on its first call. */
    private volatile Ready ready;

    /** The compiled trigger, and where each declared input field finds its value (null: validate). */
    private record Ready(Interpreter.Compiled compiled, String[] names, int[] sources) {
    }

    private TriggerRun(Interpreter interpreter, Construct trigger) {
        this.interpreter = interpreter;
        this.trigger = trigger;
    }

    public static TriggerRun of(Interpreter interpreter, Construct trigger) {
        return new TriggerRun(interpreter, trigger);
    }

    /**
     * Runs the trigger for one write to {@code datasource}: {@code newRow} and {@code oldRow}
     * as the write left and found the row (empty maps where there is none), read-only.
     * The trigger's log lines go to {@code logs}; answers its error, or null.
     */
    public XsError run(Map<String, Object> newRow, Map<String, Object> oldRow, String action, String datasource,
                       Consumer<Object> logs) {
        Ready r;
        try {
            r = ready();
        } catch (XsError e) {
            // A statement that cannot compile (a call without a name...) fails the run, as in a call.
            return e;
        }
        Map<String, Object> input;
        if (r.sources == null) {
            try {
                input = r.compiled.input().apply(new Fixed(FIELDS_ARRAY, new Object[] {newRow, oldRow, action, datasource}),
                    interpreter.services().clock().getAsLong(), "");
            } catch (XsError e) {
                return e;
            }
        } else {
            Object[] values = new Object[r.sources.length];
            for (int i = 0; i < values.length; i++) {
                values[i] = switch (r.sources[i]) {
                    case 0 -> newRow;
                    case 1 -> oldRow;
                    case 2 -> action;
                    default -> datasource;
                };
            }
            input = new Fixed(r.names, values);
        }
        return interpreter.runForEffect(r.compiled, trigger.span(), input, datasource, logs);
    }

    private Ready ready() {
        Ready r = ready;
        if (r == null) {
            Interpreter.Compiled k = interpreter.compiled(trigger);
            InputSchema schema = k.input();
            if (schema == null) {
                // No input block: $input is what xs gives, as a call without one gets what it is sent.
                r = new Ready(k, FIELDS_ARRAY, new int[] {0, 1, 2, 3});
            } else if (!schema.passesUnchanged(ROWS, TEXTS, CHOICES)) {
                r = new Ready(k, null, null);
            } else {
                List<String> names = schema.names();
                int[] sources = new int[names.size()];
                for (int i = 0; i < sources.length; i++) {
                    sources[i] = FIELDS.indexOf(names.get(i));
                }
                r = new Ready(k, names.toArray(String[]::new), sources);
            }
            ready = r;
        }
        return r;
    }

    /**
     * A map of a few fixed keys, found by identity first (the compiled {@code $input.new} holds the
     * same interned name), then by equality. Read-only: no script changes {@code $input} in place.
     */
    private static final class Fixed extends AbstractMap<String, Object> {
        private final String[] keys;
        private final Object[] values;

        Fixed(String[] keys, Object[] values) {
            this.keys = keys;
            this.values = values;
        }

        private int indexOf(Object key) {
            for (int i = 0; i < keys.length; i++) {
                if (keys[i] == key) {
                    return i;
                }
            }
            for (int i = 0; i < keys.length; i++) {
                if (keys[i].equals(key)) {
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
            return keys.length;
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            Set<Entry<String, Object>> entries = new LinkedHashSet<>();
            for (int i = 0; i < keys.length; i++) {
                entries.add(new SimpleImmutableEntry<>(keys[i], values[i]));
            }
            return entries;
        }
    }
}
