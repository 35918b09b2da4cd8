package xs.interp;

import java.util.Set;
import xs.ast.GenericStmt;
import xs.ast.Literal;
import xs.source.Span;

/**
 * Statements that run another construct of the workspace by name, as Xano's workflow tests and
 * stacks do: {@code addon.call "user" { input = {user_id: 1} } as $user}.
 */
final class CallStatements {
    private CallStatements() {
    }

    static void register(StatementRegistry r) {
        r.add("addon.call", Set.of("input"), Set.of(), (s, c) -> call(s, c, "addon"));
    }

    private static Exec call(GenericStmt s, Compilation c, String kind) {
        if (!(s.argument() instanceof Literal name) || !(name.value() instanceof String)) {
            throw XsError.runtime(s.nameSpan(), s.name() + " needs the " + kind + "'s name, as in: " + s.name()
                + " \"name\" { input = {...} } as $result");
        }
        Interpreter.Callee callee = new Interpreter.Callee(kind, (String) name.value());
        Eval input = c.attr(s, "input", null);
        Target target = c.as(s);
        Span span = s.span();
        return f -> {
            Object result = f.context.interpreter.callAddon(callee, input.eval(f), f, span);
            if (target != null) {
                target.write(f, result);
            }
            return Exec.NORMAL;
        };
    }
}
