package xs.interp;

import java.util.Set;
import xs.ast.GenericStmt;
import xs.ast.Literal;
import xs.source.Span;

/**
 * Statements that run another construct of the workspace by name, as Xano's workflow tests and
 * stacks do: {@code addon.call "user" { input = {user_id: 1} } as $user}. {@code function.call}
 * is {@code function.run}; {@code task.call} runs a task's stack now; {@code trigger.call} runs a
 * table trigger (or a realtime trigger) with the given input; {@code middleware.call} runs a
 * middleware with {@code input = {vars: {...}, type: "pre"}}; {@code tool.call} runs a tool's
 * stack (no LLM involved); {@code workflow_test.call} runs another workflow test's stack inside
 * this one (its failed expectations fail the caller). Each answers the construct's response.
 * Functions, tasks and tools run inside their own middleware, else the branch's for their kind
 * ({@link Gateway}).
 */
final class CallStatements {
    private CallStatements() {
    }

    static void register(StatementRegistry r) {
        r.add("addon.call", Set.of("input"), Set.of(), (s, c) -> call(s, c, "addon"));
        r.add("function.call", Set.of("input", "runtime_mode"), Set.of(), (s, c) -> call(s, c, "function"));
        r.add("task.call", Set.of("input"), Set.of(), (s, c) -> call(s, c, "task"));
        r.add("middleware.call", Set.of("input"), Set.of(), (s, c) -> call(s, c, "middleware"));
        r.add("tool.call", Set.of("input"), Set.of(), (s, c) -> call(s, c, "tool"));
        r.add("trigger.call", Set.of("input"), Set.of(), (s, c) -> call(s, c, "trigger"));
        r.add("workflow_test.call", Set.of("input"), Set.of(), (s, c) -> call(s, c, "workflow_test"));
    }

    private static Exec call(GenericStmt s, Compilation c, String kind) {
        if (!(s.argument() instanceof Literal name) || !(name.value() instanceof String)) {
            throw XsError.runtime(s.nameSpan(), s.name() + " needs the " + kind + "'s name, as in: " + s.name()
                + " \"name\" { input = {...} } as $result");
        }
        String called = (String) name.value();
        String resolved = kind;
        if (kind.equals("trigger")) {
            resolved = c.interpreter.program().find("table_trigger", called).isPresent() ? "table_trigger"
                : "realtime_trigger";
        }
        Interpreter.Callee callee = new Interpreter.Callee(resolved, called);
        Eval input = c.attr(s, "input", null);
        Target target = c.as(s);
        Span span = s.span();
        return f -> {
            Object result = f.context.interpreter.callNamed(callee, input.eval(f), f, span, s.name());
            if (target != null) {
                target.write(f, result);
            }
            return Exec.NORMAL;
        };
    }
}
