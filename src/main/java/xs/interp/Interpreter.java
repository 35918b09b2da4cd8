package xs.interp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import xs.ast.Construct;
import xs.ast.Program;
import xs.db.JsonDepth;
import xs.diag.Code;
import xs.interp.filters.FilterRegistry;
import xs.source.Span;

/**
 * Runs XanoScript: functions, queries, realtime triggers and test stacks, all through the same
 * path (validate input, run the stack, evaluate the response); a table trigger, whose response
 * nobody reads, runs its stack alone ({@link TriggerRun}). Constructs are compiled once, on
 * first use, into closures; a compiled construct is shared by all threads, each call gets its
 * own frame.
 * <pre>Outcome o = new Interpreter(program, services).call("notify_user", input, auth);</pre>
 */
public final class Interpreter {
    private final Program program;
    private final Services services;
    private final FilterRegistry filters = FilterRegistry.standard();
    private final StatementRegistry statements = StatementRegistry.standard();
    /**
     * Compiled constructs, read by every call without a lock: a construct compiles once and the
     * map is replaced by a larger copy (a synchronized map made every request queue for it).
     */
    private volatile Map<Construct, Compiled> compiled = new IdentityHashMap<>();
    private final Map<String, Object> environment;
    /** Whether db.* statements wait on a server, so each is bounded by its run's time left. */
    private final boolean timedDatabase;
    private volatile Gateway gateway;
    /** What the branch's middleware wraps when a stack calls it (Xano: functions, tasks, tools). */
    private static final java.util.Set<String> WRAPPED_KINDS = java.util.Set.of("function", "task", "tool");

    /** A construct ready to run. */
    record Compiled(SlotTable slots, InputSchema input, Exec stack, Eval response) {
    }

    /**
     * The function a {@code function.run} names, looked up and compiled on its first call and
     * kept by the call site (a loop calling it a thousand times looks it up once). Two threads
     * that both find it empty resolve the same function: the race is harmless.
     */
    static final class Callee {
        final String kind;
        final String name;
        private volatile Compiled compiled;

        Callee(String name) {
            this("function", name);
        }

        /** A construct of another kind called by name: an addon ({@code addon.call}, {@code addon = [...]}). */
        Callee(String kind, String name) {
            this.kind = kind;
            this.name = name;
        }
    }

    public Interpreter(Program program, Services services) {
        this.program = program;
        this.services = services;
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("$remote_ip", "127.0.0.1");
        env.put("$remote_port", 0L);
        env.put("$remote_host", "localhost");
        env.put("$request_method", "POST");
        env.put("$request_uri", "");
        env.put("$request_querystring", "");
        env.put("$http_headers", new LinkedHashMap<>());
        env.put("$datasource", "live");
        env.put("$branch", "v1");
        env.put("$tenant", "");
        env.put("$api_baseurl", "http://localhost");
        env.putAll(services.env());
        this.environment = Collections.unmodifiableMap(env);
        this.timedDatabase = services.database() != null && services.database().timed();
    }

    boolean timedDatabase() {
        return timedDatabase;
    }

    public Program program() {
        return program;
    }

    public Services services() {
        return services;
    }

    FilterRegistry filters() {
        return filters;
    }

    StatementRegistry statements() {
        return statements;
    }

    Map<String, Object> environment() {
        return environment;
    }

    private java.util.List<String> functionNames() {
        return program.functions().stream().map(Construct::name).toList();
    }

    /** Attaches the server around this interpreter (tokens, api.call); {@code xs serve} does. */
    public void attach(Gateway gateway) {
        this.gateway = gateway;
    }

    Gateway gateway() {
        return gateway;
    }

    /** Calls a function by name as a top-level run. */
    public Outcome call(String function, Object input, Map<String, Object> auth) {
        Construct c = program.function(function).orElse(null);
        if (c == null) {
            return new Outcome(null, XsError.runtime(null, "no function named \"" + function + "\""
                + xs.diag.Suggest.didYouMean(function, functionNames())), java.util.List.of());
        }
        return run(c, input, auth, Map.of());
    }

    /**
     * Runs any construct with a stack as a top-level run.
     *
     * @param variables variables set before the stack runs ($channel for triggers, $response for tests)
     */
    public Outcome run(Construct construct, Object input, Map<String, Object> auth, Map<String, Object> variables) {
        return run(construct, input, auth, variables, null);
    }

    /**
     * Runs a construct for the test block {@code testName}: statements whose {@code mock} names
     * that test return the mocked value instead of running.
     */
    public Outcome run(Construct construct, Object input, Map<String, Object> auth, Map<String, Object> variables,
                       String testName) {
        return run(construct, input, auth, variables, testName, null, null);
    }

    /**
     * Runs a construct with its db.* statements in the named data source, as a trigger for a
     * write to that data source runs, or a test with {@code datasource = "test"}.
     */
    public Outcome runInDataSource(String datasource, Construct construct, Object input, Map<String, Object> auth,
                                   Map<String, Object> variables, String testName) {
        return run(construct, input, auth, variables, testName, null, datasource);
    }

