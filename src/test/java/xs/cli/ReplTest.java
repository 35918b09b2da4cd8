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

    @Test
    void helpVarsAndQuit() {
        assertTrue(eval(":help").contains(":quit"));
        assertEquals("no variables yet", eval(":vars"));
        eval("var $a { value = 1 }");
        assertEquals("{\n  \"a\" : 1\n}", eval(":vars"));
        assertTrue(eval(":nope").contains("unknown command :nope"));
        assertTrue(Repl.isQuit(":quit"));
        assertTrue(Repl.isQuit("exit"));
        assertFalse(Repl.isQuit("$exit"));
    }

    @Test
    void anUnknownVariableOrAttributeGetsTheWarningXsCheckGives() {
        String out = eval("$nope + 1");
        assertTrue(out.contains("warning[XS0201]: $nope is read but never assigned"), out);
        assertTrue(out.endsWith("1"), out);
        eval("var $known { value = 2 }");
        assertEquals("3", eval("$known + 1"), "a variable of an earlier entry is known");
        String typo = eval("var $x { vaule = 1 }");
        assertTrue(typo.contains("error[XS0214]: var has no attribute 'vaule' (did you mean 'value'?)"), typo);
    }

    @Test
    void anAssignmentWithEqualsIsAnsweredWithTheRightForm() {
        String out = eval("var $y = 5");
        assertTrue(out.contains("XanoScript sets a variable with a block: var $y { value = 5 }"), out);
    }
}
