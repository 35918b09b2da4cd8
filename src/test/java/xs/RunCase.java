package xs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import xs.ast.Construct;
import xs.ast.Expr;
import xs.ast.Program;
import xs.db.Database;
import xs.db.TableSchema;
import xs.db.engines.Engines;
import xs.diag.Diagnostic;
import xs.interp.ChannelDirectory;
import xs.interp.EventRecorder;
import xs.interp.Identity;
import xs.interp.Interpreter;
import xs.interp.Json;
import xs.interp.Outcome;
import xs.interp.RealtimeEvent;
import xs.interp.Services;
import xs.interp.TableDefinitions;
import xs.interp.Values;
import xs.interp.XsError;
import xs.services.StandardOutside;
import xs.source.Source;
import xs.syntax.ParseResult;
import xs.syntax.ScriptParser;

/**
 * One case of the run corpus, written as comments in a {@code .xs} file:
 * <pre>
 * // run add_one {"n": 1}          run a function (input optional)
 * // user 7                        as this user ($auth.id)
 * // data {"item": [{"id": 1}]}    with these seed rows
 * // expect {"n": 2}               the response ("&lt;any&gt;" matches any value)
 * // expect error inputerror       or: it fails with this error type (or body code)
 * // expect message No such user   and the message contains this text
 * // expect param n                and names this input field
 * // expect events [{"channel": "c", "event": "e", "data": 1}]
 * // expect logs [1, "two"]
 * // eval [1,2,3]|sum => 6         one expression and its value
 * // eval "a"|foo => error unknown filter
 * </pre>
 * A case's directives follow its {@code // run} line on consecutive comment lines; any other
 * comment there (a misspelled {@code // exepct}), or a directive away from a case, is an error,
 * so a case never silently checks less than it says.
 */
final class RunCase {
    private final Path file;
    private final String text;
    private final int line;
    private final String function;
    private final String input;
    private String user;
    private String data;
    private String expectResponse;
    private String expectError;
    private String expectMessage;
    private String expectParam;
    private String expectEvents;
    private String expectLogs;
    private final String eval;
    private final String evalExpect;

    private RunCase(Path file, String text, int line, String function, String input, String eval, String evalExpect) {
        this.file = file;
        this.text = text;
        this.line = line;
        this.function = function;
        this.input = input;
        this.eval = eval;
        this.evalExpect = evalExpect;
    }

    int line() {
        return line;
    }

    String title() {
        return eval != null ? "eval " + eval : "run " + function;
    }

    /** A comment that starts like a case directive. */
    private static final Pattern DIRECTIVE = Pattern.compile("(user|data|expect)\\b");

