package xs.services;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import xs.ast.Construct;
import xs.ast.Program;
import xs.db.Database;
import xs.db.engines.Engines;
import xs.interp.EventRecorder;
import xs.interp.ChannelDirectory;
import xs.interp.Identity;
import xs.interp.Interpreter;
import xs.interp.Outcome;
import xs.interp.Services;
import xs.interp.TableDefinitions;
import xs.interp.XsError;
import xs.source.Source;
import xs.syntax.ParseResult;
import xs.syntax.ScriptParser;

/** Runs a script's function (or test blocks) from text against given services, for the service tests. */
final class Scripts {
    private final Interpreter interpreter;

    private Scripts(Interpreter interpreter) {
        this.interpreter = interpreter;
    }

    /** Parses {@code text}; the services are the standard ones as {@code configure} changes them. */
    static Scripts of(String text, UnaryOperator<Services> configure) {
        ParseResult parsed = new ScriptParser().parse(new Source("test.xs", text));
        assertNotNull(parsed.script(), () -> "does not parse: " + parsed.diagnostics());
        Program program = new Program(List.of(parsed.script()));
        Database db = Engines.inMemory();
        try {
            for (var t : TableDefinitions.of(program)) {
                db.define(t);
            }
        } catch (xs.db.DbException e) {
            fail(e.getMessage());
        }
        Services services = Services.of(db, new EventRecorder(ChannelDirectory.of(program)), Map.of("SECRET", "s3cret"),
            20_000);
        return new Scripts(new Interpreter(program, configure.apply(services)));
    }

    static Scripts of(String text) {
        return of(text, s -> s.with(StandardOutside.create()));
    }

    Interpreter interpreter() {
        return interpreter;
    }

    /** The function's response; a failure fails the test with the error. */
    Object call(String function, Object input) {
        Outcome o = interpreter.call(function, input, Identity.ANONYMOUS.auth());
        if (!o.ok()) {
            fail("failed: " + o.error().getMessage());
        }
        return o.response();
    }

    /** The function's error; success fails the test. */
    XsError error(String function, Object input) {
        Outcome o = interpreter.call(function, input, Identity.ANONYMOUS.auth());
        if (o.ok()) {
            fail("expected an error, got " + o.response());
        }
        return o.error();
    }

    /** Runs the test block named {@code test} of the construct {@code construct}. */
    Outcome test(Construct construct, String test) {
        return interpreter.run(construct, Map.of(), Identity.ANONYMOUS.auth(), Map.of(), test);
    }
}
