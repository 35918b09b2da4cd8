package xs.services.lambda;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import xs.interp.Lambdas;

/**
 * Runs {@code api.lambda} on Deno, as Xano does: the code is the body of an async function with
 * the globals {@code $input}, {@code $var}, {@code $env} and {@code $auth}, may import
 * {@code npm:} and {@code node:} modules and {@code require} CommonJS ones, and its result comes
 * back as JSON. Calls go to a pool of long-lived workers, so a call costs a message, not a
 * process start. Nothing starts until the first call.
 * <pre>api.lambda { code = "return $input.a + 1;" timeout = 10 } as $sum</pre>
 */
public final class DenoLambdas implements Lambdas, AutoCloseable {
    private final LambdaSettings settings;
    private final Map<String, LambdaModule> modules = new ConcurrentHashMap<>();
    private WorkFolder folder;
    private WorkerPool pool;
    private boolean closed;

    public DenoLambdas(LambdaSettings settings) {
        this.settings = settings;
    }

    /** Lambdas as the command line runs them (see {@link LambdaSettings#fromEnvironment}); stopped when the JVM exits. */
    public static DenoLambdas forProcess(Map<String, String> env) {
        DenoLambdas lambdas = new DenoLambdas(LambdaSettings.fromEnvironment(env));
        Runtime.getRuntime().addShutdownHook(new Thread(lambdas::close, "xs-lambda-shutdown"));
        return lambdas;
    }

    public LambdaSettings settings() {
        return settings;
    }

    /** Starts a worker in the background (a server that has lambdas to run calls it at start). */
    public void warm() {
        if (settings.deno() == null) {
            return;
        }
        try {
            pool().warm();
        } catch (Failure e) {
            // the first call reports it
        }
    }

    /** How many Deno processes are running now. */
    public synchronized int workers() {
        return pool == null ? 0 : pool.size();
    }

    @Override
    public Result run(Call call) throws Failure {
        if (settings.deno() == null) {
            throw new Failure(Failure.Kind.UNAVAILABLE, settings.missing(), 0, List.of());
        }
        WorkerPool workers = pool();
        LambdaModule module = modules.computeIfAbsent(call.code(), LambdaModule::of);
        folder.write(module);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("module", module.name());
        request.put("input", call.input());
        request.put("var", call.variables());
        request.put("env", call.env());
        request.put("auth", call.auth());
        long started = System.nanoTime();
        Worker worker;
        try {
            worker = workers.acquire(call.timeoutMillis());
        } catch (WorkerFailure e) {
            throw failure(e, call, List.of());
        }
        long left = call.timeoutMillis() - (System.nanoTime() - started) / 1_000_000;
        Worker.Answer answer;
        try {
            answer = worker.call(request, Math.max(1, left));
        } catch (WorkerFailure e) {
            workers.discard(worker);
            throw failure(e, call, e.output());
        }
        worker.markLoaded(module.name());
        workers.release(worker);
        Map<String, Object> reply = answer.reply();
        if (Boolean.TRUE.equals(reply.get("ok"))) {
            return new Result(reply.get("value"), answer.output());
        }
        throw thrown(reply.get("error"), module, answer.output());
    }

    private synchronized WorkerPool pool() throws Failure {
        if (closed) {
            throw new Failure(Failure.Kind.UNAVAILABLE, "the lambda runtime has been shut down", 0, List.of());
        }
        if (pool == null) {
            try {
                folder = WorkFolder.create(settings.workRoot());
            } catch (IOException e) {
                throw new Failure(Failure.Kind.UNAVAILABLE, "api.lambda cannot prepare its work folder: "
                    + e.getMessage(), 0, List.of());
            }
            pool = new WorkerPool(settings, folder);
        }
        return pool;
    }

    private Failure thrown(Object error, LambdaModule module, List<String> output) {
        Map<?, ?> e = error instanceof Map<?, ?> m ? m : Map.of();
        String name = e.get("name") instanceof String s ? s : "Error";
        String message = e.get("message") instanceof String s ? s : String.valueOf(e.get("message"));
        int line = 0;
        if (e.get("line") instanceof Number l) {
            line = module.codeLine(l.intValue(), e.get("column") instanceof Number c ? c.intValue() : 1);
        }
        String text = name + ": " + message + (line > 0 ? " (line " + line + " of the lambda's code)" : "");
        return new Failure(Failure.Kind.THROWN, text, line, output);
    }

    private Failure failure(WorkerFailure e, Call call, List<String> output) {
        String why = switch (e.kind()) {
            case TIMEOUT -> "api.lambda ran past its timeout of " + seconds(call.timeoutMillis())
                + " and was stopped (its worker was replaced)";
            case MEMORY -> "api.lambda used more memory than its limit of " + settings.memoryMb()
                + " MB and was stopped (" + e.getMessage() + ")";
            case OUTPUT -> "api.lambda was stopped: " + e.getMessage()
                + (e.getMessage().startsWith("printed") ? " to its console" : "");
            case EXITED -> "api.lambda's Deno worker stopped while running it: " + e.getMessage();
            case START -> e.getMessage();
            case BUSY -> "api.lambda " + e.getMessage();
        };
        Failure.Kind kind = switch (e.kind()) {
            case TIMEOUT -> Failure.Kind.TIMEOUT;
            case START -> Failure.Kind.UNAVAILABLE;
            default -> Failure.Kind.STOPPED;
        };
        return new Failure(kind, why, 0, new ArrayList<>(output));
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (pool != null) {
            pool.close();
            folder.delete();
        }
    }
}