    /**
     * Runs a construct for an HTTP request: {@code $env} carries the request's variables,
     * {@code util.get_raw_input} reads what the client sent, {@code util.set_header} adds to its answer.
     */
    public Outcome serve(Construct construct, Object input, Map<String, Object> auth, WebRequest request) {
        return run(construct, input, auth, Map.of(), null, request, null);
    }

    /**
     * The same, starting in {@code datasource} instead of the request's (null: the request's, else
     * live): the next run of a request that a middleware's {@code db.set_datasource} switched.
     */
    public Outcome serve(Construct construct, Object input, Map<String, Object> auth, WebRequest request,
                         String datasource) {
        return run(construct, input, auth, Map.of(), null, request, datasource);
    }

    /**
     * Runs a construct as a top-level run whose {@code api.stream} values and
     * {@code util.post_process} stacks go to {@code delivery} (its owner runs the latter).
     */
    public Outcome runWith(Construct construct, Object input, Map<String, Object> auth, Delivery delivery) {
        return run(construct, input, auth, Map.of(), null, null, delivery, null);
    }

    private Outcome run(Construct construct, Object input, Map<String, Object> auth, Map<String, Object> variables,
                        String testName, WebRequest request, String datasource) {
        return run(construct, input, auth, variables, testName, request,
            request == null ? null : request.delivery(), datasource);
    }

    /**
     * Without a delivery the run keeps what it streams (its response is then the list of values)
     * and runs its post-process stacks itself once its response is known, their failures logged.
     * With a datasource its db.* statements start in that data source.
     */
    private Outcome run(Construct construct, Object input, Map<String, Object> auth, Map<String, Object> variables,
                        String testName, WebRequest request, Delivery delivery, String datasource) {
        StreamRecorder own = delivery == null ? new StreamRecorder() : null;
        RunContext context = new RunContext(this, services, testName, request, own != null ? own : delivery);
        Outcome outcome = runIn(context, construct, input, auth, variables, datasource);
        if (own == null) {
            return outcome;
        }
        List<Object> logs = new ArrayList<>(outcome.logs());
        own.runPostProcess(logs::add);
        return new Outcome(outcome.response(), outcome.error(), logs, outcome.datasource());
    }

    private Outcome runIn(RunContext context, Construct construct, Object input, Map<String, Object> auth,
                          Map<String, Object> variables, String datasource) {
        context.inMiddleware = construct.kind().equals("middleware");
        try {
            if (datasource != null) {
                context.useDataSource(datasource, construct.span());
            }
            Object response = invoke(construct, input, auth, variables, context);
            if (context.streamed && context.delivery instanceof StreamRecorder recorder) {
                response = recorder.values();
            }
            if (JsonDepth.tooDeep(response)) {
                // Caught here so the caller never meets a response it cannot write out.
                return new Outcome(null, XsError.runtime(construct.span(),
                    "the response cannot be written as JSON: " + JsonDepth.limitText()), context.logs(),
                    context.datasource());
            }
            return new Outcome(response, null, context.logs(), context.datasource());
        } catch (XsError e) {
            return new Outcome(null, e, context.logs(), context.datasource());
        } catch (StackOverflowError e) {
            return new Outcome(null, XsError.runtime(construct.span(),
                "the script recursed too deeply for the available stack").withCode(Code.XS0304), context.logs(),
                context.datasource());
        }
    }

    /**
     * Runs a compiled construct for its effects alone, as {@link TriggerRun} runs a table trigger:
     * its stack runs in {@code datasource} on {@code input} (already valid for it) with no
     * {@code $auth}; no response is evaluated, since nobody reads one. Post-process stacks it
     * reaches run before this returns, as for any run without a client. Its {@code debug.log}
     * values, then the post-process lines, go to {@code logs}; answers its error, or null.
     */
    XsError runForEffect(Compiled k, Span at, Map<String, Object> input, String datasource,
                         java.util.function.Consumer<Object> logs) {
        StreamRecorder recorder = new StreamRecorder();
        RunContext context = new RunContext(this, services, null, null, recorder);
        XsError error = null;
        try {
            context.useDataSource(datasource, at);
            k.stack().exec(new Frame(k.slots(), input, Map.of(), context));
        } catch (XsError e) {
            error = e;
        } catch (StackOverflowError e) {
            error = XsError.runtime(at, "the script recursed too deeply for the available stack").withCode(Code.XS0304);
        }
        context.logs().forEach(logs);
        recorder.runPostProcess(logs::accept);
        return error;
    }

    Object invoke(Construct construct, Object input, Map<String, Object> auth, Map<String, Object> variables,
                  RunContext context) {
        return invoke(compiled(construct), input, auth, variables, context);
    }

    private Object invoke(Compiled k, Object input, Map<String, Object> auth, Map<String, Object> variables,
                          RunContext context) {
        Object in;
        if (k.input() == null) {
            in = input == null ? new LinkedHashMap<String, Object>() : Values.copy(input);
        } else {
            in = k.input().apply(input, context.now(), "");
        }
        Frame frame = new Frame(k.slots(), in, auth == null ? new LinkedHashMap<String, Object>() : auth, context);
        for (Map.Entry<String, Object> v : variables.entrySet()) {
            if (k.slots().has(v.getKey())) {
                frame.set(k.slots().slot(v.getKey()), v.getValue());
            }
        }
        if (k.stack().exec(frame) == Exec.RETURN) {
            return frame.returned;
        }
        return k.response().eval(frame);
    }

