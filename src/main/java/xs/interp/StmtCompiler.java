package xs.interp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import xs.ast.Block;
import xs.ast.BreakStmt;
import xs.ast.ConditionalStmt;
import xs.ast.ContinueStmt;
import xs.ast.GenericStmt;
import xs.ast.GroupStmt;
import xs.ast.LoopStmt;
import xs.ast.Stmt;
import xs.ast.StmtVisitor;
import xs.ast.SwitchStmt;
import xs.ast.TryCatchStmt;
import xs.diag.Code;
import xs.source.Span;

/**
 * Compiles statements: the control-flow shapes here, every other statement through the
 * {@link StatementRegistry}. A statement that cannot be compiled (unknown, unsupported, missing
 * an attribute) becomes one that fails when reached, so the rest of the program still runs.
 */
final class StmtCompiler implements StmtVisitor<Exec> {
    private static final Exec NOTHING = f -> Exec.NORMAL;

    private final Compilation c;

    StmtCompiler(Compilation compilation) {
        this.c = compilation;
    }

    Exec block(Block block) {
        if (block == null) {
            return NOTHING;
        }
        List<Exec> list = new ArrayList<>();
        for (Stmt s : block.statements()) {
            if (!s.disabled()) {
                list.add(s.accept(this));
            }
        }
        Exec[] steps = list.toArray(new Exec[0]);
        if (steps.length == 0) {
            return NOTHING;
        }
        if (steps.length == 1) {
            return steps[0];
        }
        return f -> {
            for (Exec step : steps) {
                int signal = step.exec(f);
                if (signal != Exec.NORMAL) {
                    return signal;
                }
            }
            return Exec.NORMAL;
        };
    }

    @Override
    public Exec visitGeneric(GenericStmt s) {
        StatementSpec spec = c.interpreter.statements().get(s.name());
        Span span = s.span();
        if (spec == null) {
            String message = StatementRegistry.isRealXanoStatement(s.name())
                ? s.name() + " is not supported by xs: " + StatementRegistry.whatItNeeds(s.name())
                : "unknown statement '" + s.name() + "'";
            Code code = StatementRegistry.isRealXanoStatement(s.name()) ? Code.XS0305 : Code.XS0301;
            return f -> {
                throw XsError.runtime(s.nameSpan(), message).withCode(code);
            };
        }
        Exec exec;
        try {
            exec = mocked(s, spec.compiler().compile(s, c));
        } catch (XsError e) {
            XsError error = e.at(span);
            return f -> {
                throw error;
            };
        }
        return f -> {
            try {
                return exec.exec(f);
            } catch (XsError e) {
                throw e.at(span);
            }
        };
    }

    /**
     * {@code mock = {"test name": value}}: while that test runs, the statement does not run and
     * its {@code as} variable gets the value; for {@code var $x {…}} and {@code var.update}, the
     * variable they name does.
     */
    private Exec mocked(GenericStmt s, Exec real) {
        Eval mock = c.attr(s, "mock");
        if (mock == null) {
            return real;
        }
        boolean assigns = (s.name().equals("var") || s.name().equals("var.update")) && s.argument() != null;
        Target target = assigns ? c.target(s.argument()) : c.as(s);
        return f -> {
            String test = f.context.testName;
            if (test != null && mock.eval(f) instanceof Map<?, ?> m && m.containsKey(test)) {
                if (target != null) {
                    target.write(f, m.get(test));
                }
                return Exec.NORMAL;
            }
            return real.exec(f);
        };
    }

    @Override
    public Exec visitConditional(ConditionalStmt s) {
        int n = s.branches().size();
        Eval[] conditions = new Eval[n];
        Exec[] bodies = new Exec[n];
        for (int i = 0; i < n; i++) {
            conditions[i] = c.expr(s.branches().get(i).condition());
            bodies[i] = block(s.branches().get(i).body());
        }
        Exec otherwise = block(s.otherwise());
        return f -> {
            for (int i = 0; i < n; i++) {
                if (Values.truthy(conditions[i].eval(f))) {
                    return bodies[i].exec(f);
                }
            }
            return otherwise.exec(f);
        };
    }

