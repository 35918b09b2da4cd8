package xs.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import xs.ast.Program;
import xs.check.Checker;
import xs.db.engines.Engines;
import xs.diag.Diagnostic;
import xs.diag.TextRenderer;
import xs.interp.ChannelDirectory;
import xs.interp.EventRecorder;
import xs.interp.Identity;
import xs.interp.Interpreter;
import xs.interp.Json;
import xs.interp.Outcome;
import xs.interp.RealtimeEvent;
import xs.interp.Services;
import xs.services.StandardOutside;
import xs.source.Source;

/**
 * The read-eval-print loop behind {@code xs repl}: each entry is an expression (its value is
 * printed) or statements (the variable they set is printed). Variables and the in-memory
 * database persist between entries, so a learner can build a script up line by line.
 */
final class Repl {
    private static final String VARS = "__repl_vars";

    private final PrintWriter out;
    private final Map<String, Object> variables = new LinkedHashMap<>();
    private final EventRecorder events;
    private final Interpreter interpreter;
    private int entry;

    Repl(PrintWriter out) {
        this.out = out;
        Program program = new Program(List.of());
        this.events = new EventRecorder(ChannelDirectory.of(program));
        this.interpreter = new Interpreter(program,
            Services.of(Engines.inMemory(), events, System.getenv(), 30_000).withLambdas(ProgramSetup.lambdas())
                .with(StandardOutside.create()));
    }

    /** True when the text has unclosed brackets or strings, so the reader should ask for more. */
    static boolean incomplete(String text) {
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'' || c == '`') {
                quote = c;
            } else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
                while (i < text.length() && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '{' || c == '(' || c == '[') {
                depth++;
            } else if (c == '}' || c == ')' || c == ']') {
                depth--;
            }
        }
        return depth > 0 || text.stripTrailing().endsWith("|");
    }

    static final String HELP = String.join("\n",
        "Type an expression to see its value, or statements to run them; variables stay between entries.",
        "  [1, 2, 3]|map:$$ * 2          an expression ($$ is the element)",
        "  var $total { value = 10 }     a statement; its variable is shown",
        "  db.add note { data = {text: \"hi\"} } as $n",
        "                                the database lives in memory for the session",
        "Unclosed brackets continue on the next line.",
        "  :vars   the variables set so far",
        "  :help   this text",
        "  :quit   leave (also exit, or Ctrl-D)");

    /** True for the entries that end the session: {@code :quit}, {@code :q}, {@code exit}, {@code quit}. */
    static boolean isQuit(String text) {
        String t = text.strip();
        return t.equals(":quit") || t.equals(":q") || t.equals("exit") || t.equals("quit") || t.equals(":exit");
    }

    /** Evaluates one entry and prints its value or error. */
    void evaluate(String text) {
        if (text.isBlank()) {
            return;
        }
        String command = text.strip();
        if (command.equals(":vars")) {
            out.println(variables.isEmpty() ? "no variables yet" : Json.pretty(variables));
            return;
        }
        if (command.equals(":help") || command.equals(":h") || command.equals("help")) {
            out.println(HELP);
            return;
        }
        if (command.startsWith(":")) {
            out.println("unknown command " + command.split("\\s+")[0] + ": the commands are :vars, :help and :quit");
            return;
        }
        Source source = new Source("<repl:" + (++entry) + ">", text);
        List<Diagnostic> exprProblems = new ArrayList<>();
        Snippets.Snippet snippet = Snippets.expression(source, exprProblems);
        List<Diagnostic> stmtProblems = new ArrayList<>();
        if (snippet == null) {
            snippet = Snippets.statements(source, stmtProblems, VARS);
        }
        if (snippet == null) {
            // Show the reading that got furthest: statements when the entry starts like one.
            List<Diagnostic> shown = looksLikeStatement(text) ? stmtProblems : exprProblems;
            TextRenderer renderer = new TextRenderer();
            shown.forEach(d -> out.print(renderer.render(d)));
            String hint = Snippets.hint(text);
            if (hint != null) {
                out.println(hint);
            }
            return;
        }
        List<Diagnostic> findings = Checker.snippet(snippet.construct(), variables.keySet());
        TextRenderer renderer = new TextRenderer();
        findings.forEach(d -> out.print(renderer.render(d)));
        if (findings.stream().anyMatch(Diagnostic::isError)) {
            return;
        }
        events.clear();
        Outcome outcome = interpreter.run(snippet.construct(), new LinkedHashMap<>(), Identity.ANONYMOUS.auth(),
            variables);
        for (RealtimeEvent e : events.events()) {
            out.println("event " + e.channel() + (e.event() == null ? "" : " " + e.event()) + ": " + Json.write(e.data()));
        }
        for (Object log : outcome.logs()) {
            out.println("log: " + (log instanceof String s ? s : Json.write(log)));
        }
        if (!outcome.ok()) {
            out.print(RuntimeErrors.render(outcome.error()));
            return;
        }
        if (snippet.expression()) {
            out.println(Json.pretty(outcome.response()));
            return;
        }
        if (outcome.response() instanceof Map<?, ?> vars) {
            for (Map.Entry<?, ?> v : vars.entrySet()) {
                if (!VARS.equals(v.getKey())) {
                    variables.put(String.valueOf(v.getKey()), v.getValue());
                }
            }
        }
        if (snippet.shows() != null) {
            out.println("$" + snippet.shows() + " = " + Json.pretty(variables.get(snippet.shows())));
        } else {
            out.println("ok");
        }
    }

    private static boolean looksLikeStatement(String text) {
        String t = text.strip();
        return !t.isEmpty() && Character.isLetter(t.charAt(0)) && t.matches("(?s)[A-Za-z_][A-Za-z0-9_.]*\\s+[$({\"a-zA-Z].*");
    }
}
