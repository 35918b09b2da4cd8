package xs.services.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xs.interp.Identity;
import xs.interp.Interpreter;
import xs.interp.Outcome;
import xs.testing.ExternalTools;

/**
 * Calls run side by side: a slow lambda does not hold up a fast one (the pool starts another
 * worker), and when every worker is busy a call waits for one and, past its timeout, says so.
 */
class WorkerPoolTest {
    /** The slow lambda writes this file in its temporary folder once it is running, then waits a minute. */
    static final String SLOW = """
        await Deno.writeTextFile(Deno.env.get("TMPDIR") + "/slow-started", "yes");
        await new Promise((resolve) => setTimeout(resolve, 60000));
        return "slow";
        """;

    @TempDir
    Path dir;
    static Path deno;

    @BeforeAll
    static void findDeno() throws Exception {
        deno = DenoBinary.locate(System.getenv()).orElse(null);
        ExternalTools.require(deno != null, "Deno is not installed (./xs or .ci/run install it into target/deno)");
    }

    LambdaSettings settings(int workers) {
        return new LambdaSettings(deno, null, dir.resolve("work"), dir.resolve("cache"), workers, 128, 64 * 1024, null,
            60_000);
    }

    static Outcome call(DenoLambdas lambdas, String code, int timeout) {
        Interpreter interpreter = LambdaRun.interpreter(LambdaRun.lambda(code, timeout), lambdas, 300_000);
        return LambdaRun.call(interpreter, Map.of(), Identity.ANONYMOUS.auth());
    }

    CompletableFuture<Outcome> startSlow(DenoLambdas lambdas) throws InterruptedException {
        CompletableFuture<Outcome> slow = CompletableFuture.supplyAsync(() -> call(lambdas, SLOW, 120));
        Path started = dir.resolve("work").resolve("tmp").resolve("slow-started");
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(started) && System.nanoTime() < until && !slow.isDone()) {
            Thread.sleep(20);
        }
        assertTrue(Files.exists(started), () -> "the slow lambda did not start: " + slow.getNow(null));
        return slow;
    }

    @Test
    void aSlowLambdaDoesNotHoldUpAFastOne() throws Exception {
        try (DenoLambdas lambdas = new DenoLambdas(settings(4))) {
            CompletableFuture<Outcome> slow = startSlow(lambdas);
            Outcome fast = call(lambdas, "return $input.missing ?? \"fast\";", 30);
            assertNull(fast.error(), () -> fast.error().getMessage());
            assertEquals("fast", fast.response());
            assertFalse(slow.isDone(), "the slow lambda is still waiting");
            assertEquals(2, lambdas.workers());
        }
    }

    @Test
    void whenEveryWorkerIsBusyACallWaitsAndThenSaysWhy() throws Exception {
        try (DenoLambdas lambdas = new DenoLambdas(settings(1))) {
            CompletableFuture<Outcome> slow = startSlow(lambdas);
            Outcome waited = call(lambdas, "return 1;", 1);
            assertEquals("api.lambda waited 1 s for a free worker: all 1 were busy (XS_LAMBDA_WORKERS sets how many"
                + " may run)", waited.error().getMessage());
            assertFalse(slow.isDone());
            lambdas.close();
            Outcome stopped = slow.get(60, TimeUnit.SECONDS);
            assertTrue(stopped.error().getMessage().startsWith("api.lambda's Deno worker stopped while running it"),
                stopped.error().getMessage());
        }
    }
}