    /** The cases of a file; an unknown or misplaced directive is an IllegalArgumentException naming its line. */
    static List<RunCase> parse(Path file, String text) {
        List<RunCase> cases = new ArrayList<>();
        RunCase current = null;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].strip();
            if (!l.startsWith("//")) {
                current = null;
                continue;
            }
            String d = l.substring(2).strip();
            if (d.startsWith("eval ")) {
                int arrow = d.lastIndexOf("=>");
                if (arrow < 0) {
                    throw new IllegalArgumentException(file + ":" + (i + 1) + ": eval needs '=> expected'");
                }
                cases.add(new RunCase(file, text, i + 1, null, null, d.substring(5, arrow).strip(),
                    d.substring(arrow + 2).strip()));
                current = null;
            } else if (d.startsWith("run ")) {
                String rest = d.substring(4).strip();
                int space = rest.indexOf(' ');
                current = new RunCase(file, text, i + 1, space < 0 ? rest : rest.substring(0, space),
                    space < 0 ? null : rest.substring(space + 1).strip(), null, null);
                cases.add(current);
            } else if (current == null) {
                if (DIRECTIVE.matcher(d).lookingAt()) {
                    throw new IllegalArgumentException(file + ":" + (i + 1) + ": \"// " + d
                        + "\" is not part of a case: directives follow a '// run' line on consecutive comment lines");
                }
            } else {
                if (d.startsWith("user ")) {
                    current.user = d.substring(5).strip();
                } else if (d.startsWith("data ")) {
                    current.data = d.substring(5).strip();
                } else if (d.startsWith("expect error ")) {
                    current.expectError = d.substring(13).strip();
                } else if (d.startsWith("expect message ")) {
                    current.expectMessage = d.substring(15).strip();
                } else if (d.startsWith("expect param ")) {
                    current.expectParam = d.substring(13).strip();
                } else if (d.startsWith("expect events ")) {
                    current.expectEvents = d.substring(14).strip();
                } else if (d.startsWith("expect logs ")) {
                    current.expectLogs = d.substring(12).strip();
                } else if (d.startsWith("expect ")) {
                    current.expectResponse = d.substring(7).strip();
                } else {
                    throw new IllegalArgumentException(file + ":" + (i + 1) + ": unknown directive \"// " + d
                        + "\" in the case of line " + current.line + " (known: user, data, expect, expect error, "
                        + "expect message, expect param, expect events, expect logs)");
                }
            }
        }
        return cases;
    }

    void verify() throws Exception {
        try (Database db = Engines.inMemory()) {
            verify(db);
        }
    }

    /** Runs the case against a fresh, empty database of any engine. */
    void verify(Database db) throws Exception {
        ParseResult parsed = new ScriptParser().parse(new Source(file.toString().replace('\\', '/'), text));
        assertNotNull(parsed.script(), () -> "does not parse: " + parsed.diagnostics());
        Program program = new Program(List.of(parsed.script()));
        for (TableSchema t : TableDefinitions.of(program)) {
            db.define(t);
        }
        if (data != null) {
            db.seed(seedRows(Json.read(data)));
        }
        EventRecorder events = new EventRecorder(ChannelDirectory.of(program));
        Interpreter interpreter = new Interpreter(program, Services.of(db, events, Map.of("APP_NAME", "corpus"), 10_000)
            .with(StandardOutside.create()));
        if (eval != null) {
            verifyEval(interpreter);
            return;
        }
        Construct target = program.function(function).orElse(null);
        assertNotNull(target, "no function " + function + " in " + file);
        Map<String, Object> auth = user == null ? Identity.ANONYMOUS.auth() : new Identity(user, "user", Map.of()).auth();
        Object in = input == null ? new LinkedHashMap<>() : Json.read(input);
        Outcome outcome = interpreter.run(target, in, auth, Map.of());
        if (expectError != null) {
            XsError e = outcome.error();
            assertNotNull(e, () -> "expected error " + expectError + " but got " + Json.write(outcome.response()));
            assertTrue(e.type().written().equals(expectError) || e.type().code().equals(expectError),
                () -> "expected error " + expectError + " but got " + e.type().written() + ": " + e.getMessage());
            if (expectMessage != null) {
                assertTrue(e.getMessage().contains(expectMessage),
                    () -> "message \"" + e.getMessage() + "\" lacks \"" + expectMessage + "\"");
            }
            if (expectParam != null) {
                assertEquals(expectParam, e.param());
            }
        } else {
            if (!outcome.ok()) {
                Diagnostic d = Diagnostic.error(outcome.error().code(), outcome.error().span(), outcome.error().getMessage());
                fail("failed: " + d.headline());
            }
            if (expectResponse != null) {
                assertMatches(Json.read(expectResponse), outcome.response(), "response");
            }
        }
        if (expectEvents != null) {
            List<Object> list = new ArrayList<>();
            for (RealtimeEvent e : events.events()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("channel", e.channel());
                m.put("event", e.event());
                m.put("data", Values.normalize(e.data()));
                list.add(m);
            }
            assertMatches(Json.read(expectEvents), list, "events");
        }
        if (expectLogs != null) {
            assertMatches(Json.read(expectLogs), outcome.logs(), "logs");
        }
    }

    private void verifyEval(Interpreter interpreter) throws Exception {
        List<Diagnostic> diagnostics = new ArrayList<>();
        Expr expr = new ScriptParser().parseExpression(new Source(file + ":" + line, eval), diagnostics);
        assertNotNull(expr, () -> "does not parse: " + diagnostics);
        if (evalExpect.startsWith("error")) {
            String wanted = evalExpect.substring(5).strip();
            try {
                Object value = interpreter.constant(expr);
                fail("expected an error containing \"" + wanted + "\" but got " + Json.write(value));
            } catch (XsError e) {
                assertTrue(e.getMessage().contains(wanted), () -> "message \"" + e.getMessage() + "\" lacks \"" + wanted + "\"");
            }
            return;
        }
        assertMatches(Json.read(evalExpect), interpreter.constant(expr), eval);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, List<Map<String, Object>>> seedRows(Object data) {
        return (Map<String, List<Map<String, Object>>>) data;
    }

    /** Exact equality of values (1 and 1.0 differ), where the text "<any>" matches anything. */
    static void assertMatches(Object expected, Object actual, String what) {
        if (!matches(expected, Values.normalize(actual))) {
            fail(what + ": expected " + Json.write(expected) + " but got " + Json.write(Values.normalize(actual)));
        }
    }

    private static boolean matches(Object expected, Object actual) {
        if ("<any>".equals(expected)) {
            return true;
        }
        if (expected instanceof List<?> e && actual instanceof List<?> a) {
            if (e.size() != a.size()) {
                return false;
            }
            for (int i = 0; i < e.size(); i++) {
                if (!matches(e.get(i), a.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (expected instanceof Map<?, ?> e && actual instanceof Map<?, ?> a) {
            if (!e.keySet().equals(a.keySet())) {
                return false;
            }
            for (Map.Entry<?, ?> entry : e.entrySet()) {
                if (!matches(entry.getValue(), a.get(entry.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        return Values.strictEquals(expected, actual);
    }
}
