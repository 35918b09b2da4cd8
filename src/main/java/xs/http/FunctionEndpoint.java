package xs.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executor;
import java.util.Map;
import java.util.function.Supplier;
import xs.ast.Construct;
import xs.db.Database;
import xs.db.hooks.DataSources;
import xs.interp.ErrorType;
import xs.interp.Identity;
import xs.interp.Interpreter;
import xs.interp.Outcome;
import xs.interp.XsError;
import xs.realtime.Tokens;
import xs.workspace.Api;

/**
 * {@code POST /function/{name}}: the JSON body is the function's input, {@code Authorization:
 * Bearer TOKEN} fills {@code $auth}, {@code X-Data-Source} picks the data source as for a query.
 * Answers 200 with the response, or Xano's error body {@code {code, message, payload}} with the
 * error type's status. Runs on a worker pool with deep stacks, never on an I/O thread.
 * <pre>curl -X POST localhost:8080/function/notify_user -d '{"user_id": 7, "type": "info", "title": "Hi", "body": "…"}'</pre>
 */
public final class FunctionEndpoint extends WorkerHandler {
    public static final String PREFIX = "/function/";

    private final Supplier<Api> live;
    private final long maxBodyBytes;

    /** @param live the program now (a reload swaps it); each request runs on the one current when it starts */
    public FunctionEndpoint(Supplier<Api> live, Executor workers, long maxBodyBytes, long stallMillis) {
        super(workers, maxBodyBytes, stallMillis);
        this.live = live;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    void serve(HttpServerExchange exchange) {
        String name;
        try {
            name = URLDecoder.decode(exchange.getRequestPath().substring(PREFIX.length()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            Responses.error(exchange, 400, ErrorType.BADREQUEST,
                "the function name in the path is not valid: " + e.getMessage());
            return;
        }
        if (!exchange.getRequestMethod().equals(Methods.POST)) {
            exchange.getResponseHeaders().put(Headers.ALLOW, "POST");
            Responses.error(exchange, 405, ErrorType.BADREQUEST, "call functions with POST");
            return;
        }
        Api api = live.get();
        Interpreter interpreter = api.interpreter();
        Tokens tokens = api.tokens();
        Construct function = interpreter.program().function(name).orElse(null);
        if (function == null) {
            Responses.error(exchange, 404, ErrorType.NOTFOUND, "no function named \"" + name + "\"");
            return;
        }
        Identity identity = Identity.ANONYMOUS;
        String authorization = exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
        if (authorization != null) {
            if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                Responses.error(exchange, 401, ErrorType.UNAUTHORIZED,
                    "the Authorization header must be \"Bearer TOKEN\"");
                return;
            }
            try {
                identity = tokens.verify(authorization.substring(7)).identity();
            } catch (Tokens.Rejected e) {
                Responses.error(exchange, 401, ErrorType.UNAUTHORIZED, e.getMessage());
                return;
            }
        }
        // As a query's, so a developer can try a function on another data source than live.
        String source = exchange.getRequestHeaders().getFirst("X-Data-Source");
        source = source == null || source.isBlank() ? Database.LIVE : source.strip();
        String problem = DataSources.problem(source);
        if (problem != null) {
            Responses.error(exchange, 400, ErrorType.BADREQUEST, "X-Data-Source: " + problem);
            return;
        }
        Object input;
        try {
            input = Responses.readJson(exchange, maxBodyBytes);
        } catch (Responses.BadBody e) {
            Responses.error(exchange, e.status, ErrorType.BADREQUEST, e.getMessage());
            return;
        }
        // A body that is not an object reaches the function as it is, and fails its input check there.
        @SuppressWarnings("unchecked")
        Outcome outcome = input instanceof Map<?, ?> fields
            ? api.function(function, (Map<String, Object>) fields, identity.auth(), source)
            : interpreter.runInDataSource(source, function, input, identity.auth(), Map.of(), null);
        if (outcome.ok()) {
            Responses.json(exchange, 200, outcome.response());
        } else {
            XsError e = outcome.error();
            AccessLog.note(exchange, e.getMessage());
            Responses.json(exchange, e.type().status(), e.body());
        }
    }
}
