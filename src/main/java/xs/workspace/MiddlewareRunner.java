package xs.workspace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import xs.ast.Construct;
import xs.interp.ErrorType;
import xs.interp.Gateway;
import xs.interp.Interpreter;
import xs.interp.Outcome;
import xs.interp.Values;
import xs.interp.WebRequest;
import xs.interp.XsError;

/**
 * Runs a query, function, task or tool inside its middleware ({@link Route#middleware()},
 * {@link Workspace#chain(String, String)}: its own, its api group's or the branch's): each pre middleware before
 * input validation (its response merged into, or replacing, the input), then the call, then each
 * post middleware (merged into, or replacing, the response). Middleware gets {@code $input.type} and,
 * as Xano documents it, {@code $input.vars}: the call's input (as the pre middleware before left it)
 * for a pre middleware, the response for a post middleware; it reads the caller's {@code $auth} as
 * its own, since each part runs with the caller's auth.
 * The same chain runs around a top-level run (a request, a scheduled task) and around a call a
 * stack makes ({@code function.run}, {@code task.call}, {@code tool.call}); only where each part
 * runs differs ({@link Gateway.Steps}). The data source is the request's, not one run's: a
 * middleware's {@code db.set_datasource} holds for the call and every middleware after it, as it
 * would further down one stack (a call a stack makes shares the caller's run, so it holds there).
 * <pre>branch v1 { middleware = {query: {pre: ["check_ip"], post: ["add_meta"]}} }</pre>
 */
final class MiddlewareRunner {
    private final Interpreter interpreter;

    MiddlewareRunner(Interpreter interpreter) {
        this.interpreter = interpreter;
    }

    /** Runs {@code target} as a top-level run (a request when {@code request} is not null) inside {@code chain}. */
    Outcome run(Workspace.Chain chain, Construct target, Map<String, Object> input, Map<String, Object> auth,
                WebRequest request) {
        return run(chain, target, input, auth, request, null);
    }

    /**
     * @param datasource where the first run starts (the header a function call was sent with);
     *     null: the request's {@code X-Data-Source}, else live
     */
    Outcome run(Workspace.Chain chain, Construct target, Map<String, Object> input, Map<String, Object> auth,
                WebRequest request, String datasource) {
        TopLevel steps = new TopLevel(target, input, auth, request, datasource);
        Outcome o = run(chain, input, steps);
        return new Outcome(o.response(), o.error(), o.logs(), steps.source);
    }

    /** Each part a top-level run of its own, starting in the data source the part before ended in. */
    private final class TopLevel implements Gateway.Steps {
        private final Construct target;
        private final Map<String, Object> input;
        private final Map<String, Object> auth;
        private WebRequest request;
        private String source;

        TopLevel(Construct target, Map<String, Object> input, Map<String, Object> auth, WebRequest request,
                 String source) {
            this.target = target;
            this.input = input;
            this.auth = auth;
            this.request = request;
            this.source = source;
        }

        @Override
        public Outcome middleware(Construct block, Map<String, Object> arguments) {
            // Kept even when the middleware then fails silently: the switch had happened.
            return ended(interpreter.serve(block, arguments, auth, request, source));
        }

        @SuppressWarnings("unchecked")
        @Override
        public Outcome call(Object in) {
            if (request != null && in != input) {
                request = request.withInput((Map<String, Object>) in);
            }
            return ended(interpreter.serve(target, in, auth, request, source));
        }

        private Outcome ended(Outcome o) {
            source = o.datasource() != null ? o.datasource() : source;
            return o;
        }
    }

    /** Runs the call {@code steps} makes inside {@code chain}; the logs of every part, in order. */
    @SuppressWarnings("unchecked")
    static Outcome run(Workspace.Chain chain, Object input, Gateway.Steps steps) {
        List<Object> logs = new ArrayList<>();
        Object in = input;
        for (Middleware m : chain.pre()) {
            Outcome o = steps.middleware(m.declaration(), arguments("pre", in));
            logs.addAll(o.logs());
            if (!o.ok()) {
                XsError stop = failure(m, o.error());
                if (stop != null) {
                    return new Outcome(null, stop, logs);
                }
                continue;
            }
            if (o.response() instanceof Map<?, ?> given) {
                Map<String, Object> next = m.strategy() == Middleware.Strategy.REPLACE || !(in instanceof Map<?, ?>)
                    ? new LinkedHashMap<>() : new LinkedHashMap<>((Map<String, Object>) in);
                next.putAll((Map<String, Object>) given);
                in = next;
            }
        }
        Outcome call = steps.call(in);
        logs.addAll(call.logs());
        if (!call.ok()) {
            return new Outcome(null, call.error(), logs);
        }
        Object response = call.response();
        for (Middleware m : chain.post()) {
            Outcome o = steps.middleware(m.declaration(), arguments("post", response));
            logs.addAll(o.logs());
            if (!o.ok()) {
                XsError stop = failure(m, o.error());
                if (stop != null) {
                    return new Outcome(null, stop, logs);
                }
                continue;
            }
            if (m.strategy() == Middleware.Strategy.REPLACE) {
                response = o.response();
            } else if (response instanceof Map<?, ?> r && o.response() instanceof Map<?, ?> given) {
                Map<String, Object> merged = new LinkedHashMap<>((Map<String, Object>) r);
                merged.putAll((Map<String, Object>) given);
                response = merged;
            }
        }
        return new Outcome(response, null, logs);
    }

    /**
     * {@code {vars, type}}: {@code vars} a copy of the input (pre) or of the response (post). A call
     * given no input, or answering nothing (a task), gives an empty object: {@code json vars} is a
     * required input, and the middleware should still run.
     */
    private static Map<String, Object> arguments(String type, Object vars) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("vars", vars == null ? new LinkedHashMap<String, Object>() : Values.copy(vars));
        arguments.put("type", type);
        return arguments;
    }

    /** The error that ends the call under the middleware's policy, or null to carry on. */
    private static XsError failure(Middleware m, XsError e) {
        return switch (m.policy()) {
            case SILENT -> null;
            case RETHROW -> e;
            case CRITICAL -> new XsError(ErrorType.STANDARD, "middleware \"" + m.name() + "\" failed: "
                + e.getMessage(), null, null, e.span());
        };
    }
}
