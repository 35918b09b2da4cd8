package xs.interp;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import xs.ast.GenericStmt;
import xs.ast.Literal;
import xs.source.Span;

/**
 * Statements about the request a query answers and the server around it: util.set_header,
 * util.get_raw_input, util.get_all_input, security.create_auth_token, api.call.
 * <pre>util.get_raw_input { encoding = "json" } as $raw   // only the keys the client sent</pre>
 */
final class IncomingRequestStatements {
    /** Token lifetime when {@code expiration} is absent: one day, as {@code xs token}. */
    private static final long DEFAULT_TTL = 86_400;

    private IncomingRequestStatements() {
    }

    static void register(StatementRegistry r) {
        r.add("util.set_header", Set.of("value", "duplicates"), Set.of("value"), IncomingRequestStatements::setHeader);
        r.add("util.get_raw_input", Set.of("encoding", "exclude_middleware"), Set.of(), IncomingRequestStatements::rawInput);
        r.add("util.get_all_input", Set.of(), Set.of(), (s, c) -> CoreStatements.produce(s, c, IncomingRequestStatements::allInput));
        r.add("security.create_auth_token", Set.of("table", "dbtable", "extras", "expiration", "id"), Set.of("id"),
            IncomingRequestStatements::createAuthToken);
        r.add("api.call", Set.of("api_group", "input", "headers", "verb"), Set.of(), IncomingRequestStatements::apiCall);
    }

    private static Exec setHeader(GenericStmt s, Compilation c) {
        Eval value = c.required(s, "value");
        Eval duplicates = c.attr(s, "duplicates", "replace");
        Span span = s.span();
        return f -> {
            String line = Values.toText(value.eval(f));
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw XsError.runtime(span, "util.set_header needs \"Name: value\", got " + Json.write(line));
            }
            String name = line.substring(0, colon).trim();
            String text = line.substring(colon + 1).trim();
            if (!name.chars().allMatch(ch -> ch > 32 && ch < 127 && ch != ':') || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0) {
                throw XsError.runtime(span, "util.set_header: " + Json.write(line) + " is not a valid header line");
            }
            if (f.context.request != null) {
                boolean add = "add".equals(Values.toText(duplicates.eval(f)).toLowerCase(Locale.ROOT));
                f.context.request.setHeader(name, text, add);
            }
            return Exec.NORMAL;
        };
    }

    private static Exec rawInput(GenericStmt s, Compilation c) {
        Eval encoding = c.attr(s, "encoding", "json");
        Eval excludeMiddleware = c.attr(s, "exclude_middleware", false);
        return CoreStatements.produce(s, c, f -> {
            WebRequest request = f.context.request;
            if (request == null) {
                return Values.copy(f.input);
            }
            String enc = Values.toText(encoding.eval(f)).toLowerCase(Locale.ROOT);
            if (!enc.equals("json") && request.rawBody() != null) {
                return request.rawBody();
            }
            boolean before = Values.truthy(excludeMiddleware.eval(f));
            Map<String, Object> sent = before && request.sentInput() != null ? request.sentInput() : request.rawInput();
            return Values.copy(sent);
        });
    }

    /** Every input the client sent, with the declared (coerced, defaulted) fields over it. */
    private static Object allInput(Frame f) {
        WebRequest request = f.context.request;
        if (request == null || !(f.input instanceof Map<?, ?> declared)) {
            return f.input;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> all = new LinkedHashMap<>((Map<String, Object>) Values.copy(request.rawInput()));
        declared.forEach((k, v) -> all.put(String.valueOf(k), v));
        return all;
    }

    private static Exec createAuthToken(GenericStmt s, Compilation c) {
        Eval table = c.attr(s, "table");
        Eval dbtable = c.attr(s, "dbtable");
        Eval extras = c.attr(s, "extras", null);
        Eval expiration = c.attr(s, "expiration", null);
        Eval id = c.required(s, "id");
        Span span = s.span();
        return CoreStatements.produce(s, c, f -> {
            Gateway gateway = f.context.interpreter.gateway();
            if (gateway == null) {
                throw XsError.runtime(span, "security.create_auth_token needs a server to sign with: it runs under "
                    + "xs serve, xs run and xs test");
            }
            Object t = table != null ? table.eval(f) : dbtable != null ? dbtable.eval(f) : null;
            if (!(t instanceof String name) || name.isBlank()) {
                throw XsError.runtime(span, "security.create_auth_token needs the auth table: table = \"user\"");
            }
            Object who = id.eval(f);
            if (who == null || who instanceof Map<?, ?> || who instanceof java.util.List<?>) {
                throw XsError.runtime(span, "security.create_auth_token needs the id of a row, got "
                    + Operators.describe(who));
            }
            Object e = extras.eval(f);
            Object ttl = expiration.eval(f);
            Object seconds = ttl == null ? DEFAULT_TTL : Values.number(ttl);
            if (seconds == null || Values.toBigDecimal(seconds).signum() <= 0) {
                throw XsError.runtime(span, "security.create_auth_token: expiration must be a positive number of "
                    + "seconds, got " + Operators.describe(ttl));
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> extraValues = e instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
            return gateway.mintToken(name, who, extraValues, Values.toBigDecimal(seconds).longValue());
        });
    }

    private static Exec apiCall(GenericStmt s, Compilation c) {
        if (!(s.argument() instanceof Literal path) || !(path.value() instanceof String)) {
            throw XsError.runtime(s.nameSpan(), "api.call needs the query's path, as in: api.call \"users/{id}\" "
                + "verb=GET { api_group = \"shop\" }");
        }
        String written = (String) path.value();
        Eval verb = c.attr(s, "verb", null);
        String headerVerb = s.verb();
        Eval group = c.attr(s, "api_group", null);
        Eval input = c.attr(s, "input", null);
        Eval headers = c.attr(s, "headers", null);
        Target target = c.as(s);
        Span span = s.span();
        return f -> {
            Gateway gateway = f.context.interpreter.gateway();
            if (gateway == null) {
                throw XsError.runtime(span, "api.call needs the workspace's API: it runs under xs serve, xs run and xs test");
            }
            Object v = verb.eval(f);
            String method = v != null ? Values.toText(v) : headerVerb != null ? headerVerb : "GET";
            Object g = group.eval(f);
            Object result;
            try {
                result = gateway.apiCall(g == null ? null : Values.toText(g), written,
                    method.toUpperCase(Locale.ROOT), input.eval(f), headers.eval(f));
            } catch (XsError e) {
                throw e.at(span).through("api.call \"" + written + "\" at " + span);
            }
            if (target != null) {
                target.write(f, result);
            }
            return Exec.NORMAL;
        };
    }
}
