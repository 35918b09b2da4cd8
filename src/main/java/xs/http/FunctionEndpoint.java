package xs.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import xs.interp.ErrorType;
import xs.interp.Identity;
import xs.interp.Interpreter;
import xs.interp.Json;
import xs.interp.Outcome;
import xs.interp.XsError;
import xs.realtime.Tokens;

/**
 * {@code POST /function/{name}}: the JSON body is the function's input, {@code Authorization:
 * Bearer TOKEN} fills {@code $auth}. Answers 200 with the response, or Xano's error body
 * {@code {code, message, payload}} with the error type's status. Runs on a worker pool with deep
 * stacks, never on an I/O thread.
 * <pre>curl -X POST localhost:8080/function/notify_user -d '{"user_id": 7, "type": "info", "title": "Hi", "body": "…"}'</pre>
 */
public final class FunctionEndpoint implements HttpHandler {
    public static final String PREFIX = "/function/";

    private final Interpreter interpreter;
    private final Tokens tokens;
    private final Executor workers;
    private final long maxBodyBytes;

    public FunctionEndpoint(Interpreter interpreter, Tokens tokens, Executor workers, long maxBodyBytes) {
        this.interpreter = interpreter;
        this.tokens = tokens;
        this.workers = workers;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        if (exchange.isInIoThread()) {
            exchange.dispatch(workers, () -> handle(exchange));
            return;
        }
        handle(exchange);
    }

    private void handle(HttpServerExchange exchange) {
        try {
            call(exchange);
        } catch (RuntimeException e) {
            // A fault of xs itself, not of the request or the script.
            System.err.println("xs serve: internal error on " + exchange.getRequestPath() + " (please report it): " + e);
            e.printStackTrace();
            if (!exchange.isResponseStarted()) {
                send(exchange, 500, error(ErrorType.STANDARD, "internal error in xs: " + e));
            }
        }
    }

    private void call(HttpServerExchange exchange) {
        String name;
        try {
            name = URLDecoder.decode(exchange.getRequestPath().substring(PREFIX.length()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            send(exchange, 400, error(ErrorType.BADREQUEST, "the function name in the path is not valid: " + e.getMessage()));
            return;
        }
        if (!exchange.getRequestMethod().equals(Methods.POST)) {
            exchange.getResponseHeaders().put(Headers.ALLOW, "POST");
            send(exchange, 405, error(ErrorType.BADREQUEST, "call functions with POST"));
            return;
        }
        if (interpreter.program().function(name).isEmpty()) {
            send(exchange, 404, error(ErrorType.NOTFOUND, "no function named \"" + name + "\""));
            return;
        }
        Identity identity = Identity.ANONYMOUS;
        String authorization = exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
        if (authorization != null) {
            if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                send(exchange, 401, error(ErrorType.UNAUTHORIZED, "the Authorization header must be \"Bearer TOKEN\""));
                return;
            }
            try {
                identity = tokens.verify(authorization.substring(7)).identity();
            } catch (Tokens.Rejected e) {
                send(exchange, 401, error(ErrorType.UNAUTHORIZED, e.getMessage()));
                return;
            }
        }
        Object input;
        try {
            input = readInput(exchange);
        } catch (BadBody e) {
            send(exchange, e.status, error(ErrorType.BADREQUEST, e.getMessage()));
            return;
        }
        Outcome outcome = interpreter.call(name, input, identity.auth());
        if (outcome.ok()) {
            send(exchange, 200, outcome.response());
        } else {
            XsError e = outcome.error();
            AccessLog.note(exchange, e.getMessage());
            send(exchange, e.type().status(), e.body());
        }
    }

    /** A request body the function cannot take. */
    private static final class BadBody extends Exception {
        final int status;

        BadBody(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    private Object readInput(HttpServerExchange exchange) throws BadBody {
        exchange.startBlocking();
        byte[] body;
        try (InputStream in = exchange.getInputStream()) {
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
        } catch (IOException e) {
            throw new BadBody(400, "the request body could not be read: " + e.getMessage());
        }
        if (body.length > maxBodyBytes) {
            throw new BadBody(413, "the request body is larger than " + maxBodyBytes + " bytes");
        }
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            return new LinkedHashMap<String, Object>();
        }
        try {
            return Json.read(text);
        } catch (Json.Malformed e) {
            throw new BadBody(400, "the request body is not valid JSON: " + e.getMessage());
        }
    }

    private static Map<String, Object> error(ErrorType type, String message) {
        return new XsError(type, message, null, null, null).body();
    }

    static void send(HttpServerExchange exchange, int status, Object body) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json; charset=utf-8");
        exchange.getResponseSender().send(Json.write(body), StandardCharsets.UTF_8);
    }
}
