package xs.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import xs.db.Database;
import xs.db.hooks.DataSources;
import xs.interp.ErrorType;
import xs.interp.Outbox;
import xs.realtime.RealtimeEndpoint;
import xs.realtime.Tokens;
import xs.workspace.TableTriggers;
import xs.workspace.TaskScheduler;
import xs.workspace.Api;
import xs.workspace.LiveApi;

/**
 * The JSON endpoints behind the developer console, all under {@code /console/api/}:
 * <ul>
 *   <li>{@code GET program}: functions with their inputs, channels, triggers ({@link ProgramSummary});</li>
 *   <li>{@code GET version}: {@code {"version": N}}, one more after each reload of {@code xs serve --watch}
 *   (the page asks now and then and shows a new program without a refresh);</li>
 *   <li>{@code GET server}: where the realtime hub is and whether tokens can be had;</li>
 *   <li>{@code GET tables}, {@code GET tables/NAME?page=N&per_page=M}: rows, read-only ({@link TableBrowser}),
 *   of the data source {@code ?datasource=NAME} (live by default);</li>
 *   <li>{@code GET datasources}: the data sources that exist, live first;</li>
 *   <li>{@code POST token}: a dev token for a user id ({@link DevTokens});</li>
 *   <li>{@code POST tasks/NAME/run}: runs a task now ({@link TaskConsole});</li>
 *   <li>{@code GET outbox}: the emails {@code util.send_email} kept, newest first ({@link OutboxConsole}).</li>
 * </ul>
 * None of them writes data except through a task the user runs. Errors are Xano's body {@code {code, message, payload}}.
 * <pre>curl localhost:8080/console/api/tables/user?page=1</pre>
 */
final class ConsoleApi extends WorkerHandler {
    static final String PREFIX = "/console/api/";
    /** The canonical the console dials when the server accepts any. */
    static final String DEFAULT_CANONICAL = "console";
    private static final int MAX_BODY = 64 * 1024;

    private final LiveApi live;
    /** The program's summary, made at the first request for each program (a fault there must not stop the server). */
    private volatile Summary summary;
    private final Map<String, Object> server;
    private final Database db;
    private final DevTokens tokens;
    private final TaskConsole tasks;
    private final OutboxConsole outbox;

    /** @param canonical the only canonical the hub accepts, or null when it accepts any */
    ConsoleApi(LiveApi live, Database db, Tokens tokens, String canonical, Executor workers, long stallMillis,
               TaskScheduler tasks, Supplier<TableTriggers> triggers, Outbox outbox) {
        super(workers, MAX_BODY, stallMillis);
        this.outbox = new OutboxConsole(outbox);
        this.tasks = new TaskConsole(tasks, triggers);
        this.live = live;
        this.db = db;
        this.tokens = new DevTokens(tokens, db);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("realtime_path", RealtimeEndpoint.PREFIX + (canonical == null ? DEFAULT_CANONICAL : canonical));
        s.put("canonical", canonical == null ? DEFAULT_CANONICAL : canonical);
        s.put("canonical_pinned", canonical != null);
        s.put("auth_secret", tokens.enabled());
        this.server = s;
    }

    @Override
    void serve(HttpServerExchange exchange) {
        String route = exchange.getRequestPath().substring(PREFIX.length());
        HttpString method = exchange.getRequestMethod();
        if (route.equals("token")) {
            if (requireMethod(exchange, method, Methods.POST)) {
                token(exchange);
            }
            return;
        }
        if (route.startsWith("tasks/") && route.endsWith("/run")) {
            if (requireMethod(exchange, method, Methods.POST)) {
                tasks.runNow(exchange, route.substring("tasks/".length(), route.length() - "/run".length()));
            }
            return;
        }
        boolean known = route.equals("program") || route.equals("version") || route.equals("server")
            || route.equals("tables") || route.startsWith("tables/") || route.equals("outbox") || route.equals("datasources");
        if (!known) {
            Responses.error(exchange, 404, ErrorType.NOTFOUND, "the console has no endpoint " + exchange.getRequestPath());
            return;
        }
        if (!requireMethod(exchange, method, Methods.GET)) {
            return;
        }
        if ((route.startsWith("tables") || route.equals("datasources")) && !ThisMachine.localClient(exchange)) {
            Responses.error(exchange, 403, ErrorType.ACCESSDENIED,
                "table data is shown only to a browser on this machine");
            return;
        }
        if (route.equals("outbox") && !ThisMachine.localClient(exchange)) {
            Responses.error(exchange, 403, ErrorType.ACCESSDENIED, "the outbox is shown only to a browser on this machine");
            return;
        }
        switch (route) {
            case "program" -> {
                // The version first: a reload in between makes the page ask again, never miss one.
                long version = live.version();
                Map<String, Object> body = withTasks(summary());
                body.put("version", version);
                Responses.json(exchange, 200, body);
            }
            case "server" -> Responses.json(exchange, 200, server);
            case "version" -> Responses.json(exchange, 200, Map.of("version", live.version()));
            case "datasources" -> Responses.json(exchange, 200, Map.of("datasources", db.dataSources()));
            case "tables" -> browser(exchange).ifPresent(t -> Responses.json(exchange, 200, Map.of("tables", t.tables())));
            case "outbox" -> Responses.json(exchange, 200, outbox.list());
            default -> browser(exchange).ifPresent(t -> rows(exchange, t, route.substring("tables/".length())));
        }
    }

