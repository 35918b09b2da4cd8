package xs.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import xs.ast.Program;
import xs.db.Database;
import xs.interp.Json;
import xs.realtime.RealtimeEndpoint;
import xs.realtime.Tokens;

/**
 * The JSON endpoints behind the developer console, all under {@code /console/api/}:
 * <ul>
 *   <li>{@code GET program}: functions with their inputs, channels, triggers ({@link ProgramSummary});</li>
 *   <li>{@code GET server}: where the realtime hub is and whether tokens can be had;</li>
 *   <li>{@code GET tables}, {@code GET tables/NAME?page=N&per_page=M}: rows, read-only ({@link TableBrowser});</li>
 *   <li>{@code POST token}: a dev token for a user id ({@link DevTokens}).</li>
 * </ul>
 * None of them writes data. Errors are Xano's body {@code {code, message, payload}}.
 * <pre>curl localhost:8080/console/api/tables/user?page=1</pre>
 */
final class ConsoleApi implements HttpHandler {
    static final String PREFIX = "/console/api/";
    /** The canonical the console dials when the server accepts any. */
    static final String DEFAULT_CANONICAL = "console";
    private static final int MAX_BODY = 64 * 1024;

    private final Program program;
    /** The program's summary, made at the first request (a fault there must not stop the server). */
    private volatile Map<String, Object> summary;
    private final Map<String, Object> server;
    private final TableBrowser tables;
    private final DevTokens tokens;
    private final Executor workers;

    /** @param canonical the only canonical the hub accepts, or null when it accepts any */
    ConsoleApi(Program program, Database db, Tokens tokens, String canonical, Executor workers) {
        this.program = program;
        this.tables = new TableBrowser(db);
        this.tokens = new DevTokens(tokens, db);
        this.workers = workers;
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("realtime_path", RealtimeEndpoint.PREFIX + (canonical == null ? DEFAULT_CANONICAL : canonical));
        s.put("canonical", canonical == null ? DEFAULT_CANONICAL : canonical);
        s.put("canonical_pinned", canonical != null);
        s.put("auth_secret", tokens.enabled());
        this.server = s;
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
            route(exchange, exchange.getRequestPath().substring(PREFIX.length()));
        } catch (RuntimeException e) {
            // A fault of xs itself, not of the request.
            System.err.println("xs serve: internal error on " + exchange.getRequestPath() + " (please report it): " + e);
            e.printStackTrace();
            if (!exchange.isResponseStarted()) {
                fail(exchange, 500, "ERROR_FATAL", "internal error in xs: " + e);
            }
        }
    }

    private void route(HttpServerExchange exchange, String route) {
        HttpString method = exchange.getRequestMethod();
        if (route.equals("token")) {
            if (requireMethod(exchange, method, Methods.POST)) {
                token(exchange);
            }
            return;
        }
        boolean known = route.equals("program") || route.equals("server") || route.equals("tables")
            || route.startsWith("tables/");
        if (!known) {
            fail(exchange, 404, "ERROR_CODE_NOT_FOUND", "the console has no endpoint " + exchange.getRequestPath());
            return;
        }
        if (!requireMethod(exchange, method, Methods.GET)) {
            return;
        }
        switch (route) {
            case "program" -> FunctionEndpoint.send(exchange, 200, summary());
            case "server" -> FunctionEndpoint.send(exchange, 200, server);
            case "tables" -> FunctionEndpoint.send(exchange, 200, Map.of("tables", tables.tables()));
            default -> rows(exchange, route.substring("tables/".length()));
        }
    }

    private Map<String, Object> summary() {
        Map<String, Object> s = summary;
        if (s == null) {
            s = ProgramSummary.of(program);
            summary = s;
        }
        return s;
    }

    private static boolean requireMethod(HttpServerExchange exchange, HttpString method, HttpString wanted) {
        if (method.equals(wanted)) {
            return true;
        }
        exchange.getResponseHeaders().put(Headers.ALLOW, wanted.toString());
        fail(exchange, 405, "ERROR_CODE_BAD_REQUEST", "use " + wanted + " for " + exchange.getRequestPath());
        return false;
    }

    private void rows(HttpServerExchange exchange, String table) {
        long page;
        long perPage;
        try {
            page = number(exchange, "page", 1, 1, 1_000_000_000);
            perPage = number(exchange, "per_page", TableBrowser.DEFAULT_PER_PAGE, 1, TableBrowser.MAX_PER_PAGE);
        } catch (IllegalArgumentException e) {
            fail(exchange, 400, "ERROR_CODE_INPUT_ERROR", e.getMessage());
            return;
        }
        tables.page(table, page, perPage).ifPresentOrElse(
            body -> FunctionEndpoint.send(exchange, 200, body),
            () -> fail(exchange, 404, "ERROR_CODE_NOT_FOUND", "no table named \"" + table + "\""));
    }

    private static long number(HttpServerExchange exchange, String name, long fallback, long min, long max) {
        Deque<String> values = exchange.getQueryParameters().get(name);
        if (values == null || values.isEmpty() || values.getFirst().isEmpty()) {
            return fallback;
        }
        try {
            long n = Long.parseLong(values.getFirst());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a whole number from " + min + " to " + max);
    }

    private void token(HttpServerExchange exchange) {
        Object body;
        exchange.startBlocking();
        try (InputStream in = exchange.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                fail(exchange, 413, "ERROR_CODE_BAD_REQUEST", "the request body is larger than " + MAX_BODY + " bytes");
                return;
            }
            String text = new String(bytes, StandardCharsets.UTF_8);
            body = text.isBlank() ? Map.of() : Json.read(text);
        } catch (IOException e) {
            fail(exchange, 400, "ERROR_CODE_BAD_REQUEST", "the request body could not be read: " + e.getMessage());
            return;
        } catch (Json.Malformed e) {
            fail(exchange, 400, "ERROR_CODE_BAD_REQUEST", "the request body is not valid JSON: " + e.getMessage());
            return;
        }
        try {
            FunctionEndpoint.send(exchange, 200, tokens.issue(exchange, body));
        } catch (DevTokens.Refused e) {
            AccessLog.note(exchange, e.getMessage());
            fail(exchange, e.status, e.code, e.getMessage());
        }
    }

    /** Answers with Xano's error body. */
    static void fail(HttpServerExchange exchange, int status, String code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", message);
        body.put("payload", "");
        FunctionEndpoint.send(exchange, status, body);
    }
}
