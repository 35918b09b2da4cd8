package xs.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xs.diag.Code;
import xs.diag.Diagnostic;
import xs.source.DeepStacks;
import xs.source.Source;
import xs.source.SourceLoader;

/** Every kind of bad input ends in diagnostics, never an exception, a stack overflow or a hang. */
class BadInputTest {
    private final ScriptParser parser = new ScriptParser();

    private ParseResult parse(String text) {
        // Parsing runs on a deep-stack thread in xs, as here.
        AtomicReference<ParseResult> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = DeepStacks.thread("test-parse", () -> {
            try {
                result.set(parser.parse(new Source("t.xs", text)));
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        if (failure.get() != null) {
            throw new AssertionError("parser threw", failure.get());
        }
        return result.get();
    }

    private static boolean has(ParseResult r, Code code) {
        return r.diagnostics().stream().anyMatch(d -> d.code() == code);
    }

    @Test
    void emptyFileIsAWarningNotAnError() {
        ParseResult r = parse("");
        assertFalse(r.hasErrors());
        assertTrue(has(r, Code.XS0108));
        assertTrue(parse("\n\n// only a comment\n").diagnostics().stream().allMatch(d -> d.code() == Code.XS0108));
    }

    @Test
    void binaryGarbageIsNotATextFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("garbage.xs");
        byte[] bytes = new byte[4096];
        new java.util.Random(7).nextBytes(bytes);
        bytes[100] = 0;
        Files.write(file, bytes);
        SourceLoader.Loaded loaded = new SourceLoader().load(file);
        assertNotNull(loaded.problem());
        assertTrue(loaded.problem().contains("not a text file"), loaded.problem());
    }

    @Test
    void invalidUtf8NamesTheByteOffset(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("latin1.xs");
        Files.write(file, new byte[] {'f', 'u', 'n', (byte) 0xE9, 'x'});
        SourceLoader.Loaded loaded = new SourceLoader().load(file);
        assertTrue(loaded.problem().contains("not valid UTF-8") && loaded.problem().contains("byte offset 3"),
            loaded.problem());
    }

    @Test
    void twentyThousandNestedParenthesesAreTooDeep() {
        String text = "function \"f\" {\n  stack {\n    var $x { value = " + "(".repeat(20_000) + "1"
            + ")".repeat(20_000) + " }\n  }\n}\n";
        ParseResult r = parse(text);
        assertTrue(has(r, Code.XS0105), r.diagnostics().toString());
        assertNull(r.script());
    }

    @Test
    void aVeryLongOperatorChainParses() {
        String text = "function \"f\" {\n  stack {\n    var $x { value = 1" + " + 1".repeat(50_000) + " }\n  }\n}\n";
        ParseResult r = parse(text);
        assertFalse(r.hasErrors(), () -> r.diagnostics().toString());
    }

    @Test
    void aFiveMegabyteFileParses() {
        StringBuilder b = new StringBuilder();
        int i = 0;
        while (b.length() < 5 * 1024 * 1024) {
            b.append("function \"f").append(i++).append("\" {\n  input {\n    int a\n  }\n  stack {\n")
                .append("    var $x { value = $input.a|add:1 ~ \"text\" }\n")
                .append("    db.query \"t\" {\n      where = $db.t.a == $x && $db.t.b ==? $input.a\n    } as $rows\n")
                .append("  }\n  response = {x: $x, rows: $rows|count}\n}\n");
        }
        ParseResult r = parse(b.toString());
        assertFalse(r.hasErrors(), () -> r.diagnostics().stream().limit(3).toList().toString());
        assertEquals(i, r.script().constructs().size());
    }

    @Test
    void unterminatedStringsAndBlocksSayWhat() {
        ParseResult s = parse("function \"f\" {\n  response = \"abc\n}\n");
        assertTrue(has(s, Code.XS0102), s.diagnostics().toString());
        ParseResult block = parse("function \"f\" {\n  response = \"\"\"\n  text\n");
        assertTrue(has(block, Code.XS0102), block.diagnostics().toString());
        ParseResult tick = parse("function \"f\" {\n  response = `1 + 2\n}\n");
        assertTrue(has(tick, Code.XS0102), tick.diagnostics().toString());
        ParseResult open = parse("function \"f\" {\n  stack {\n    var $x { value = 1 }\n");
        Diagnostic d = open.diagnostics().stream().filter(x -> x.code() == Code.XS0103).findFirst().orElseThrow();
        assertEquals("expected '}' to close the stack block opened at 2:9, found end of file", d.message());
    }

    @Test
    void wrongClosingBracketNamesTheOpeningOne() {
        ParseResult r = parse("function \"f\" {\n  response = [1, 2}\n}\n");
        List<String> messages = r.diagnostics().stream().map(Diagnostic::message).toList();
        assertTrue(messages.contains("expected ']' to close the array opened at 2:14, found '}'"), messages.toString());
    }
}