    /**
     * The tables of the data source {@code ?datasource=NAME}, or empty with the error answered:
     * the console shows data sources that exist and never opens a new one.
     */
    private Optional<TableBrowser> browser(HttpServerExchange exchange) {
        Deque<String> values = exchange.getQueryParameters().get("datasource");
        String name = values == null || values.isEmpty() || values.getFirst().isEmpty() ? Database.LIVE : values.getFirst();
        String problem = DataSources.problem(name);
        if (problem != null) {
            Responses.error(exchange, 400, ErrorType.INPUTERROR, problem);
            return Optional.empty();
        }
        if (!db.dataSources().contains(name)) {
            Responses.error(exchange, 404, ErrorType.NOTFOUND, "no data source named \"" + name + "\" (there are: "
                + String.join(", ", db.dataSources()) + ")");
            return Optional.empty();
        }
        return Optional.of(new TableBrowser(db.dataSource(name)));
    }

    /** A program's summary and the snapshot it was made of. */
    private record Summary(Api of, Map<String, Object> body) {
    }

    private Map<String, Object> summary() {
        Api api = live.get();
        Summary s = summary;
        if (s == null || s.of() != api) {
            s = new Summary(api, ProgramSummary.of(api.workspace().program(), api.workspace()));
            summary = s;
        }
        return s.body();
    }

    /** The summary is made once; tasks' next runs and triggers' results change, so they are read per request. */
    private Map<String, Object> withTasks(Map<String, Object> summary) {
        Map<String, Object> out = new LinkedHashMap<>(summary);
        out.put("tasks", tasks.list());
        out.put("table_triggers", tasks.triggers());
        return out;
    }

    private static boolean requireMethod(HttpServerExchange exchange, HttpString method, HttpString wanted) {
        if (method.equals(wanted)) {
            return true;
        }
        exchange.getResponseHeaders().put(Headers.ALLOW, wanted.toString());
        Responses.error(exchange, 405, ErrorType.BADREQUEST, "use " + wanted + " for " + exchange.getRequestPath());
        return false;
    }

    private void rows(HttpServerExchange exchange, TableBrowser tables, String table) {
        long page;
        long perPage;
        try {
            page = number(exchange, "page", 1, 1, 1_000_000_000);
            perPage = number(exchange, "per_page", TableBrowser.DEFAULT_PER_PAGE, 1, TableBrowser.MAX_PER_PAGE);
        } catch (IllegalArgumentException e) {
            Responses.error(exchange, 400, ErrorType.INPUTERROR, e.getMessage());
            return;
        }
        tables.page(table, page, perPage).ifPresentOrElse(
            body -> Responses.json(exchange, 200, body),
            () -> Responses.error(exchange, 404, ErrorType.NOTFOUND, "no table named \"" + table + "\""));
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
        try {
            body = Responses.readJson(exchange, MAX_BODY);
        } catch (Responses.BadBody e) {
            Responses.error(exchange, e.status, ErrorType.BADREQUEST, e.getMessage());
            return;
        }
        try {
            Responses.json(exchange, 200, tokens.issue(exchange, body));
        } catch (DevTokens.Refused e) {
            AccessLog.note(exchange, e.getMessage());
            Responses.error(exchange, e.status, e.type, e.getMessage());
        }
    }
}