    /** function.run: input validated as for a direct call; errors name the call chain. */
    Object callFunction(Callee callee, Object input, Frame caller, Span at) {
        return call(callee, input, caller, at, "function.run");
    }

    /** An addon run for one row (or by addon.call): its single query's result. */
    Object callAddon(Callee callee, Object input, Frame caller, Span at) {
        return call(callee, input, caller, at, "addon");
    }

    /** addon.call, function.call, task.call and the like: the construct's response; errors name the statement. */
    Object callNamed(Callee callee, Object input, Frame caller, Span at, String statement) {
        return call(callee, input, caller, at, statement);
    }

    private Object call(Callee callee, Object input, Frame caller, Span at, String statement) {
        String name = callee.name;
        Compiled target = callee.compiled;
        Construct construct = target != null ? null : program.find(callee.kind, name).orElseThrow(
            () -> XsError.runtime(at, statement + ": no " + callee.kind + " named \"" + name + "\""
                + (callee.kind.equals("function") ? xs.diag.Suggest.didYouMean(name, functionNames()) : "")));
        RunContext context = caller.context;
        if (context.depth >= RunContext.MAX_DEPTH) {
            throw XsError.runtime(at, statement + " calls are nested more than " + RunContext.MAX_DEPTH
                + " deep (runaway recursion?)").withCode(Code.XS0304);
        }
        context.deadline.check();
        context.depth++;
        boolean wasInMiddleware = context.inMiddleware;
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> auth = (Map<String, Object>) caller.auth;
            if (target == null) {
                target = compiled(construct);
                callee.compiled = target;
            }
            context.inMiddleware |= callee.kind.equals("middleware");
            Gateway server = gateway;
            if (server == null || context.inMiddleware || !WRAPPED_KINDS.contains(callee.kind)
                || !server.hasMiddleware(callee.kind, name)) {
                return invoke(target, input, auth, Map.of(), context);
            }
            Outcome outcome = server.throughMiddleware(callee.kind, name, input, steps(target, auth, context));
            if (!outcome.ok()) {
                throw outcome.error();
            }
            return outcome.response();
        } catch (XsError e) {
            throw e.through(statement + " \"" + name + "\" at " + at);
        } finally {
            context.inMiddleware = wasInMiddleware;
            context.depth--;
        }
    }

    /**
     * The parts of a called function, task or tool and of its middleware, each run in the
     * caller's run (its data source, mocks, deadline and logs); a call a middleware makes runs
     * without middleware, so a function middleware that calls a function does not wrap itself.
     */
    private Gateway.Steps steps(Compiled target, Map<String, Object> auth, RunContext context) {
        return new Gateway.Steps() {
            @Override
            public Outcome middleware(Construct block, Map<String, Object> arguments) {
                boolean was = context.inMiddleware;
                context.inMiddleware = true;
                try {
                    return new Outcome(invoke(compiled(block), arguments, auth, Map.of(), context), null, List.of());
                } catch (XsError e) {
                    return new Outcome(null, e, List.of());
                } finally {
                    context.inMiddleware = was;
                }
            }

            @Override
            public Outcome call(Object input) {
                try {
                    return new Outcome(invoke(target, input, auth, Map.of(), context), null, List.of());
                } catch (XsError e) {
                    return new Outcome(null, e, List.of());
                }
            }
        };
    }

    /** Evaluates an expression that needs no variables (table items, channel settings). */
    public Object constant(xs.ast.Expr expr) {
        Compilation comp = new Compilation(this, null);
        Eval e = comp.expr(expr);
        RunContext context = new RunContext(this, services);
        return e.eval(new Frame(comp.slots, new LinkedHashMap<String, Object>(), new LinkedHashMap<String, Object>(),
            context));
    }

    Compiled compiled(Construct construct) {
        Compiled k = compiled.get(construct);
        if (k != null) {
            return k;
        }
        k = compile(construct);
        synchronized (this) {
            // Two threads may both compile a construct: the first one stored wins.
            Compiled stored = compiled.get(construct);
            if (stored != null) {
                return stored;
            }
            Map<Construct, Compiled> next = new IdentityHashMap<>(compiled);
            next.put(construct, k);
            compiled = next;
        }
        return k;
    }

    private Compiled compile(Construct construct) {
        Construct c = construct.kind().equals("addon") ? AddonBody.of(construct) : construct;
        Compilation comp = new Compilation(this, c);
        InputSchema input = c.input().map(InputSchema::of).orElse(null);
        Exec stack = c.stack().map(comp::block).orElse(f -> Exec.NORMAL);
        Eval response = comp.expr(c.attribute("response").orElse(null));
        return new Compiled(comp.slots, input, stack, response);
    }
}
