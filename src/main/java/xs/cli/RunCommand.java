package xs.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import xs.ast.Construct;
import xs.ast.Program;
import xs.db.Database;
import xs.interp.ChannelDirectory;
import xs.interp.EventRecorder;
import xs.interp.Interpreter;
import xs.interp.Json;
import xs.interp.Outcome;
import xs.interp.RealtimeEvent;
import xs.interp.Services;
import xs.interp.StreamRecorder;
import xs.interp.Values;
import xs.interp.XsError;
import xs.realtime.Tokens;
import xs.workspace.Api;
import xs.workspace.Workspace;

/**
 * {@code xs run PATH... [--function NAME | --task NAME] [--input JSON|@FILE]}: runs one function (or
 * a task, once, now) against an in-memory database and shows its response and the realtime events
 * it would push.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run a function: print its response, and the realtime events and logs it produced.")
final class RunCommand implements Callable<Integer> {
    enum Format { text, json }

    @Mixin
    ScriptPaths scripts;

    @Option(names = "--function", paramLabel = "NAME", description = "The function to run (optional when there is one).")
    String function;

    @Option(names = "--task", paramLabel = "NAME", description = "Run this task once now, instead of a function.")
    String task;

    @Option(names = "--input", paramLabel = "JSON", description = "Input as JSON, or @FILE to read it from a file.")
    String input;

    @Mixin
    RunOptions options;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Mixin
    Auth user;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = scripts.out();
        PrintWriter err = scripts.err();
        Program program = scripts.loadChecked().program();
        Construct target = chooseFunction(program, err);
        if (target == null) {
            return 2;
        }
        Workspace workspace = Workspace.of(program);
        if (WorkspaceGate.failed(workspace, err, "nothing was run")) {
            return 1;
        }
        Object inputValue;
        Map<String, Object> auth;
        Services services;
        EventRecorder events;
        ChannelDirectory channels = ChannelDirectory.of(program);
        try {
            inputValue = ProgramSetup.input(input);
            auth = user.identity().auth();
            events = new EventRecorder(channels);
            services = RunServices.create(program, options, options.environment(), events, false);
        } catch (ProgramSetup.SetupException e) {
            err.println("xs: " + e.getMessage());
            return 2;
        }
        Database db = services.database();
        Interpreter interpreter = new Interpreter(program, services);
        Api api = RunServices.wire(interpreter, workspace, new Tokens(ServeSecret.forOneRun()), err);
        // Streamed values show as they come; the response is then the list of them.
        StreamRecorder stream = new StreamRecorder(value -> {
            if (format == Format.text) {
                err.println("stream: " + Json.write(value));
                err.flush();
            }
        });
        Outcome outcome;
        try {
            outcome = target.kind().equals("task") ? api.task(target) : interpreter.runWith(target, inputValue, auth, stream);
            printOutcome(out, err, outcome, events.events(), channels);
            stream.runPostProcess(line -> err.println("xs: " + line));
        } finally {
            db.close();
        }
        out.flush();
        err.flush();
        return outcome.ok() ? 0 : 1;
    }

    private void printOutcome(PrintWriter out, PrintWriter err, Outcome outcome, List<RealtimeEvent> emitted,
                              ChannelDirectory channels) {
        if (!emitted.isEmpty() && channels.isEmpty()) {
            err.println("xs: warning: no realtime_channel is declared, so nothing would deliver these events");
        }
        if (format == Format.json) {
            printJson(out, err, outcome, emitted);
        } else {
            printText(out, err, outcome, emitted);
        }
        out.flush();
        err.flush();
    }

    private Construct chooseFunction(Program program, PrintWriter err) {
        if (task != null) {
            if (function != null) {
                err.println("xs: choose either --function or --task");
                return null;
            }
            Construct c = program.find("task", task).orElse(null);
            if (c == null) {
                List<String> names = program.all("task").stream().map(Construct::name).toList();
                err.println("xs: no task named \"" + task + "\""
                    + (names.isEmpty() ? " (the given files declare no task)" : " (tasks: " + String.join(", ", names) + ")"));
            }
            return c;
        }
        List<Construct> functions = program.functions();
        if (function != null) {
            Construct c = program.function(function).orElse(null);
            if (c == null) {
                for (String kind : List.of("query", "task", "realtime_trigger")) {
                    c = program.find(kind, function).orElse(c);
                }
            }
            if (c == null) {
                err.println("xs: no function named \"" + function + "\"" + available(functions));
            }
            return c;
        }
        if (functions.size() == 1) {
            return functions.get(0);
        }
        err.println("xs: " + (functions.isEmpty() ? "no function found in the given files"
            : "several functions found; choose one with --function NAME") + available(functions));
        return null;
    }

    private static String available(List<Construct> functions) {
        if (functions.isEmpty()) {
            return "";
        }
        List<String> names = new ArrayList<>();
        for (Construct c : functions) {
            names.add(c.name());
        }
        return " (functions: " + String.join(", ", names) + ")";
    }

    private static void printText(PrintWriter out, PrintWriter err, Outcome outcome, List<RealtimeEvent> events) {
        if (outcome.ok()) {
            out.println(Json.pretty(outcome.response()));
        } else {
            err.print(RuntimeErrors.render(outcome.error()));
        }
        for (RealtimeEvent e : events) {
            err.println("event " + e.channel() + (e.event() == null ? "" : " " + e.event()) + ": " + Json.write(e.data()));
        }
        for (Object log : outcome.logs()) {
            err.println("log: " + (log instanceof String s ? s : Json.write(log)));
        }
    }

    private static void printJson(PrintWriter out, PrintWriter err, Outcome outcome, List<RealtimeEvent> events) {
        Map<String, Object> doc = new LinkedHashMap<>();
        if (outcome.ok()) {
            doc.put("response", outcome.response());
        } else {
            XsError e = outcome.error();
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("status", (long) e.type().status());
            error.putAll(e.body());
            doc.put("error", error);
            err.print(RuntimeErrors.render(e));
        }
        doc.put("events", eventList(events));
        doc.put("logs", outcome.logs());
        out.println(Json.pretty(doc));
    }

    static List<Object> eventList(List<RealtimeEvent> events) {
        List<Object> list = new ArrayList<>();
        for (RealtimeEvent e : events) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("channel", e.channel());
            m.put("event", e.event());
            m.put("data", Values.normalize(e.data()));
            list.add(m);
        }
        return list;
    }
}
