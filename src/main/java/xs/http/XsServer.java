package xs.http;

import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.SSLContext;
import org.xnio.OptionMap;
import xs.interp.ErrorType;
import xs.interp.Interpreter;
import xs.realtime.Hub;
import xs.realtime.RealtimeEndpoint;
import xs.realtime.Tokens;
import xs.services.storage.FolderFileStore;
import xs.source.DeepStacks;
import xs.workspace.Api;
import xs.workspace.LiveApi;
import xs.workspace.TableTriggers;
import xs.workspace.TaskScheduler;
import xs.workspace.Workspace;

/**
 * The server of {@code xs serve}: Undertow's HTTP on one port ({@link HttpListener}) with a
 * workspace's queries at {@code /api:CANONICAL/PATH}, {@code POST /function/{name}},
 * {@code GET /health}, the realtime hub at {@code /rt/{canonical}} and the developer console
 * at {@code /} (its JSON under {@code /console/api/}), plain or TLS.
 * <pre>XsServer server = XsServer.start(settings, hub, interpreter, tokens, System.err);</pre>
 */
public final class XsServer implements AutoCloseable {
    /** Undertow and XNIO log their versions at INFO; keep the loggers so the level sticks. */
    private static final Logger[] QUIET = {Logger.getLogger("org.xnio"), Logger.getLogger("io.undertow"),
        Logger.getLogger("org.jboss")};

    /**
     * Where and how to listen; {@code port} 0 picks a free port; {@code tls} null serves plain.
     *
     * @param maxBodyBytes           largest request body; larger is 413
     * @param headerTimeoutMillis    time a client has to send a request's line and headers once it started
     * @param keepAliveTimeoutMillis time a connection may wait, new or between requests, before its next request
     * @param cors                   which origins' pages may call the functions
     * @param writeTimeoutMillis     time a response's bytes may wait for a client that takes none before the
     *                               connection is closed
     */
    public record Settings(String host, int port, String canonical, SSLContext tls, long maxBodyBytes,
                           int headerTimeoutMillis, int keepAliveTimeoutMillis, CorsPolicy cors,
                           int writeTimeoutMillis) {
        public static final long DEFAULT_MAX_BODY_BYTES = 16L * 1024 * 1024;
        public static final int DEFAULT_HEADER_TIMEOUT_MILLIS = 10_000;
        public static final int DEFAULT_KEEP_ALIVE_TIMEOUT_MILLIS = 20_000;
        /** As nginx's {@code send_timeout}: a minute without the client taking a byte. */
        public static final int DEFAULT_WRITE_TIMEOUT_MILLIS = 60_000;

        /** The default timeouts, and any origin. */
        public Settings(String host, int port, String canonical, SSLContext tls, long maxBodyBytes) {
            this(host, port, canonical, tls, maxBodyBytes, DEFAULT_HEADER_TIMEOUT_MILLIS,
                DEFAULT_KEEP_ALIVE_TIMEOUT_MILLIS, CorsPolicy.ANY_ORIGIN, DEFAULT_WRITE_TIMEOUT_MILLIS);
        }

        public Settings withTimeouts(int headerMillis, int keepAliveMillis) {
            return new Settings(host, port, canonical, tls, maxBodyBytes, headerMillis, keepAliveMillis, cors,
                writeTimeoutMillis);
        }

        public Settings withWriteTimeout(int millis) {
            return new Settings(host, port, canonical, tls, maxBodyBytes, headerTimeoutMillis, keepAliveTimeoutMillis,
                cors, millis);
        }

        public Settings withCors(CorsPolicy policy) {
            return new Settings(host, port, canonical, tls, maxBodyBytes, headerTimeoutMillis, keepAliveTimeoutMillis,
                policy, writeTimeoutMillis);
        }
    }

    private final HttpListener listener;
    private final Hub hub;
    private final ExecutorService functionWorkers;
    private final InetSocketAddress address;
    private final boolean secure;

