package xs.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import xs.ast.Construct;
import xs.ast.Program;
import xs.db.engines.Engines;
import xs.db.hooks.WriteHooks;
import xs.source.Source;
import xs.syntax.ParseResult;
import xs.syntax.ScriptParser;

/**
 * A table trigger's run ({@link TriggerRun}): the input xs builds becomes {@code $input} as it is
 * when the input block takes it unchanged, and is validated otherwise; logs and post-process
 * lines come back; errors are answered, not thrown.
 */
class TriggerRunTest {
    private static final String STANDARD = """
        json new
        json old
        enum action {
          values = ["insert", "update", "delete", "truncate"]
        }
        text datasource
        """;
    private static final Map<String, Object> ROW = Map.of("id", 7L, "name", "row");

    private static Program program(String text) {
        ParseResult parsed = new ScriptParser().parse(new Source("triggers.xs", text));
        assertNotNull(parsed.script(), () -> "does not parse: " + parsed.diagnostics());
        return new Program(List.of(parsed.script()));
    }

    private static String trigger(String input, String stack) {
        return "table_trigger t {\n  table = \"item\"\n" + (input == null ? "" : "  input {\n" + input + "  }\n")
            + "  stack {\n" + stack + "  }\n}\n";
    }

    private static Interpreter interpreter(Program program) {
        WriteHooks db = Engines.inMemory();
        for (var t : TableDefinitions.of(program)) {
            db.define(t);
        }
        return new Interpreter(program, Services.of(db, new EventRecorder(ChannelDirectory.of(program)), Map.of(),
            10_000));
    }

    /** Runs the program's only trigger once; answers its logs, its error last when there is one. */
    private static List<Object> run(String input, String stack, String action, String datasource) {
        Program program = program(trigger(input, stack));
        Interpreter interpreter = interpreter(program);
        List<Object> logs = new ArrayList<>();
        XsError error = TriggerRun.of(interpreter, program.all("table_trigger").get(0))
            .run(ROW, Map.of(), action, datasource, logs::add);
        if (error != null) {
            logs.add(error);
        }
        return logs;
    }

    private static InputSchema schema(String input) {
        Construct c = program(trigger(input, "")).all("table_trigger").get(0);
        return InputSchema.of(c.input().orElseThrow());
    }

    private static boolean passes(String input) {
        return schema(input).passesUnchanged(Set.of("new", "old"), Set.of("datasource"),
            Map.of("action", Set.of("insert", "update", "delete", "truncate")));
    }

    @Test
    void theStandardBlockGetsTheValuesAsTheyAreInTheDeclaredOrder() {
        String reordered = """
            text datasource
            enum action {
              values = ["truncate", "delete", "update", "insert"]
            }
            json old
            json new
            """;
        assertTrue(passes(reordered));
        List<Object> logs = run(reordered, "debug.log { value = $input }\n", "insert", "live");
        assertEquals(1, logs.size(), logs.toString());
        @SuppressWarnings("unchecked")
        Map<String, Object> given = (Map<String, Object>) logs.get(0);
        assertEquals(List.of("datasource", "action", "old", "new"), new ArrayList<>(given.keySet()));
        // Exactly what validating the same values answers, order included.
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("new", ROW);
        raw.put("old", Map.of());
        raw.put("action", "insert");
        raw.put("datasource", "live");
        Map<String, Object> validated = schema(reordered).apply(raw, 0, "");
        assertEquals(validated, given);
        assertEquals(new ArrayList<>(validated.keySet()), new ArrayList<>(given.keySet()));
    }

    @Test
    void aBlockThatCouldChangeOrRefuseTheValuesValidatesThem() {
        String upper = "json new\ntext action filters=upper\n";
        assertTrue(!passes(upper));
        assertEquals(List.of("INSERT"), run(upper, "debug.log { value = $input.action }\n", "insert", "live"));

        String insertsOnly = "json new\nenum action {\n  values = [\"insert\"]\n}\n";
        List<Object> refused = run(insertsOnly, "debug.log { value = \"ran\" }\n", "update", "live");
        assertEquals(1, refused.size(), "the stack did not run: " + refused);
        assertTrue(refused.get(0) instanceof XsError e && e.getMessage().contains("must be one of"), refused.toString());
    }

