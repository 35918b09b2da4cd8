package xs.interp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    private Map<String, Object> environment;
    int depth;

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
    }

    public List<Object> logs() {
        return logs;
    }

    public long now() {
        return services.clock().getAsLong();
    }

    /** {@code $env}: the program's environment, with the request's variables over it. */
    Map<String, Object> environment() {
        if (request == null) {
            return interpreter.environment();
        }
        if (environment == null) {
            Map<String, Object> env = new LinkedHashMap<>(interpreter.environment());
            env.putAll(request.environment());
            environment = Collections.unmodifiableMap(env);
        }
        return environment;
    }
}
