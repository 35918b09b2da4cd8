package xs.interp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import xs.db.Database;
import xs.db.DbException;
import xs.source.Span;

/**
 * One top-level run (an `xs run`, an HTTP call, a trigger, a test): its deadline, how deep
 * function.run calls are nested, and the debug.log values it produced.
 */
public final class RunContext {
    /** function.run nesting beyond this is an error, long before the JVM stack would overflow. */
    public static final int MAX_DEPTH = 256;

    final Interpreter interpreter;
    final Services services;
    final Deadline deadline;
    final List<Object> logs = Collections.synchronizedList(new ArrayList<>());
    /** The test block being run, so statements' {@code mock} entries for it apply; null otherwise. */
    final String testName;
    /** The HTTP request this run answers; null for runs that no request started. */
    final WebRequest request;
    /** Where {@code api.stream} sends values and {@code util.post_process} stacks wait. */
    final Delivery delivery;
    /** Whether {@code api.stream} ran in this run. */
    volatile boolean streamed;
    private volatile Map<String, Object> environment;
    /** The data source db.* statements use: the request's X-Data-Source, until db.set_datasource. */
    private volatile String datasource;
    int depth;
    /**
     * Whether a middleware's stack is running: the calls it makes skip the branch's middleware
     * (a function middleware that calls a function would otherwise wrap itself without end).
     */
    boolean inMiddleware;

    RunContext(Interpreter interpreter, Services services) {
        this(interpreter, services, null);
    }

    RunContext(Interpreter interpreter, Services services, String testName) {
        this(interpreter, services, testName, null);
    }

    RunContext(Interpreter interpreter, Services services, String testName, WebRequest request) {
        this(interpreter, services, testName, request, new StreamRecorder());
    }

    RunContext(Interpreter interpreter, Services services, String testName, WebRequest request, Delivery delivery) {
        this.interpreter = interpreter;
        this.services = services;
        this.testName = testName;
        this.request = request;
        this.delivery = delivery;
        this.deadline = Deadline.start(services.timeoutMillis());
        this.datasource = request != null && request.datasource() != null ? request.datasource() : Database.LIVE;
    }

    /** The database of the data source this run reads and writes. */
    Database database() {
        String name = datasource;
        return Database.LIVE.equals(name) ? services.database() : services.database().dataSource(name);
    }

    /** The name of that data source ({@code $env.$datasource}). */
    String datasource() {
        return datasource;
    }

    /**
     * Switches the rest of the run to another data source ({@code db.set_datasource}, a trigger
     * for a write to one, a run that starts in one); opens it now, so a name the database refuses
     * fails here, as an error at {@code at}.
     */
    void useDataSource(String name, Span at) {
        if (!Database.LIVE.equals(name)) {
            try {
                services.database().dataSource(name);
            } catch (DbException e) {
                throw DbStatements.translate(e, at);
            }
        }
        datasource = name;
    }

    public List<Object> logs() {
        return logs;
    }

    public long now() {
        return services.clock().getAsLong();
    }

    /** {@code $env}: the program's environment, with the request's variables over it. */
    Map<String, Object> environment() {
        String source = datasource;
        if (request == null && Database.LIVE.equals(source)) {
            return interpreter.environment();
        }
        Map<String, Object> env = environment;
        // Rebuilt after db.set_datasource: the cached map names the data source it was made for.
        if (env == null || !source.equals(env.get("$datasource"))) {
            Map<String, Object> fresh = new LinkedHashMap<>(interpreter.environment());
            if (request != null) {
                fresh.putAll(request.environment());
            }
            fresh.put("$datasource", source);
            env = Collections.unmodifiableMap(fresh);
            environment = env;
        }
        return env;
    }
}
