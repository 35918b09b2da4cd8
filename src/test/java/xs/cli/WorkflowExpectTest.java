package xs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code expect.*} statement of Xano's engine inside a workflow test: each passes when it
 * holds, and each fails its workflow test at its own line, with what was expected.
 */
class WorkflowExpectTest {
    /** One failing use of each expectation, and the start of the message it fails with. */
    private static final Map<String, String> FAILING = new LinkedHashMap<>();

    static {
        FAILING.put("expect.to_equal ($v.n) { value = 4 }", "expected 4, got 3");
        FAILING.put("expect.to_not_equal ($v.n) { value = 3 }", "expected anything but 3");
        FAILING.put("expect.to_be_greater_than ($v.n) { value = 3 }", "expected a value greater than 3, got 3");
        FAILING.put("expect.to_be_less_than ($v.n) { value = 3 }", "expected a value less than 3, got 3");
        FAILING.put("expect.to_contain ($v.tags) { value = \"z\" }", "expected [\"a\",\"b\"] to contain \"z\"");
        FAILING.put("expect.to_start_with ($v.name) { value = \"x\" }", "expected \"Ada\" to start with \"x\"");
        FAILING.put("expect.to_end_with ($v.name) { value = \"x\" }", "expected \"Ada\" to end with \"x\"");
        FAILING.put("expect.to_match ($v.name) { value = \"^[0-9]+$\" }", "expected \"Ada\" to match \"^[0-9]+$\"");
        FAILING.put("expect.to_be_true ($v.off)", "expected true, got false");
        FAILING.put("expect.to_be_false ($v.n)", "expected false, got 3");
        FAILING.put("expect.to_be_null ($v.n)", "expected null, got 3");
        FAILING.put("expect.to_not_be_null ($v.none)", "expected a value, got null");
        FAILING.put("expect.to_be_empty ($v.tags)", "expected an empty value, got [\"a\",\"b\"]");
        FAILING.put("expect.to_be_defined ($v.missing)", "expected it to be defined");
        FAILING.put("expect.to_not_be_defined ($v.none)", "expected it to be undefined");
        FAILING.put("expect.to_be_within ($v.n) {\n      min = 4\n      max = 9\n    }", "expected a value within 4 and 9, got 3");
        FAILING.put("expect.to_throw { stack { var $x { value = 1 } } }", "expected an error, but none was thrown");
        FAILING.put("expect.to_be_in_the_past ($v.later)", "expected a timestamp in the past, got ");
        FAILING.put("expect.to_be_in_the_future ($v.earlier)", "expected a timestamp in the future, got ");
    }

    private static final String VALUES = "    var $v { value = {n: 3, name: \"Ada\", tags: [\"a\", \"b\"], off: false, "
        + "none: null, earlier: \"2020-01-01 00:00:00+0000\", later: now + 3600000} }\n";

    @Test
    void everyExpectationPassesWhenItHolds(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("expects.xs"), "workflow_test \"every expectation holds\" {\n  stack {\n" + VALUES + """
                expect.to_equal ($v.n) { value = 3 }
                expect.to_not_equal ($v.n) { value = 4 }
                expect.to_be_greater_than ($v.n) { value = 2 }
                expect.to_be_less_than ($v.n) { value = 4 }
                expect.to_contain ($v.tags) { value = "b" }
                expect.to_start_with ($v.name) { value = "A" }
                expect.to_end_with ($v.name) { value = "da" }
                expect.to_match ($v.name) { value = "^[A-Z][a-z]+$" }
                expect.to_be_true ($v.n == 3)
                expect.to_be_false ($v.off)
                expect.to_be_null ($v.none)
                expect.to_not_be_null ($v.name)
                expect.to_be_empty ($v.none)
                expect.to_be_defined ($v.none)
                expect.to_not_be_defined ($v.missing)
                expect.to_be_within ($v.n) {
                  min = 3
                  max = 9
                }
                expect.to_throw {
                  stack {
                    throw {
                      name = "Boom"
                      value = "it broke"
                    }
                  }
                  exception = "broke"
                }
                expect.to_be_in_the_past ($v.earlier)
                expect.to_be_in_the_future ($v.later)
              }
            }
            """);
        Cli.Result r = Cli.run("test", dir.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertEquals("1 passed, 0 failed", r.out().strip());
    }

    @Test
    void everyExpectationFailsItsWorkflowTestAtItsLine(@TempDir Path dir) throws Exception {
        StringBuilder text = new StringBuilder();
        Map<String, Integer> lines = new LinkedHashMap<>();
        int line = 1;
        int i = 0;
        for (String expect : FAILING.keySet()) {
            text.append("workflow_test \"case ").append(i++).append("\" {\n  stack {\n").append(VALUES)
                .append("    ").append(expect).append("\n  }\n}\n---\n");
            lines.put(expect, line + 3);
            line += 7 + (int) expect.chars().filter(ch -> ch == '\n').count();
        }
        Path file = dir.resolve("expects.xs");
        Files.writeString(file, text.toString());
        Cli.Result r = Cli.run("test", dir.toString());
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().strip().endsWith("0 passed, " + FAILING.size() + " failed"), r.out() + r.err());
        i = 0;
        for (Map.Entry<String, String> e : FAILING.entrySet()) {
            String expected = file + ":" + lines.get(e.getKey()) + ":5: workflow_test \"case " + i++ + "\" failed: "
                + e.getValue();
            assertTrue(r.out().contains(expected), "missing: " + expected + "\n" + r.out());
        }
    }
}
