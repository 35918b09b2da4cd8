import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import xs.ast.Program;
import xs.db.engines.Engines;
import xs.interp.Identity;
import xs.interp.Interpreter;
import xs.interp.Json;
import xs.interp.Outcome;
import xs.interp.Services;
import xs.services.lambda.DenoLambdas;
import xs.services.lambda.LambdaSettings;
import xs.source.Source;
import xs.syntax.ScriptParser;

/**
 * api.lambda with the worker pool warm against a fresh Deno process per call, in one run.
 * Pool: a function whose stack is one trivial lambda ({@code return $input.a + 1;}) is called
 * through the interpreter, as xs run and xs serve call it ($env is this process's environment,
 * as under xs run); after a warm-up, every call is timed: calls/s, p50, p99, one caller and
 * then CALLERS at once. Fresh: the same code as a one-shot Deno script started per call with the
 * same flags (no pool), timed from process start to its printed result.
 */
public final class LambdaBench {
    private static final String CODE = "return $input.a + 1;";

    public static void main(String[] args) throws Exception {
        int calls = Integer.parseInt(args[0]);
        int freshCalls = Integer.parseInt(args[1]);
        int callers = Integer.parseInt(args[2]);
        Path work = Files.createTempDirectory("xs-lambda-bench-");
        LambdaSettings settings = LambdaSettings.fromEnvironment(System.getenv());
        if (settings.deno() == null) {
            System.err.println(settings.missing());
            System.exit(2);
        }
        System.out.println("deno " + settings.deno() + ", " + calls + " timed calls per pool run, " + freshCalls
            + " fresh-process calls");
        try (DenoLambdas lambdas = new DenoLambdas(new LambdaSettings(settings.deno(), null, work.resolve("pool"),
            settings.cacheDir(), Math.max(callers, 1), settings.memoryMb(), settings.outputLimitBytes(), settings.registry(),
            60_000))) {
            Interpreter interpreter = interpreter(lambdas);
            // Warm-up with as many callers as the second run has, so every worker it uses is started and warm.
            timed(interpreter, Math.max(500, calls / 5), Math.max(callers, 1));
            report("pool, 1 caller", timed(interpreter, calls, 1));
            report("pool, " + callers + " callers", timed(interpreter, calls, callers));
        }
        report("fresh deno per call", fresh(settings, work, freshCalls));
        try (var files = Files.walk(work)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    static Interpreter interpreter(DenoLambdas lambdas) {
        String xs = "function f {\n  input {\n    int a\n  }\n  stack {\n    api.lambda {\n      code = \"" + CODE
            + "\"\n      timeout = 10\n    } as $out\n  }\n  response = $out\n}\n";
        Program program = new Program(List.of(new ScriptParser().parse(new Source("bench.xs", xs)).script()));
        return new Interpreter(program, Services.of(Engines.inMemory(), event -> {
        }, System.getenv(), 60_000).withLambdas(lambdas));
    }

    static void call(Interpreter interpreter, long a) {
        Outcome o = interpreter.call("f", Map.of("a", a), Identity.ANONYMOUS.auth());
        if (!o.ok() || !Long.valueOf(a + 1).equals(o.response())) {
            throw new IllegalStateException("wrong answer: " + (o.ok() ? o.response() : o.error().getMessage()));
        }
    }

    /** Nanoseconds of each call, and the wall time of all, with {@code callers} threads sharing the calls. */
    record Run(long[] nanos, long wallNanos) {
    }

    static Run timed(Interpreter interpreter, int calls, int callers) throws Exception {
        long[] nanos = new long[calls];
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        List<Future<?>> done = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < callers; c++) {
            int first = c;
            done.add(pool.submit(() -> {
                for (int i = first; i < calls; i += callers) {
                    long t = System.nanoTime();
                    call(interpreter, i);
                    nanos[i] = System.nanoTime() - t;
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        long wall = System.nanoTime() - start;
        pool.shutdown();
        return new Run(nanos, wall);
    }

    static Run fresh(LambdaSettings settings, Path work, int calls) throws Exception {
        Path dir = Files.createDirectories(work.resolve("fresh"));
        Path script = dir.resolve("oneshot.ts");
        Files.writeString(script, "const $input = JSON.parse(Deno.args[0]);\n"
            + "const result = await (async () => { " + CODE + " })();\nconsole.log(JSON.stringify(result));\n");
        long[] nanos = new long[calls];
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            long t = System.nanoTime();
            ProcessBuilder pb = new ProcessBuilder(settings.deno().toString(), "run", "--quiet", "--no-config", "--no-lock",
                "--no-prompt", "--allow-net", "--allow-import", "--allow-env", "--allow-read=" + dir, "--allow-write=" + dir,
                "--v8-flags=--max-old-space-size=" + settings.memoryMb(), script.toString(),
                Json.write(Map.of("a", (long) i)));
            pb.environment().clear();
            pb.environment().put("NO_COLOR", "1");
            pb.environment().put("DENO_DIR", settings.cacheDir().toString());
            pb.redirectErrorStream(true);
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            p.waitFor();
            if (!out.equals(Long.toString(i + 1))) {
                throw new IllegalStateException("wrong answer from the fresh process: " + out);
            }
            nanos[i] = System.nanoTime() - t;
        }
        return new Run(nanos, System.nanoTime() - start);
    }

    static void report(String name, Run run) {
        long[] sorted = run.nanos().clone();
        Arrays.sort(sorted);
        double perSecond = sorted.length / (run.wallNanos() / 1e9);
        System.out.printf("%-22s %6d calls  %8.0f calls/s  p50 %8.3f ms  p99 %8.3f ms  max %8.3f ms%n", name,
            sorted.length, perSecond, ms(sorted, 0.50), ms(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
    }

    static double ms(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }
}
