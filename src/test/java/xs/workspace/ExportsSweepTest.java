package xs.workspace;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import xs.ast.Construct;
import xs.ast.Program;
import xs.ast.Script;
import xs.db.TableSchema;
import xs.db.engines.Engines;
import xs.db.hooks.WriteHooks;
import xs.interp.ChannelDirectory;
import xs.interp.EventRecorder;
import xs.interp.Identity;
import xs.interp.Interpreter;
import xs.interp.Outcome;
import xs.interp.Services;
import xs.interp.TableDefinitions;
import xs.source.Source;
import xs.syntax.ParseResult;
import xs.syntax.ScriptParser;

/**
 * Opt-in local sweep over real exported workspaces ({@code XS_EXPORTS=DIR}, one workspace per
 * folder; never committed): every task's schedule reads, every table trigger names its table,
 * every addon runs with an empty input, and every construct using {@code addon = [...]}
 * compiles its addon lists (a run may fail later for other reasons, never on the addon list).
 */
@EnabledIfEnvironmentVariable(named = "XS_EXPORTS", matches = ".+")
class ExportsSweepTest {
    @Test
    void realAddonsTasksAndTriggersLoadAndRun() throws IOException {
        Path root = Path.of(System.getenv("XS_EXPORTS"));
        List<String> problems = new ArrayList<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        try (Stream<Path> workspaces = Files.list(root)) {
            for (Path ws : workspaces.filter(Files::isDirectory).sorted().toList()) {
                sweep(ws, problems, counts);
            }
        }
        System.out.println("sweep: " + counts + ", " + problems.size() + " problems");
        problems.forEach(System.out::println);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private static void sweep(Path ws, List<String> problems, Map<String, Integer> counts) throws IOException {
        List<Script> scripts = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ws)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".xs")).sorted().toList()) {
                ParseResult r = new ScriptParser().parse(new Source(f.toString(), Files.readString(f)));
                if (r.script() != null) {
                    scripts.add(r.script());
                }
            }
        }
        Program program = new Program(scripts);
        if (program.all("addon").isEmpty() && program.all("task").isEmpty() && program.all("table_trigger").isEmpty()) {
            return;
        }
        WriteHooks db = Engines.inMemory();
        for (TableSchema t : TableDefinitions.of(program)) {
            try {
                db.define(t);
            } catch (RuntimeException e) {
                // a table the engine refuses is another area's finding
            }
        }
        Interpreter interpreter = new Interpreter(program,
            Services.of(db, new EventRecorder(ChannelDirectory.of(program)), Map.of(), 5000));
        for (Construct task : program.all("task")) {
            counts.merge("tasks", 1, Integer::sum);
            try {
                TaskSchedule.of(task, interpreter::constant);
            } catch (TaskSchedule.Invalid e) {
                problems.add(task.span() + ": task " + task.name() + ": " + e.getMessage());
            }
        }
        counts.merge("table_triggers", program.all("table_trigger").size(), Integer::sum);
        new TableTriggers(interpreter, line -> problems.add(ws.getFileName() + ": " + line));
        for (Construct addon : program.all("addon")) {
            counts.merge("addons", 1, Integer::sum);
            Outcome o = interpreter.run(addon, Map.of(), Identity.ANONYMOUS.auth(), Map.of());
            // Required inputs left out and tables or columns an export lacks are not the addon machinery's doing.
            if (!o.ok() && o.error().type() != xs.interp.ErrorType.INPUTERROR
                && !o.error().getMessage().matches("(?s).*unknown (table \"[^\"]+\"|column).*")) {
                problems.add(addon.span() + ": addon " + addon.name() + ": " + o.error().getMessage());
            }
        }
        for (Construct c : program.constructs()) {
            if (!c.span().text().contains("addon = [") || c.stack().isEmpty()) {
                continue;
            }
            counts.merge("constructs with addon lists", 1, Integer::sum);
            Outcome o = interpreter.run(c, Map.of(), Identity.ANONYMOUS.auth(), Map.of());
            if (!o.ok() && (o.error().getMessage().contains("addon entry") || o.error().getMessage().contains("addon must"))) {
                problems.add(c.span() + ": " + c.title() + ": " + o.error().getMessage());
            }
        }
    }
}