    private XsServer(HttpListener listener, Hub hub, ExecutorService functionWorkers, boolean secure) {
        this.listener = listener;
        this.hub = hub;
        this.functionWorkers = functionWorkers;
        this.secure = secure;
        this.address = listener.address();
    }

    /** Starts listening; throws {@link RuntimeException} (with the cause) when the port cannot be bound. */
    public static XsServer start(Settings settings, Hub hub, Interpreter interpreter, Tokens tokens, PrintStream log) {
        return start(settings, hub, new Api(Workspace.of(interpreter.program()), interpreter, tokens), log);
    }

    /** Starts serving a workspace's API beside the functions, the hub and the console. */
    public static XsServer start(Settings settings, Hub hub, Api api, PrintStream log) {
        return start(settings, hub, api, null, null, log);
    }

    /**
     * Starts serving a workspace's API beside the functions, the hub and the console, with the
     * console listing the scheduler's tasks and the table triggers (either may be null: none)
     * and running tasks on request.
     */
    public static XsServer start(Settings settings, Hub hub, Api api, TaskScheduler tasks, TableTriggers triggers,
                                 PrintStream log) {
        return start(settings, hub, new LiveApi(api), tasks, () -> triggers, log);
    }

    /**
     * Starts serving the program {@code live} holds now, and after each reload the one it holds
     * then ({@code xs serve --watch}): a request runs on the program current when it starts. The
     * database, tokens and services are those of the first program (a reload keeps them).
     */
    public static XsServer start(Settings settings, Hub hub, LiveApi live, TaskScheduler tasks,
                                 Supplier<TableTriggers> triggers, PrintStream log) {
        for (Logger l : QUIET) {
            l.setLevel(Level.WARNING);
        }
        Api api = live.get();
        Interpreter interpreter = api.interpreter();
        Tokens tokens = api.tokens();
        ExecutorService functionWorkers = Executors.newFixedThreadPool(
            Math.max(8, 4 * Runtime.getRuntime().availableProcessors()), DeepStacks.factory("xs-http"));
        HttpHandler functions = new FunctionEndpoint(live, functionWorkers, settings.maxBodyBytes(),
            settings.headerTimeoutMillis());
        HttpHandler queries = new QueryEndpoint(live, functionWorkers, settings.maxBodyBytes(),
            settings.headerTimeoutMillis(), settings.tls() != null, log);
        HttpHandler realtime = new RealtimeEndpoint(hub, tokens, settings.canonical(), UpgradedSockets::detach);
        HttpHandler consoleApi = new ConsoleApi(live, interpreter.services().database(), tokens,
            settings.canonical(), functionWorkers, settings.headerTimeoutMillis(), tasks, triggers,
            interpreter.services().outside().mail());
        HttpHandler consoleAssets = new ConsoleAssets();
        CorsPolicy cors = settings.cors();
        ThisMachine machine = new ThisMachine(settings.host());
        HttpHandler files = new VaultFiles(interpreter.services().outside().files() instanceof FolderFileStore f ? f : null);
        HttpHandler routes = exchange -> route(exchange, cors, machine, live, functions, queries, realtime,
            consoleApi, consoleAssets, files);
        OptionMap options = OptionMap.builder()
            // Undertow's own limit (2 MiB by default) would cut the connection below ours, unanswered:
            // RequestGate and RequestBody enforce ours, with a 413.
            .set(UndertowOptions.MAX_ENTITY_SIZE, -1L)
            // Slow or silent clients: closed when their headers take too long or no request comes.
            // Neither timer runs while a request is being served or after a WebSocket upgrade.
            .set(UndertowOptions.REQUEST_PARSE_TIMEOUT, settings.headerTimeoutMillis())
            .set(UndertowOptions.NO_REQUEST_TIMEOUT, settings.keepAliveTimeoutMillis())
            // The endpoints decode paths and query strings themselves, so a malformed % escape gets
            // Xano's error body rather than Undertow's empty 400.
            .set(UndertowOptions.DECODE_URL, false)
            .getMap();
        HttpListener listener;
        try {
            listener = HttpListener.start(settings.host(), settings.port(), settings.tls(), options,
                new AccessLog(new RequestGate(new BodyFirst(routes, settings.maxBodyBytes(), settings.headerTimeoutMillis(),
                    XsServer::readsItsOwnBody), settings.maxBodyBytes()), log), settings.writeTimeoutMillis(),
                log::println);
        } catch (RuntimeException e) {
            functionWorkers.shutdownNow();
            throw e;
        }
        return new XsServer(listener, hub, functionWorkers, settings.tls() != null);
    }

