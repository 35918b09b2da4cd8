package xs.workspace;

import java.util.function.Consumer;
import java.util.function.Supplier;
import xs.db.hooks.TableChange;
import xs.db.hooks.TableListener;
import xs.db.hooks.WriteHooks;
import xs.interp.Interpreter;

/**
 * The table triggers of the program a server runs now, swapped whole by a reload
 * ({@code xs serve --watch}): a write fires the triggers current when it is applied. It listens
 * to the database once some program had triggers, and then only to the tables the current
 * triggers name.
 * <pre>LiveTableTriggers triggers = new LiveTableTriggers(db, log);  triggers.use(interpreter);</pre>
 */
public final class LiveTableTriggers implements TableListener, Supplier<TableTriggers> {
    private final WriteHooks hooks;
    private final Consumer<String> log;
    private volatile TableTriggers current;
    private boolean listening;

    /** @param hooks the database's write hooks, or null when the database reports no writes */
    public LiveTableTriggers(WriteHooks hooks, Consumer<String> log) {
        this.hooks = hooks;
        this.log = log;
    }

    /** Takes the triggers of the interpreter's program (none when it declares no table_trigger). */
    public synchronized void use(Interpreter interpreter) {
        if (hooks == null || interpreter.program().all("table_trigger").isEmpty()) {
            current = null;
            return;
        }
        current = new TableTriggers(interpreter, log);
        if (!listening) {
            hooks.addListener(this);
            listening = true;
        }
    }

    /** The triggers current now, or null when the program has none. */
    @Override
    public TableTriggers get() {
        return current;
    }

    /** Only the tables the current triggers listen to: writes to other tables pay nothing. */
    @Override
    public boolean listensTo(String table) {
        TableTriggers t = current;
        return t != null && t.listensTo(table);
    }

    @Override
    public void changed(TableChange change) {
        TableTriggers t = current;
        if (t != null) {
            t.changed(change);
        }
    }
}
