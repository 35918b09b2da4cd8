package xs.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import xs.ast.Program;
import xs.db.DbException;
import xs.diag.Diagnostic;
import xs.diag.Severity;
import xs.diag.TextRenderer;
import xs.interp.ChannelDirectory;
import xs.interp.Interpreter;
import xs.interp.Services;
import xs.realtime.AuthTables;
import xs.realtime.Hub;
import xs.realtime.Tokens;
import xs.source.SourceLoader;
import xs.workspace.Api;
import xs.workspace.LiveApi;
import xs.workspace.LiveTableTriggers;
import xs.workspace.ProgramChange;
import xs.workspace.TableUpdate;
import xs.workspace.TaskScheduler;
import xs.workspace.Workspace;

/**
 * One reload of {@code xs serve --watch}: reads the scripts again (parsing only changed files),
 * checks them as {@code xs check} does, and when they load, builds a new program snapshot and
 * puts it in place: new tables and columns in the database, the hub's channels and triggers, the
 * table triggers, the task schedule, then the API that new requests run on. What the server holds
 * stays: the database and its rows, WebSocket connections with their channels, presence and
 * history, the token secret. A change that does not load leaves the last good program serving and
 * prints its diagnostics. Each reload prints one line:
 * <pre>xs serve: reloaded: +1 query, ~2 functions, -1 task (38 ms)</pre>
 */
final class WatchReload {
    private final List<Path> paths;
    private final ParseCache cache;
    private final LiveApi live;
    private final Hub hub;
    private final LiveTableTriggers triggers;
    private final TaskScheduler tasks;
    private final Services services;
    private final Tokens tokens;
    private final PrintStream log;
    private long warnings;

    /**
     * @param cache    the cache that loaded the program being served, so the first reload parses only what changed
     * @param warnings how many warnings the program being served had
     */
    WatchReload(List<Path> paths, ParseCache cache, long warnings, LiveApi live, Hub hub, LiveTableTriggers triggers,
                TaskScheduler tasks, Services services, Tokens tokens, PrintStream log) {
        this.paths = paths;
        this.cache = cache;
        this.warnings = warnings;
        this.live = live;
        this.hub = hub;
        this.triggers = triggers;
        this.tasks = tasks;
        this.services = services;
        this.tokens = tokens;
        this.log = log;
    }

    /**
     * Goes once through what a reload does, serving nothing new: the first real reload after a
     * start then runs compiled code instead of the JIT's first pass (measured: bench/watch). Run
     * in the background after the server is up; a reload meanwhile waits for it.
     */
    synchronized void warmUp() {
        try {
            ProgramLoader.Loaded loaded = cache.load(paths);
            if (!loaded.hasErrors()) {
                CheckGate.diagnostics(loaded);
                Workspace.of(loaded.program());
                ProgramChange.between(live.get().workspace().program(), loaded.program());
            }
        } catch (SourceLoader.MissingPath | IOException | RuntimeException e) {
            // The next reload meets the same problem and reports it.
        }
    }

    /** Reloads after files changed; runs on the watch's thread, never on an I/O thread. */
    synchronized void reload() {
        long start = System.nanoTime();
        ProgramLoader.Loaded loaded;
        try {
            loaded = cache.load(paths);
        } catch (SourceLoader.MissingPath | IOException e) {
            log.println("xs serve: not reloaded: " + e.getMessage() + "; the last good program keeps serving");
            return;
        }
        List<Diagnostic> diagnostics = new ArrayList<>(CheckGate.diagnostics(loaded));
        Workspace workspace = null;
        if (diagnostics.stream().noneMatch(Diagnostic::isError)) {
            workspace = Workspace.of(loaded.program());
            diagnostics.addAll(workspace.problems());
        }
        List<Diagnostic> errors = diagnostics.stream().filter(Diagnostic::isError).sorted(CheckCommand.ORDER).toList();
        if (!errors.isEmpty()) {
            TextRenderer renderer = new TextRenderer();
            StringBuilder text = new StringBuilder();
            errors.forEach(d -> text.append(renderer.render(d)));
            text.append("xs serve: not reloaded: ").append(CheckCommand.plural(errors.size(), "error"))
                .append(" in the scripts; the last good program keeps serving");
            log.println(text);
            return;
        }
        Program before = live.get().workspace().program();
        Program after = loaded.program();
        try {
            TableUpdate.apply(services.database(), before, after, line -> log.println("xs serve: " + line));
        } catch (DbException e) {
            log.println("xs serve: not reloaded: the database cannot take the tables as declared now: " + e.getMessage()
                + "; the last good program keeps serving");
            return;
        }
        Interpreter interpreter = new Interpreter(after, services);
        Api api = new Api(workspace, interpreter, tokens);
        hub.reload(ChannelDirectory.of(after), AuthTables.of(after), interpreter);
        triggers.use(interpreter);
        tasks.reload(interpreter, workspace);
        live.swap(api);
        long millis = (System.nanoTime() - start) / 1_000_000;
        ProgramSetup.warmLambdas(after);
        long now = diagnostics.stream().filter(d -> d.severity() == Severity.WARNING).count();
        String warned = now == warnings ? "" : "; " + CheckCommand.plural(now, "warning") + " (xs check lists them)";
        warnings = now;
        log.println("xs serve: reloaded: " + ProgramChange.between(before, after).summary() + " (" + millis + " ms)"
            + warned);
    }
}