    @Override
    public Exec visitSwitch(SwitchStmt s) {
        Eval subject = c.expr(s.subject());
        int n = s.cases().size();
        Eval[] values = new Eval[n];
        Exec[] bodies = new Exec[n];
        boolean[] breaks = new boolean[n];
        for (int i = 0; i < n; i++) {
            values[i] = c.expr(s.cases().get(i).value());
            bodies[i] = block(s.cases().get(i).body());
            breaks[i] = s.cases().get(i).breaks();
        }
        Exec otherwise = block(s.otherwise());
        return f -> {
            Object v = subject.eval(f);
            int start = -1;
            for (int i = 0; i < n && start < 0; i++) {
                if (Values.looseEquals(v, values[i].eval(f))) {
                    start = i;
                }
            }
            if (start < 0) {
                return otherwise.exec(f);
            }
            // Like C: without break a matching case falls through into the next ones.
            for (int i = start; i < n; i++) {
                int signal = bodies[i].exec(f);
                if (signal != Exec.NORMAL) {
                    return signal == Exec.BREAK ? Exec.NORMAL : signal;
                }
                if (breaks[i]) {
                    return Exec.NORMAL;
                }
            }
            int signal = otherwise.exec(f);
            return signal == Exec.BREAK ? Exec.NORMAL : signal;
        };
    }

    @Override
    public Exec visitLoop(LoopStmt s) {
        Eval subject = c.expr(s.subject());
        Target element = s.element() == null ? null : c.target(s.element());
        Exec body = block(s.body());
        Span span = s.span();
        return switch (s.kind()) {
            case FOREACH -> f -> {
                for (Object item : iterable(subject.eval(f), span)) {
                    int signal = turn(f, element, item, body);
                    if (signal != GO_ON) {
                        return signal;
                    }
                }
                return Exec.NORMAL;
            };
            case FOR -> f -> {
                Object count = Values.number(subject.eval(f));
                if (!(count instanceof Long times)) {
                    throw XsError.runtime(span, "for needs a whole number of iterations");
                }
                for (long i = 0; i < times; i++) {
                    int signal = turn(f, element, i, body);
                    if (signal != GO_ON) {
                        return signal;
                    }
                }
                return Exec.NORMAL;
            };
            case WHILE -> f -> {
                for (long i = 0; Values.truthy(subject.eval(f)); i++) {
                    int signal = turn(f, element, i, body);
                    if (signal != GO_ON) {
                        return signal;
                    }
                }
                return Exec.NORMAL;
            };
        };
    }

    /** What {@link #turn} returns when the loop goes on. */
    private static final int GO_ON = -1;

    /**
     * One turn of a loop: the time limit checked, the element variable set, the body run. Returns
     * {@link #GO_ON}, or the signal the loop statement ends with (a break ends only the loop).
     */
    private static int turn(Frame f, Target element, Object value, Exec body) {
        f.context.deadline.check();
        if (element != null) {
            element.write(f, value);
        }
        int signal = body.exec(f);
        if (signal == Exec.BREAK) {
            return Exec.NORMAL;
        }
        return signal == Exec.RETURN ? Exec.RETURN : GO_ON;
    }

    private static Iterable<?> iterable(Object value, Span span) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> l) {
            // Iterate a snapshot: the body may change the variable that holds the list.
            return new ArrayList<>(l);
        }
        if (value instanceof Map<?, ?> m) {
            return new ArrayList<>(m.values());
        }
        throw XsError.runtime(span, "foreach needs an array, got " + Values.typeName(value));
    }

    @Override
    public Exec visitTryCatch(TryCatchStmt s) {
        Exec body = block(s.tryBlock());
        Exec handler = s.catchBlock() == null ? null : block(s.catchBlock());
        Exec cleanup = s.finallyBlock() == null ? null : block(s.finallyBlock());
        int errorSlot = c.slots.slot("error");
        return f -> {
            try {
                return body.exec(f);
            } catch (XsError e) {
                // A timeout or runaway recursion must end the run, whatever the script catches.
                if (handler == null || e.code() == Code.XS0303 || e.code() == Code.XS0304) {
                    throw e;
                }
                f.set(errorSlot, describe(e));
                return handler.exec(f);
            } finally {
                if (cleanup != null) {
                    cleanup.exec(f);
                }
            }
        };
    }

    /** What {@code $error} holds inside catch. */
    static Map<String, Object> describe(XsError e) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("name", e.name());
        error.put("code", e.type().code());
        error.put("message", e.getMessage());
        error.put("result", e.payload());
        return error;
    }

    @Override
    public Exec visitGroup(GroupStmt s) {
        return block(s.body());
    }

    @Override
    public Exec visitBreak(BreakStmt s) {
        return f -> Exec.BREAK;
    }

    @Override
    public Exec visitContinue(ContinueStmt s) {
        return f -> Exec.CONTINUE;
    }
}
