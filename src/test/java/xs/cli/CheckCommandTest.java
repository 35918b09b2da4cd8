package xs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xs.interp.Json;

class CheckCommandTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
        return f;
    }

    @Test
    void cleanFolderExitsZero() throws Exception {
        write("a/ok.xs", "function \"f\" {\n  stack {\n    var $x { value = 1 }\n  }\n  response = $x\n}\n");
        Cli.Result r = Cli.run("check", dir.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("checked 1 file: 0 errors, 0 warnings"), r.out());
    }

    @Test
    void textFormatShowsLineColumnCodeAndCaret() throws Exception {
        Path f = write("bad.xs", "function \"f\" {\n  stack {\n    var $x { value = $y }\n  }\n}\n");
        Cli.Result r = Cli.run("check", f.toString());
        assertEquals(0, r.code(), "a variable never assigned is null in Xano too: a warning");
        assertTrue(r.out().contains("bad.xs:3:22: warning[XS0201]: $y is read but never assigned"), r.out());
        assertTrue(r.out().contains("   3 |     var $x { value = $y }\n     |                      ^~"), r.out());
    }

    @Test
    void strictMakesWarningsFail() throws Exception {
        Path f = write("warn.xs", "function \"f\" {\n  stack {\n    var $x { value = $y }\n  }\n}\n");
        Cli.Result r = Cli.run("check", "--strict", f.toString());
        assertEquals(1, r.code(), r.out());
        assertTrue(r.out().contains("0 errors, 1 warning (--strict: warnings fail the check)"), r.out());
        Path clean = write("clean/ok.xs", "function \"g\" {\n  stack {\n  }\n  response = 1\n}\n");
        assertEquals(0, Cli.run("check", "--strict", clean.toString()).code());
    }

    @Test
    void namesFromOtherLanguagesFailSayingWhatXanoWrites() throws Exception {
        // The mistakes of hand-written "exports" that Xano never saved (bench/exports/not-saved-by-xano.tsv).
        Path f = write("learner.xs", """
            function "f" {
              input {
                integer page
                JSON meta
              }
              stack {
                db.insert user {
                  data = {name: "Ann"}
                } as $user
                var $n {
                  value = [1, 2]|length
                }
              }
              response = $n
            }
            """);
        Cli.Result r = Cli.run("check", f.toString());
        assertEquals(1, r.code(), r.out());
        assertTrue(r.out().contains("unknown type 'integer': Xano writes int"), r.out());
        assertTrue(r.out().contains("unknown type 'JSON': types are lower case: write json"), r.out());
        assertTrue(r.out().contains("unknown statement 'db.insert': Xano adds a row with db.add"), r.out());
        assertTrue(r.out().contains("unknown filter 'length': use count for a list or strlen for a text"), r.out());

        Path text = write("concat.xs", "function \"g\" {\n  stack {\n    var $x { value = \"a\" & \"b\" }\n  }\n  response = $x\n}\n");
        Cli.Result joined = Cli.run("check", text.toString());
        assertEquals(1, joined.code(), joined.out());
        assertTrue(joined.out().contains("unexpected character '&' (U+0026): XanoScript joins texts with ~"), joined.out());

        Path branch = write("else_if.xs", """
            function "h" {
              stack {
                conditional {
                  if (1 > 2) {
                    var $x { value = 1 }
                  }
                  else_if (2 > 1) {
                    var $x { value = 2 }
                  }
                }
              }
              response = 1
            }
            """);
        Cli.Result elseIf = Cli.run("check", branch.toString());
        assertEquals(1, elseIf.code(), elseIf.out());
        assertTrue(elseIf.out().contains("'else_if', found '(': XanoScript writes 'elseif' as one word"), elseIf.out());
    }

    @Test
    void aMisspelledConstructKeywordFailsWithASuggestion() throws Exception {
        Path f = write("typo.xs", "functoin \"x\" {\n  stack {\n  }\n}\n");
        Cli.Result r = Cli.run("check", f.toString());
        assertEquals(1, r.code());
        assertTrue(r.out().contains("error[XS0219]: unknown construct 'functoin' (did you mean 'function'?)"), r.out());
    }

    @Test
    void queriesOfOtherGroupFoldersAreNotDuplicates() throws Exception {
        // The VS Code extension's layout names the group by its folder, not by an api_group attribute.
        String query = "query countries verb=GET {\n  input {\n  }\n  stack {\n  }\n  response = []\n}\n";
        write("apis/candidates/1_countries_GET.xs", query);
        write("apis/prospects/2_countries_GET.xs", query);
        Cli.Result r = Cli.run("check", dir.toString());
        assertEquals(0, r.code(), r.out());
        assertTrue(r.out().contains("checked 2 files: 0 errors, 0 warnings"), r.out());
    }

    @Test
    void aCopyInAnotherFileIsAWarningAndHiddenFoldersAreNotRead() throws Exception {
        String function = "function \"f\" {\n  stack {\n  }\n  response = 1\n}\n";
        write("backend/function/f.xs", function);
        write("multidoc/all.xs", function);
        write(".xano-backup/function/f.xs", "function \"f\" {\n  broken");
        Cli.Result r = Cli.run("check", dir.toString());
        assertEquals(0, r.code(), r.out());
        assertTrue(r.out().contains("warning[XS0207]: function \"f\" is also declared at"), r.out());
        assertTrue(r.out().contains("checked 2 files: 0 errors, 1 warning"), r.out());
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonFormatIsOneDocument() throws Exception {
        write("bad.xs", "function \"f\" {\n  stack {\n    var $x { value = $y }\n  }\n}\n");
        write("broken.xs", "function \"g\" {\n  stack {\n");
        Cli.Result r = Cli.run("check", dir.toString(), "--format", "json");
        assertEquals(1, r.code());
        Map<String, Object> doc = (Map<String, Object>) Json.read(r.out());
        assertEquals(1L, doc.get("version"));
        assertEquals(2L, doc.get("files"));
        assertEquals(1L, doc.get("errors"));
        assertEquals(1L, doc.get("warnings"));
        List<Map<String, Object>> diagnostics = (List<Map<String, Object>>) doc.get("diagnostics");
        Map<String, Object> first = diagnostics.get(0);
        assertEquals(List.of("file", "line", "column", "endLine", "endColumn", "severity", "code", "message"),
            List.copyOf(first.keySet()));
        assertEquals("XS0201", first.get("code"));
        assertEquals(3L, first.get("line"));
        assertEquals("XS0103", diagnostics.get(1).get("code"));
    }

    @Test
    void githubFormatWritesWorkflowCommands() throws Exception {
        Path f = write("w.xs", "function \"f\" {\n  stack {\n    foo.bar\n  }\n}\n");
        Cli.Result r = Cli.run("check", f.toString(), "--format", "github");
        assertEquals(1, r.code());
        assertTrue(r.out().startsWith("::error file=" + f.toString().replace(":", "%3A") + ",line=3,col=5,"), r.out());
        assertTrue(r.out().contains("title=XS0204::unknown statement 'foo.bar'"), r.out());
    }

    @Test
    void missingPathIsAUsageError() {
        Cli.Result r = Cli.run("check", dir.resolve("nope").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("no such file or folder"), r.err());
    }

    @Test
    void unknownOptionIsAUsageError() {
        Cli.Result r = Cli.run("check", "--colour", dir.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("Unknown option"), r.err());
    }
}
