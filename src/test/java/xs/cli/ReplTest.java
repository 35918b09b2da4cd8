package xs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ReplTest {
    private final StringWriter text = new StringWriter();
    private final Repl repl = new Repl(new PrintWriter(text, true));

    private String eval(String entry) {
        text.getBuffer().setLength(0);
        repl.evaluate(entry);
        return text.toString().strip();
    }

    @Test
    void variablesPersistBetweenEntries() {
        assertEquals("$x = [ 1, 2, 3 ]", eval("var $x {\n  value = [1,2,3]\n}"));
        assertEquals("$x = [ 1, 2, 3, 4 ]", eval("array.push $x { value = 4 }"));
        assertEquals("10", eval("$x|sum"));
        assertEquals("\"n=4\"", eval("\"n=\" ~ ($x|count)"));
    }

    @Test
    void errorsArePrintedAndTheSessionGoesOn() {
        assertTrue(eval("1 +").contains("error[XS0101]: expected a value"));
        assertTrue(eval("\"a\"|nope").contains("unknown filter 'nope'"));
        assertEquals("2", eval("1 + 1"));
    }

    @Test
    void unfinishedEntriesAskForMore() {
        assertTrue(Repl.incomplete("var $x {"));
        assertTrue(Repl.incomplete("$list\n  |map:$$ * 2|"));
        assertFalse(Repl.incomplete("var $x { value = \"{\" }"));
        assertFalse(Repl.incomplete("$a // a comment with ( in it"));
    }

    @Test
    void theDatabaseKeepsRows() {
        eval("db.add \"note\" { data = {text: \"hi\"} } as $n");
        assertEquals("1", eval("$n.id"));
        assertTrue(eval("db.query \"note\" as $all").contains("\"text\" : \"hi\""));
    }
}
