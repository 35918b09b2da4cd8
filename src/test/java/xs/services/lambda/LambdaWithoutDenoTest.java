package xs.services.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xs.ast.Program;
import xs.db.engines.Engines;
import xs.interp.Identity;
import xs.interp.Lambdas;
import xs.interp.Outcome;
import xs.interp.Services;
import xs.interp.TestRunner;
import xs.source.Source;
import xs.syntax.ScriptParser;
import xs.testing.ExternalTools;

/** What needs no Deno: the error without one, a misnamed XS_DENO, bad timeouts, and mock in test blocks. */
class LambdaWithoutDenoTest {
    @TempDir
    Path dir;

    @Test
    void withoutDenoTheErrorSaysHowToInstallIt() {
        LambdaSettings none = new LambdaSettings(null, DenoBinary.INSTALL_HINT, dir, dir, 1, 128, 1024, null, 1000);
        try (DenoLambdas lambdas = new DenoLambdas(none)) {
            Outcome o = LambdaRun.call(LambdaRun.interpreter(LambdaRun.lambda("return 1;", 10), lambdas, 10_000), Map.of(),
                Identity.ANONYMOUS.auth());
            String message = o.error().getMessage();
            assertTrue(message.startsWith("api.lambda runs JavaScript on Deno, which was not found"), message);
            assertTrue(message.contains("npm ci") && message.contains("XS_DENO")
                && message.contains("https://docs.deno.com/runtime/getting_started/installation/"), message);
            assertEquals(0, lambdas.workers());
        }
    }

    @Test
    void aDenoThatCannotStartIsReportedWithWhatItSaid() throws Exception {
        Path broken = Files.writeString(dir.resolve("deno"), "#!/bin/sh\necho 'this is not deno' >&2\nexit 3\n");
        ExternalTools.require(broken.toFile().setExecutable(true), "cannot make a script executable here");
        LambdaSettings settings = new LambdaSettings(broken, null, dir.resolve("work"), dir.resolve("cache"), 1, 128, 1024,
            null, 30_000);
        try (DenoLambdas lambdas = new DenoLambdas(settings)) {
            Outcome o = LambdaRun.call(LambdaRun.interpreter(LambdaRun.lambda("return 1;", 10), lambdas, 10_000), Map.of(),
                Identity.ANONYMOUS.auth());
            assertEquals("api.lambda could not start a Deno worker (" + broken + "): the worker process ended (exit code 3):"
                + " this is not deno", o.error().getMessage());
        }
    }

    @Test
    void xsDenoNamingNoProgramIsReported() throws Exception {
        Path notAProgram = Files.writeString(dir.resolve("deno.txt"), "text");
        LambdaSettings settings = LambdaSettings.fromEnvironment(Map.of("XS_DENO", notAProgram.toString()));
        assertEquals("api.lambda cannot run: XS_DENO is " + notAProgram + ", which is not an executable file",
            settings.missing());
        assertEquals(null, settings.deno());
    }

    @Test
    void theTimeoutMustBeSecondsAboveZero() {
        String xs = LambdaRun.function("", """
                api.lambda {
                  code = "return 1;"
                  timeout = "soon"
                } as $out
            """);
        Outcome o = LambdaRun.call(LambdaRun.interpreter(xs, Lambdas.NONE, 10_000), Map.of(), Identity.ANONYMOUS.auth());
        assertEquals("api.lambda's timeout is a number of seconds above 0, got text \"soon\"", o.error().getMessage());
    }

    @Test
    void mockReplacesTheLambdaInItsTestBlock() {
        String xs = """
            function f {
              input {
              }
              stack {
                api.lambda {
                  code = "return 1;"
                  mock = {"mocked": {total: 3}}
                } as $out
              }
              response = $out
              test "mocked" {
                expect.to_equal ($response.total) { value = 3 }
              }
              test "not mocked" {
                expect.to_throw { exception = "JavaScript runtime" }
              }
            }
            """;
        Program program = new Program(List.of(new ScriptParser().parse(new Source("mock.xs", xs)).script()));
        List<TestRunner.Result> results = new TestRunner(program, () -> Services.of(Engines.inMemory(), event -> {
        }, Map.of(), 10_000)).run(null);
        assertEquals(2, results.size());
        results.forEach(r -> assertTrue(r.passed(), () -> r.name() + ": " + r.failure()));
    }
}
