package xs.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import xs.ast.Program;
import xs.ast.Script;
import xs.source.Source;
import xs.syntax.ScriptParser;

/** The words of the reload line: what a reload added, changed and removed, per kind. */
class ProgramChangeTest {
    private static Program program(String... files) {
        List<Script> scripts = new ArrayList<>();
        for (int i = 0; i < files.length; i += 2) {
            scripts.add(new ScriptParser().parse(new Source(files[i], files[i + 1])).script());
        }
        return new Program(scripts);
    }

    static final String GROUP = "api_group shop {\n  canonical = \"s1\"\n}\n";

    static String query(String path, String verb, String response) {
        return "query \"" + path + "\" verb=" + verb + " {\n  api_group = \"shop\"\n  stack {\n  }\n  response = "
            + response + "\n}\n";
    }

    static String function(String name, String response) {
        return "function " + name + " {\n  stack {\n  }\n  response = " + response + "\n}\n";
    }

    @Test
    void countsAddedChangedAndRemovedPerKindInLoadOrder() {
        Program before = program("api/shop.xs", GROUP, "api/a_GET.xs", query("a", "GET", "1"),
            "api/b_GET.xs", query("b", "GET", "1"), "function/f.xs", function("f", "1"),
            "function/g.xs", function("g", "1"), "task/t.xs", "task t {\n  stack {\n  }\n}\n");
        Program after = program("api/shop.xs", GROUP, "api/a_GET.xs", query("a", "GET", "1"),
            "api/b_GET.xs", query("b", "GET", "2"), "api/c_POST.xs", query("c", "POST", "1"),
            "function/f.xs", function("f", "2"), "function/g.xs", function("g", "2"));
        assertEquals("+1 query, ~1 query, ~2 functions, -1 task", ProgramChange.between(before, after).summary());
    }

    @Test
    void aQueryIsKnownByItsVerbAndGroupAndAFileMayMove() {
        Program before = program("api/a_GET.xs", query("a", "GET", "1"));
        assertEquals("+1 query, -1 query",
            ProgramChange.between(before, program("api/a_POST.xs", query("a", "POST", "1"))).summary());
        assertEquals("nothing changed",
            ProgramChange.between(before, program("elsewhere/a.xs", query("a", "GET", "1"))).summary());
    }

    @Test
    void multiWordKindsReadAsWords() {
        Program before = program("r.xs", "realtime_channel \"room:*\" {\n  active = true\n}\n");
        Program after = program("r.xs", "realtime_channel \"room:*\" {\n  active = false\n}\n---\n"
            + "realtime_trigger t1 {\n  channel = \"room:*\"\n  stack {\n  }\n}\n---\n"
            + "realtime_trigger t2 {\n  channel = \"room:*\"\n  stack {\n  }\n}\n");
        assertEquals("~1 realtime channel, +2 realtime triggers", ProgramChange.between(before, after).summary());
    }
}
