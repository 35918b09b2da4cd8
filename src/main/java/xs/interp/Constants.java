package xs.interp;

import java.util.List;
import java.util.Map;
import xs.ast.Expr;
import xs.ast.Program;

/**
 * Evaluates declarations' values that need no variables and no services: table items and
 * indexes, channel settings. Available before the services of a run exist.
 */
public final class Constants {
    private static final Interpreter EMPTY = new Interpreter(new Program(List.of()),
        new Services(null, event -> {
            throw XsError.runtime(null, "no realtime events while reading declarations");
        }, Map.of(), System::currentTimeMillis, 10_000));

    private Constants() {
    }

    public static Object evaluate(Expr expr) {
        return EMPTY.constant(expr);
    }
}
