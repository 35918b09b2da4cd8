package xs.workspace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import xs.ast.Construct;
import xs.interp.ErrorType;
import xs.interp.Interpreter;
import xs.interp.Outcome;
import xs.interp.Values;
import xs.interp.WebRequest;
import xs.interp.XsError;

/**
 * Runs a query or function inside its branch's middleware: each pre middleware before input
 * validation (its response merged into, or replacing, the input), then the call, then each post
 * middleware (merged into, or replacing, the response). Middleware gets {@code $input.vars}
 * ({@code input}, {@code auth}, and {@code response} after the call) and {@code $input.type}.
 * The data source is the request's, not one run's: a middleware's {@code db.set_datasource}
 * holds for the call and every middleware after it, as it would further down one stack.
 * <pre>branch v1 { middleware = {query: {pre: ["check_ip"], post: ["add_meta"]}} }</pre>
 */
final class MiddlewareRunner {
    private final Interpreter interpreter;

    MiddlewareRunner(Interpreter interpreter) {
        this.interpreter = interpreter;
    }

    Outcome run(Workspace.Chain chain, Construct target, Map<String, Object> input, Map<String, Object> auth,
                WebRequest request) {
        return run(chain, target, input, auth, request, null);
    }

    /**
     * @param datasource where the first run starts (the header a function call was sent with);
     *     null: the request's {@code X-Data-Source}, else live
     */
    @SuppressWarnings("unchecked")
    Outcome run(Workspace.Chain chain, Construct target, Map<String, Object> input, Map<String, Object> auth,
                WebRequest request, String datasource) {
        List<Object> logs = new ArrayList<>();
        Map<String, Object> in = input;
        String source = datasource;
        for (Middleware m : chain.pre()) {
            Outcome o = interpreter.serve(m.declaration(), arguments("pre", in, auth, null), auth, request, source);
            logs.addAll(o.logs());
            // Kept even when the middleware then fails silently: the switch had happened.
            source = o.datasource() != null ? o.datasource() : source;
            if (!o.ok()) {
                XsError stop = failure(m, o.error());
                if (stop != null) {
                    return new Outcome(null, stop, logs, source);
                }
                continue;
            }
            if (o.response() instanceof Map<?, ?> given) {
                Map<String, Object> next = m.strategy() == Middleware.Strategy.REPLACE
                    ? new LinkedHashMap<>() : new LinkedHashMap<>(in);
                next.putAll((Map<String, Object>) given);
                in = next;
            }
        }
        WebRequest req = request == null || in == input ? request : request.withInput(in);
        Outcome call = interpreter.serve(target, in, auth, req, source);
        logs.addAll(call.logs());
        source = call.datasource() != null ? call.datasource() : source;
        if (!call.ok()) {
            return new Outcome(null, call.error(), logs, source);
        }
        Object response = call.response();
        for (Middleware m : chain.post()) {
            Outcome o = interpreter.serve(m.declaration(), arguments("post", in, auth, response), auth, req, source);
            logs.addAll(o.logs());
            source = o.datasource() != null ? o.datasource() : source;
            if (!o.ok()) {
                XsError stop = failure(m, o.error());
                if (stop != null) {
                    return new Outcome(null, stop, logs, source);
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
        return new Outcome(response, null, logs, source);
    }

    private static Map<String, Object> arguments(String type, Map<String, Object> input, Map<String, Object> auth,
                                                 Object response) {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("input", Values.copy(input));
        vars.put("auth", Values.copy(auth));
        if (type.equals("post")) {
            vars.put("response", Values.copy(response));
        }
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("vars", vars);
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
