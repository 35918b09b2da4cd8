package xs.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import xs.diag.Diagnostic;
import xs.diag.Severity;
import xs.source.SourceLoader;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import xs.ast.Program;
import xs.db.engines.Engines;
import xs.db.hooks.WriteHooks;
import xs.http.CorsPolicy;
import xs.http.PemTls;
import xs.http.XsServer;
import xs.interp.ChannelDirectory;
import xs.interp.Interpreter;
import xs.interp.KeyValueStore;
import xs.interp.Outside;
import xs.interp.Services;
import xs.services.StandardOutside;
import xs.services.storage.FolderFileStore;
import xs.realtime.AuthTables;
import xs.realtime.Broker;
import xs.realtime.Hub;
import xs.realtime.HubConfig;
import xs.realtime.HubStats;
import xs.realtime.LocalBroker;
import xs.realtime.Tokens;
import xs.realtime.redis.RedisBroker;
import xs.source.DeepStacks;
import xs.workspace.TaskLease;
import xs.workspace.TaskScheduler;
import xs.workspace.Api;
import xs.workspace.LiveApi;
import xs.workspace.LiveTableTriggers;
import xs.workspace.SourceWatch;
import xs.workspace.Workspace;

/**
 * {@code xs serve PATH... [--host H] [--port P|0] [--canonical NAME] [--auth-secret S] [--broker URL]}: serves
 * the functions over HTTP and a realtime hub the official Xano client can talk to, until Ctrl-C. With
 * {@code --broker redis://HOST:PORT} several such processes share their channels.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Serve a workspace's API (/api:CANONICAL/PATH), functions (POST /function/NAME) and a realtime "
        + "WebSocket hub (/rt/CANONICAL).")
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders of .xs scripts.")
    List<Path> paths;

    @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "HOST", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "8080", paramLabel = "PORT", description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--canonical", paramLabel = "NAME",
        description = "Accept realtime connections only at /rt/NAME (default: any name).")
    String canonical;

    @Option(names = "--auth-secret", paramLabel = "S",
        description = "Secret that signs auth tokens (default: $XS_AUTH_SECRET, else a random one for this run, "
            + "kept in --data-dir; required with --broker).")
    String authSecret;

    @Mixin
    RunOptions options;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Keep the database, storage.* files and the mail "
        + "outbox in this folder across restarts. With --db the tables live in PostgreSQL and DIR keeps the files and "
        + "outbox only; nodes may share it (one folder for every node shares their files).")
    Path dataDir;

    @Option(names = "--tls-cert", paramLabel = "FILE", description = "PEM certificate chain: serve https:// and wss://.")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "FILE", description = "PEM private key (PKCS#8) of --tls-cert.")
    Path tlsKey;

    @Option(names = "--broker", paramLabel = "URL",
        description = "Share realtime channels, presence and history with other xs serve processes through Redis "
            + "(redis://HOST:PORT[/DB]; default: this process only). The database stays per process.")
    String broker;

    @Option(names = "--cors-origin", paramLabel = "ORIGIN", split = ",",
        description = "Origins whose pages may call the functions, e.g. http://localhost:5173 (repeat or separate "
            + "with commas; default: * = any origin). Other origins get 403.")
    List<String> corsOrigins = List.of("*");

    @Option(names = "--header-timeout", defaultValue = "10", paramLabel = "SECONDS",
        description = "Close a connection whose request line and headers (or body) stall this long (default: ${DEFAULT-VALUE}).")
    int headerTimeout;

    @Option(names = "--keep-alive-timeout", defaultValue = "20", paramLabel = "SECONDS",
        description = "Close an HTTP connection that waits this long for its next request (default: ${DEFAULT-VALUE}). "
            + "Running requests and WebSockets are never cut.")
    int keepAliveTimeout;

    @Option(names = "--write-timeout", defaultValue = "60", paramLabel = "SECONDS",
        description = "Close a connection whose client takes no bytes of its response (or stream) this long "
            + "(default: ${DEFAULT-VALUE}).")
    int writeTimeout;

    @Option(names = "--watch",
        description = "Reload the scripts when a .xs file under PATH changes: the database, WebSocket connections "
            + "and channels stay; a change with errors keeps the last good program serving.")
    boolean watch;

    /** How long files must stay unchanged before --watch reloads (one reload for a burst of saves). */
    private static final long WATCH_QUIET_MILLIS = 200;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PrintStream log = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        ProgramLoader.Loaded loaded;
        ParseCache parsed = new ParseCache();
        long warnings = 0;
        if (watch) {
            try {
                loaded = parsed.load(paths);
            } catch (SourceLoader.MissingPath e) {
                err.println("xs: " + e.getMessage());
                return 2;
            }
            List<Diagnostic> diagnostics = CheckGate.diagnostics(loaded);
            if (CheckGate.failed(diagnostics, err)) {
                return 1;
            }
            warnings = diagnostics.stream().filter(d -> d.severity() == Severity.WARNING).count();
        } else {
            try {
                loaded = ProgramLoader.loadChecked(paths, err);
            } catch (ProgramLoader.Rejected e) {
                return e.exitCode();
            }
        }
        if ((tlsCert == null) != (tlsKey == null)) {
            err.println("xs: --tls-cert and --tls-key go together");
            return 2;
        }
        SSLContext tls = null;
        if (tlsCert != null) {
            try {
                tls = PemTls.context(tlsCert, tlsKey);
            } catch (PemTls.BadPem e) {
                err.println("xs: " + e.getMessage());
                return 2;
            }
        }
        CorsPolicy cors;
        try {
            cors = CorsPolicy.of(corsOrigins);
        } catch (CorsPolicy.BadOrigin e) {
            err.println("xs: " + e.getMessage());
            return 2;
        }
        if (headerTimeout < 1 || keepAliveTimeout < 1 || writeTimeout < 1 || headerTimeout > 3600
            || keepAliveTimeout > 3600 || writeTimeout > 3600) {
            err.println("xs: --header-timeout, --keep-alive-timeout and --write-timeout are whole seconds from 1 to 3600");
            return 2;
        }
        Program program = loaded.program();
        Workspace workspace = Workspace.of(program);
        if (WorkspaceGate.failed(workspace, err)) {
            return 1;
        }
        ServeSecret.Chosen secret;
        try {
            secret = ServeSecret.choose(authSecret, dataDir, broker != null || options.databaseUrl() != null);
        } catch (ProgramSetup.SetupException e) {
            err.println("xs: " + e.getMessage());
            err.flush();
            return 2;
        }
        Tokens tokens = new Tokens(secret.secret());
        WriteHooks db;
        Services services;
        ChannelDirectory channels = ChannelDirectory.of(program);
        Broker shared;
        if (broker == null) {
            shared = new LocalBroker();
        } else {
            try {
                RedisBroker redis = RedisBroker.connect(broker, log);
                log.println("xs serve: node " + redis.node() + " of a cluster through Redis at " + redis.address()
                    + ": channels, presence and history are shared; the database is "
                    + (options.databaseUrl() == null ? "this process's own" : "PostgreSQL, shared too"));
                shared = redis;
            } catch (RedisBroker.Unavailable e) {
                err.println("xs: " + e.getMessage());
                return 2;
            }
        }
        Hub hub = new Hub(HubConfig.defaults(), channels, AuthTables.of(program), shared, log);
        try {
            db = ProgramSetup.database(program, options.data, dataDir, options.database(), false);
            services = Services.of(db, hub.sink(), options.environment(), options.timeoutMillis())
                .withLambdas(ProgramSetup.lambdas())
                .with(outside(log));
            Engines.notices(db).forEach(line -> log.println("xs serve: " + line));
            if (options.databaseUrl() != null && dataDir == null) {
                log.println("xs serve: storage.* files go to a temporary folder of this process, removed when it stops: "
                    + "give --data-dir DIR to keep them (nodes that share DIR share their files)");
            }
        } catch (ProgramSetup.SetupException e) {
            hub.close();
            err.println("xs: " + e.getMessage());
            return 2;
        }
        Interpreter interpreter = new Interpreter(program, services);
        ProgramSetup.warmLambdas(program);
        hub.attach(interpreter);
        LiveTableTriggers triggers = new LiveTableTriggers(db, log::println);
        triggers.use(interpreter);
        TaskLease lease = shared instanceof RedisBroker redis ? redis::claimTask : TaskLease.ALONE;
        ExecutorService taskRuns = Executors.newCachedThreadPool(DeepStacks.factory("xs-task"));
        TaskScheduler tasks = new TaskScheduler(interpreter, lease, taskRuns, log);
        LiveApi api = new LiveApi(new Api(workspace, interpreter, tokens));
        XsServer server;
        try {
            XsServer.Settings settings = new XsServer.Settings(host, port, canonical, tls,
                XsServer.Settings.DEFAULT_MAX_BODY_BYTES).withTimeouts(headerTimeout * 1000, keepAliveTimeout * 1000)
                .withWriteTimeout(writeTimeout * 1000).withCors(cors);
            server = XsServer.start(settings, hub, api, tasks, triggers, log);
        } catch (RuntimeException e) {
            taskRuns.shutdownNow();
            hub.close();
            db.close();
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            err.println("xs: cannot listen on " + host + ":" + port + ": " + cause.getMessage());
            return 2;
        }
        if (secret.note() != null) {
            log.println(secret.note());
        }
        String where = server.host().contains(":") ? "[" + server.host() + "]" : server.host();
        String http = (server.secure() ? "https://" : "http://") + where + ":" + server.port();
        if (services.outside().files() instanceof FolderFileStore files) {
            files.publishAt(http);
        }
        String ws = (server.secure() ? "wss://" : "ws://") + where + ":" + server.port() + "/rt/"
            + (canonical == null ? "*" : canonical);
        out.println("xs serving " + http + " (realtime " + ws + ")");
        out.flush();
        tasks.start();
        SourceWatch watching = null;
        if (watch) {
            WatchReload reload = new WatchReload(paths, parsed, warnings, api, hub, triggers, tasks, services, tokens, log);
            try {
                watching = SourceWatch.start(paths, WATCH_QUIET_MILLIS, changed -> reload.reload(), log::println);
                log.println("xs serve: watching " + String.join(", ", paths.stream().map(Path::toString).toList())
                    + " for changes to .xs files");
                Thread warm = DeepStacks.thread("xs-watch-warm-up", reload::warmUp);
                warm.setDaemon(true);
                warm.start();
            } catch (IOException e) {
                log.println("xs serve: --watch cannot watch the files (" + e.getMessage() + "); serving without reloads");
            }
        }
        awaitStop();
        if (watching != null) {
            watching.close();
        }
        tasks.close();
        taskRuns.shutdownNow();
        server.close();
        db.close();
        HubStats.Snapshot s = hub.stats().snapshot();
        log.println("xs serve: stopped after " + s.connections() + " connections, " + s.channels() + " channels, "
            + s.messages() + " messages, " + s.events() + " events (" + s.deliveries() + " frames delivered, "
            + s.slowConsumersClosed() + " slow consumers closed)");
        return 0;
    }

    /** HTTP and the redis.* store: on the broker's Redis when there is one, else in this process. */
    private Outside outside(PrintStream log) throws ProgramSetup.SetupException {
        Outside outside = StandardOutside.create(System::currentTimeMillis, dataDir, log::println);
        if (broker == null) {
            return outside;
        }
        try {
            return StandardOutside.withRedis(outside, broker);
        } catch (KeyValueStore.Failure e) {
            throw new ProgramSetup.SetupException(e.getMessage());
        }
    }

    /** Blocks until SIGINT or SIGTERM; the stop then runs here, so the exit code stays 0. */
    @SuppressWarnings("restriction")
    private static void awaitStop() throws InterruptedException {
        CountDownLatch stop = new CountDownLatch(1);
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> stop.countDown());
            } catch (IllegalArgumentException e) {
                // the signal is not available on this platform
            }
        }
        stop.await();
    }
}
