package xs.services.lambda;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import xs.ast.Program;
import xs.db.engines.Engines;
import xs.interp.Interpreter;
import xs.interp.Lambdas;
import xs.interp.Outcome;
import xs.interp.Services;
import xs.source.Source;
import xs.syntax.ParseResult;
import xs.syntax.ScriptParser;

/** Runs .xs text whose lambdas go to the given {@link Lambdas}, as xs run would. */
final class LambdaRun {
    private LambdaRun() {
    }

    static Interpreter interpreter(String xs, Lambdas lambdas, long timeoutMillis) {
        ParseResult parsed = new ScriptParser().parse(new Source("lambda.xs", xs));
        assertFalse(parsed.hasErrors(), () -> parsed.diagnostics().toString());
        Program program = new Program(List.of(parsed.script()));
        Services services = Services.of(Engines.inMemory(), event -> {
        }, Map.of("APP_NAME", "demo", "XS_AUTH_SECRET", "token-secret"), timeoutMillis).withLambdas(lambdas);
        return new Interpreter(program, services);
    }

    /** A function "f" with the given input block and stack, responding with {@code $out}. */
    static String function(String input, String stack) {
        return "function f {\n  input {\n" + input + "\n  }\n  stack {\n" + stack + "\n  }\n  response = $out\n}\n";
    }

    /** A function "f" whose stack is one lambda with the given code and timeout, stored in {@code $out}. */
    static String lambda(String code, int timeoutSeconds) {
        return function("", "    api.lambda {\n      code = \"\"\"\n" + code.indent(8) + "        \"\"\"\n      timeout = "
            + timeoutSeconds + "\n    } as $out");
    }

    static Outcome call(Interpreter interpreter, Object input, Map<String, Object> auth) {
        return interpreter.call("f", input, auth);
    }
}
