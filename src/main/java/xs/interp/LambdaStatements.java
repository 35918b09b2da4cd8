package xs.interp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import xs.ast.Expr;
import xs.ast.GenericStmt;
import xs.ast.Literal;
import xs.source.Source;
import xs.source.Span;

/**
 * {@code api.lambda}: JavaScript run by the services' {@link Lambdas}, with the stack's input,
 * variables, environment and user as its globals. What the code prints goes to the run's log.
 * <pre>api.lambda { code = "return $var.items.length;" timeout = 10 } as $count</pre>
 */
final class LambdaStatements {
    /** Xano's default when a lambda names no timeout. */
    private static final long DEFAULT_TIMEOUT_SECONDS = 10;

    private LambdaStatements() {
    }

    static void register(StatementRegistry r) {
        r.add("api.lambda", Set.of("code", "timeout"), Set.of("code"), LambdaStatements::lambda);
    }

    private static Exec lambda(GenericStmt s, Compilation c) {
        Eval code = c.required(s, "code");
        Eval timeout = c.attr(s, "timeout", DEFAULT_TIMEOUT_SECONDS);
        Expr written = s.attribute("code").orElse(null);
        Target target = c.as(s);
        Span span = s.span();
        return f -> {
            Object text = code.eval(f);
            if (!(text instanceof String js)) {
                throw XsError.runtime(span, "api.lambda needs its code as text, got " + Operators.describe(text));
            }
            long limit = timeoutMillis(timeout.eval(f), span);
            long remaining = f.context.deadline.remainingMillis();
            boolean runEndsFirst = remaining >= 0 && remaining < limit;
            Lambdas.Call call = new Lambdas.Call(js, runEndsFirst ? Math.max(1, remaining) : limit, f.input,
                f.variables(), lambdaEnv(f.context.interpreter.environment()), lambdaAuth(f.auth));
            Lambdas.Result result;
            try {
                result = f.context.services.lambdas().run(call);
            } catch (Lambdas.Failure e) {
                log(f, e.output());
                if (runEndsFirst && e.kind() == Lambdas.Failure.Kind.TIMEOUT) {
                    throw f.context.deadline.timeout().at(span);
                }
                throw XsError.runtime(lineOf(written, e.line(), span), e.getMessage());
            }
            log(f, result.output());
            if (target != null) {
                target.write(f, result.value());
            }
            return Exec.NORMAL;
        };
    }

    /**
     * Runs the JavaScript of a {@code lambda_*} filter as api.lambda runs its code (the same
     * globals, the default timeout within the run's own); {@code linesBefore} lines of the code
     * are the filter's wrapper, so a failing line is counted in the script's own code.
     */
    static Object forFilter(Frame f, String js, String filter, int linesBefore) {
        long limit = DEFAULT_TIMEOUT_SECONDS * 1000;
        long remaining = f.context.deadline.remainingMillis();
        boolean runEndsFirst = remaining >= 0 && remaining < limit;
        Lambdas.Call call = new Lambdas.Call(js, runEndsFirst ? Math.max(1, remaining) : limit, f.input,
            f.variables(), lambdaEnv(f.context.interpreter.environment()), lambdaAuth(f.auth));
        try {
            Lambdas.Result result = f.context.services.lambdas().run(call);
            log(f, result.output());
            return result.value();
        } catch (Lambdas.Failure e) {
            log(f, e.output());
            if (runEndsFirst && e.kind() == Lambdas.Failure.Kind.TIMEOUT) {
                throw f.context.deadline.timeout();
            }
            int line = e.line() - linesBefore;
            throw XsError.runtime(null, "filter '" + filter + "': " + e.getMessage()
                + (line > 0 && e.kind() == Lambdas.Failure.Kind.THROWN ? " (line " + line + " of its code)" : ""));
        }
    }

    private static long timeoutMillis(Object value, Span span) {
        Object n = Values.number(value);
        double seconds = n == null ? -1 : Values.toBigDecimal(n).doubleValue();
        if (!(seconds > 0)) {
            throw XsError.runtime(span, "api.lambda's timeout is a number of seconds above 0, got "
                + Operators.describe(value));
        }
        return (long) Math.ceil(seconds * 1000);
    }

    /** {@code $auth} as lambdas see it: Xano's documentation says {@code $auth.id} is 0 for an anonymous caller. */
    private static Map<String, Object> lambdaAuth(Object auth) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (auth instanceof Map<?, ?> m) {
            m.forEach((k, v) -> out.put(String.valueOf(k), v));
        }
        out.putIfAbsent("id", 0L);
        out.putIfAbsent("extras", new LinkedHashMap<String, Object>());
        return out;
    }

    /**
     * {@code $env} as lambdas see it: without xs's own settings ({@code XS_*}, such as the secret
     * that signs tokens), since a lambda runs third-party npm code with network access.
     */
    private static Map<String, Object> lambdaEnv(Map<String, Object> env) {
        Map<String, Object> out = new LinkedHashMap<>();
        env.forEach((k, v) -> {
            if (!k.startsWith("XS_")) {
                out.put(k, v);
            }
        });
        return out;
    }

    private static void log(Frame f, List<String> output) {
        for (String line : output) {
            f.context.logs.add("api.lambda: " + line);
        }
    }

    /**
     * Where line {@code line} of the lambda's code is in the .xs file, so an error points at the
     * JavaScript line that failed; the statement itself when the code is not written in place.
     */
    static Span lineOf(Expr written, int line, Span statement) {
        if (line < 1 || !(written instanceof Literal literal) || literal.span() == null) {
            return statement;
        }
        Span s = literal.span();
        Source source = s.source();
        String text = s.text();
        // A """ block's first line of code is the line after the opening quotes.
        int first = text.startsWith("\"\"\"") || text.startsWith("'''") ? s.line() + 1 : s.line();
        int at = first + line - 1;
        if (at > s.endLine() || at < s.line()) {
            return statement;
        }
        String lineText = source.lineText(at);
        int indent = 0;
        while (indent < lineText.length() && Character.isWhitespace(lineText.charAt(indent))) {
            indent++;
        }
        int start = source.offset(at, indent + 1);
        return Span.of(source, start, source.offset(at, lineText.length() + 1));
    }
}