    /** The endpoints that read a request's body themselves ({@link WorkerHandler}s). */
    private static boolean readsItsOwnBody(String path) {
        return path.startsWith(ConsoleApi.PREFIX) || path.startsWith(QueryEndpoint.PREFIX)
            || path.startsWith(FunctionEndpoint.PREFIX);
    }

    private static void route(HttpServerExchange exchange, CorsPolicy cors, ThisMachine machine, LiveApi live,
                              HttpHandler functions, HttpHandler queries, HttpHandler realtime,
                              HttpHandler consoleApi, HttpHandler consoleAssets, HttpHandler files) throws Exception {
        String path = exchange.getRequestPath();
        // The console is for its own page only: no cross-origin access to it, and only under a
        // name of this machine (a rebound domain must not read the tables).
        if ((path.startsWith(ConsoleApi.PREFIX) || ConsoleAssets.serves(path)) && !machine.named(exchange)) {
            AccessLog.note(exchange, "Host does not name this machine");
            if (RequestBody.announced(exchange)) {
                // A refusal does not read the body: the connection closes after it (RequestGate.refuse).
                exchange.setPersistent(false);
            }
            Responses.error(exchange, 403, ErrorType.ACCESSDENIED, "the console answers only at this machine's own "
                + "names (localhost, 127.0.0.1, [::1], or the address it listens on), not at the host this request names");
            return;
        }
        if (path.startsWith(ConsoleApi.PREFIX)) {
            consoleApi.handleRequest(exchange);
            return;
        }
        if (ConsoleAssets.serves(path)) {
            consoleAssets.handleRequest(exchange);
            return;
        }
        // A local development server: pages from any origin may call it, unless --cors-origin says which.
        // That includes the realtime handshake, on purpose (no CORS protects a WebSocket).
        if (!cors.admit(exchange)) {
            return;
        }
        if (path.startsWith(RealtimeEndpoint.PREFIX)) {
            realtime.handleRequest(exchange);
        } else if (path.startsWith(QueryEndpoint.PREFIX)) {
            queries.handleRequest(exchange);
        } else if (path.startsWith(ApiSpec.PREFIX)) {
            ApiSpec.serve(exchange, live.get().workspace());
        } else if (path.startsWith(FunctionEndpoint.PREFIX)) {
            functions.handleRequest(exchange);
        } else if (path.startsWith(VaultFiles.PREFIX)) {
            files.handleRequest(exchange);
        } else if (path.equals("/health")) {
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
            exchange.getResponseSender().send("{\"status\":\"ok\"}", StandardCharsets.UTF_8);
        } else {
            Responses.error(exchange, 404, ErrorType.NOTFOUND,
                "nothing at " + path + " (try /api:CANONICAL/PATH, POST /function/NAME, /rt/CANONICAL, or / for the console)");
        }
    }

    public int port() {
        return address.getPort();
    }

    public String host() {
        return address.getHostString();
    }

    public boolean secure() {
        return secure;
    }

    /** HTTP connections Undertow still holds: open ones that did not become WebSockets. */
    int heldHttpConnections() {
        return listener.heldHttpConnections();
    }

    /** Closes realtime sockets with 1012 first, then stops listening. */
    @Override
    public void close() {
        hub.close();
        listener.close();
        functionWorkers.shutdown();
        try {
            functionWorkers.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        functionWorkers.shutdownNow();
    }
}