    @Test
    void whatTakesTheValuesUnchanged() {
        assertTrue(passes(STANDARD));
        assertTrue(passes("object new\ntext action\nenum datasource\n"), "object without schema, plain text, open enum");
        assertTrue(passes(""), "an empty block");
        assertTrue(!passes("object new {\n  schema {\n    int id\n  }\n}\n"), "a nested schema drops columns");
        assertTrue(!passes("json[] new\n"), "a list");
        assertTrue(!passes("text datasource?=live\n"), "a default");
        assertTrue(!passes("text datasource filters=trim\n"), "a filter");
        assertTrue(!passes("int action\n"), "a type that converts");
        assertTrue(!passes("email datasource\n"), "a type that can refuse");
        assertTrue(!passes("enum action {\n  values = [\"insert\", \"update\"]\n}\n"), "an enum missing actions");
        assertTrue(!passes("json new\ntext note\n"), "a field xs does not give");
        assertTrue(!passes("text new\n"), "text for a row");
    }

    @Test
    void withoutAnInputBlockTheTriggerGetsAllFour() {
        List<Object> logs = run(null, "debug.log { value = $input|keys }\n", "delete", "live");
        assertEquals(List.of(List.of("new", "old", "action", "datasource")), logs);
    }

    @Test
    void postProcessStacksRunBeforeTheRunEndsAndTheirLinesComeBack() {
        List<Object> logs = run(STANDARD, """
            util.post_process {
              stack {
                debug.log { value = "after" }
              }
            }
            debug.log { value = "during" }
            """, "insert", "live");
        assertEquals(2, logs.size(), logs.toString());
        assertEquals("during", logs.get(0));
        assertTrue(String.valueOf(logs.get(1)).startsWith("util.post_process (triggers.xs:") && String.valueOf(logs.get(1))
            .endsWith(" log: after"), logs.toString());
    }

    @Test
    void failuresAreAnsweredWithWhereTheyHappened() {
        List<Object> logs = run(STANDARD, "precondition ($input.action != \"insert\") {\n  error = \"no inserts\"\n}\n",
            "insert", "live");
        XsError e = (XsError) logs.get(logs.size() - 1);
        assertEquals("no inserts", e.getMessage());
        assertNotNull(e.span());

    }

    @Test
    void aStackThatDoesNotCompileIsTheRunsError() {
        List<Object> logs = run(STANDARD, "function.call {\n  input = {}\n}\n", "insert", "live");
        assertEquals(1, logs.size(), logs.toString());
        assertTrue(logs.get(0) instanceof XsError e && e.getMessage().contains("needs the function's name"),
            logs.toString());
    }

    @Test
    void itsWritesGoToTheDataSourceThatWasWrittenTo() {
        Program program = program("table audit {\n  schema {\n    int id\n  }\n}\n---\n"
            + trigger(STANDARD, "db.add audit {\n  data = {}\n}\n"));
        Interpreter interpreter = interpreter(program);
        XsError error = TriggerRun.of(interpreter, program.all("table_trigger").get(0))
            .run(ROW, Map.of(), "insert", "test", line -> { });
        assertNull(error);
        xs.db.Database db = interpreter.services().database();
        assertNull(db.get("audit", "id", 1L), "nothing written in live");
        assertNotNull(db.dataSource("test").get("audit", "id", 1L));
    }

    @Test
    void aRunThatSucceedsAnswersNoError() {
        Program program = program(trigger(STANDARD, "var $x { value = $input.new.id }\n"));
        XsError error = TriggerRun.of(interpreter(program), program.all("table_trigger").get(0))
            .run(ROW, Map.of(), "insert", "live", line -> { });
        assertNull(error);
    }
}
