package xs.services.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xs.interp.Identity;
import xs.interp.Interpreter;
import xs.interp.Outcome;
import xs.testing.ExternalTools;

/**
 * api.lambda on a real Deno: the globals, await, npm: imports (from a registry of the test's
 * own) and node: imports, values crossing as JSON, errors with the code's line, and the bounds
 * on code that throws, never returns, prints, floods its console or allocates without end.
 */
class DenoLambdasTest {
    @TempDir
    static Path dir;
    static Path deno;
    static LocalNpmRegistry registry;
    static DenoLambdas lambdas;

    @BeforeAll
    static void start() throws Exception {
        deno = DenoBinary.locate(System.getenv()).orElse(null);
        ExternalTools.require(deno != null, "Deno is not installed (./xs or .ci/run install it into target/deno)");
        registry = new LocalNpmRegistry(List.of(Path.of("src/test/resources/xs/services/lambda/npm/xs-greet")));
        lambdas = new DenoLambdas(settings(dir.resolve("shared"), 3));
    }

    static LambdaSettings settings(Path root, int workers) {
        return new LambdaSettings(deno, null, root.resolve("work"), root.resolve("cache"), workers, 128, 64 * 1024,
            registry.url(), 60_000);
    }

    @AfterAll
    static void stop() {
        if (lambdas != null) {
            lambdas.close();
        }
        if (registry != null) {
            registry.close();
        }
    }

    static Outcome run(String code, int timeout) {
        return LambdaRun.call(LambdaRun.interpreter(LambdaRun.lambda(code, timeout), lambdas, 60_000), Map.of(),
            Identity.ANONYMOUS.auth());
    }

    static Object ok(Outcome o) {
        assertNull(o.error(), () -> o.error().getMessage());
        return o.response();
    }

    static String failure(Outcome o) {
        assertFalse(o.ok(), () -> "expected an error, got " + o.response());
        return o.error().getMessage();
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyGlobalAndAwait() {
        String xs = LambdaRun.function("""
                int a
                decimal d
                json j?
            """, """
                var $n { value = 3 }
                var $half { value = 2.5 }
                var $whole { value = 2.0 }
                var $when { value = 1700000000123 }
                var $nested { value = {list: [1, 2.5, null, {deep: true}], none: null, text: "é \\" \\n"} }
                api.lambda {
                  code = ""\"
                    await new Promise((resolve) => setTimeout(resolve, 5));
                    return {
                      input: $input, n: $var.n, half: $var.half, whole: $var.whole, when: $var.when,
                      nested: $var.nested, app: $env.APP_NAME, env_is_object: typeof $env === "object",
                      secret: $env.XS_AUTH_SECRET ?? "not passed",
                      auth: $auth, sum: $var.n + $var.half, big: 2n ** 70n, small: 5n, gone: undefined,
                      date: new Date(0), kinds: [typeof $var.n, typeof $var.when, typeof $var.nested.none],
                    };
                    ""\"
                  timeout = 10
                } as $out
            """);
        Interpreter interpreter = LambdaRun.interpreter(xs, lambdas, 60_000);
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("a", 1L);
        input.put("d", new BigDecimal("4.25"));
        input.put("j", Map.of("k", List.of(1L, "two")));
        Map<String, Object> out = (Map<String, Object>) ok(LambdaRun.call(interpreter, input, Identity.ANONYMOUS.auth()));

        assertEquals(Map.of("a", 1L, "d", new BigDecimal("4.25"), "j", Map.of("k", List.of(1L, "two"))), out.get("input"));
        assertEquals(3L, out.get("n"));
        assertEquals(new BigDecimal("2.5"), out.get("half"));
        // JavaScript has one number type: 2.0 comes back as the integer 2.
        assertEquals(2L, out.get("whole"));
        // Timestamps are epoch milliseconds in xs, and numbers in the lambda.
        assertEquals(1700000000123L, out.get("when"));
        Map<String, Object> nested = (Map<String, Object>) out.get("nested");
        assertEquals(List.of(1L, new BigDecimal("2.5"), Map.of("deep", true)), ((List<Object>) nested.get("list")).stream()
            .filter(java.util.Objects::nonNull).toList());
        assertTrue(((List<Object>) nested.get("list")).contains(null));
        assertTrue(nested.containsKey("none"));
        assertNull(nested.get("none"));
        assertEquals("é \" \n", nested.get("text"));
        assertEquals("demo", out.get("app"));
        assertEquals(true, out.get("env_is_object"));
        // xs's own settings (XS_*), such as the token secret, are not in a lambda's $env.
        assertEquals("not passed", out.get("secret"));
        assertEquals(Map.of("id", 0L, "extras", Map.of()), out.get("auth"));
        assertEquals(new BigDecimal("5.5"), out.get("sum"));
        assertEquals("1180591620717411303424", out.get("big"));
        assertEquals(5L, out.get("small"));
        assertFalse(out.containsKey("gone"));
        assertEquals("1970-01-01T00:00:00.000Z", out.get("date"));
        assertEquals(List.of("number", "number", "object"), out.get("kinds"));

        Map<String, Object> user = new Identity("7", "user", Map.of("role", "admin")).auth();
        Map<String, Object> signedIn = (Map<String, Object>) ok(LambdaRun.call(interpreter, input, user));
        assertEquals(Map.of("id", 7L, "extras", Map.of("role", "admin"), "table", "user"), signedIn.get("auth"));
    }

    @Test
    void returningNothingGivesNull() {
        Outcome o = run("const x = 1;", 10);
        assertNull(ok(o));
    }

    @Test
    void typeScriptIsAccepted() {
        assertEquals(6L, ok(run("""
            interface Pair { a: number; b: number }
            const pair: Pair = {a: 2, b: 3};
            const times = (p: Pair): number => p.a * p.b;
            return times(pair);
            """, 10)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void npmPackageFromTheRegistryByImportAndByRequire() {
        Object out = ok(run("""
            import greet from "npm:xs-greet";
            const again = require("xs-greet");
            return {greeting: greet("ada"), shout: again.shout("ada"), same: greet === again};
            """, 60));
        assertEquals(Map.of("greeting", "hello, ada", "shout", "HELLO, ADA!", "same", true), out);
    }

    @Test
    void nodeModulesByImportAndByRequire() {
        Object out = ok(run("""
            import { createHash } from "node:crypto";
            import { Buffer } from "node:buffer";
            const path = require("path");
            const { EOL } = require("node:os");
            return {
              sha: createHash("sha256").update("abc").digest("hex"),
              b64: Buffer.from("hi").toString("base64"),
              joined: path.join("a", "b"),
              eol: EOL,
            };
            """, 30));
        assertEquals(Map.of("sha", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", "b64", "aGk=",
            "joined", "a/b", "eol", "\n"), out);
    }

    @Test
    void aThrowCarriesTheMessageAndTheLineOfTheCodeAndPointsThere() {
        Outcome o = run("""
            const a = 1;
            const b = a + 1;
            throw new Error("boom " + b);
            """, 10);
        assertEquals("Error: boom 2 (line 3 of the lambda's code)", failure(o));
        assertEquals("throw new Error(\"boom \" + b);", o.error().span().text());
    }

    @Test
    void aMistakeInTheCodeIsReportedWithItsLine() {
        String message = failure(run("""
            const a = 1;
            return a + notDefined;
            """, 10));
        assertEquals("ReferenceError: notDefined is not defined (line 2 of the lambda's code)", message);
        String syntax = failure(run("""
            const a = 1;

            return {a: ;
            """, 10));
        assertTrue(syntax.contains("(line 3 of the lambda's code)"), syntax);
        assertFalse(syntax.contains("file:"), syntax);
        String thrownText = failure(run("throw \"plain text\";", 10));
        assertEquals("Error: plain text", thrownText);
        String circular = failure(run("const a = {}; a.self = a; return a;", 10));
        assertTrue(circular.startsWith("TypeError: the lambda's result cannot be sent as JSON: Converting circular"
            + " structure to JSON"), circular);
        assertFalse(circular.contains("\n"), circular);
    }

    @Test
    void aLambdaPastItsTimeoutIsStoppedAndTheNextCallRuns() {
        String message = failure(run("while (true) {}", 1));
        assertEquals("api.lambda ran past its timeout of 1 s and was stopped (its worker was replaced)", message);
        String never = failure(run("await new Promise(() => {});", 1));
        assertTrue(never.startsWith("api.lambda ran past its timeout of 1 s"), never);
        assertEquals(42L, ok(run("return 42;", 30)));
    }

    @Test
    void theRunsOwnTimeLimitStopsALambdaThatWouldRunLonger() {
        Interpreter interpreter = LambdaRun.interpreter(LambdaRun.lambda("while (true) {}", 60), lambdas, 1_500);
        Outcome o = LambdaRun.call(interpreter, Map.of(), Identity.ANONYMOUS.auth());
        assertTrue(failure(o).startsWith("the script ran longer than its 1500 ms limit"), failure(o));
    }

    @Test
    void whatTheLambdaPrintsGoesToTheLogAndTheResultSurvives() {
        Outcome o = run("""
            console.log("first line");
            console.error("to stderr");
            process.stdout.write("no newline at the end");
            return {ok: true};
            """, 10);
        assertEquals(Map.of("ok", true), ok(o));
        assertTrue(o.logs().containsAll(List.of("api.lambda: first line", "api.lambda: to stderr",
            "api.lambda: no newline at the end")), o.logs().toString());
    }

    @Test
    void aLambdaFloodingItsConsoleIsStopped() {
        String lines = failure(run("while (true) console.log(\"x\".repeat(1000));", 30));
        assertEquals("api.lambda was stopped: printed more than 65536 bytes to its console", lines);
        String endless = failure(run("""
            const chunk = new TextEncoder().encode("y".repeat(10000));
            while (true) Deno.stdout.writeSync(chunk);
            """, 30));
        assertEquals("api.lambda was stopped: printed more than 65536 bytes to its console", endless);
        assertEquals("after", ok(run("return \"after\";", 30)));
    }

    @Test
    void aLambdaAllocatingWithoutEndIsStopped() {
        String heap = failure(run("""
            const keep = [];
            while (true) keep.push(new Array(100000).fill(Math.random()));
            """, 60));
        assertEquals("api.lambda used more memory than its limit of 128 MB and was stopped (its JavaScript heap was full)",
            heap);
        String buffers = failure(run("""
            const keep = [];
            while (true) {
              keep.push(new Uint8Array(8 * 1024 * 1024).fill(1));
              await new Promise((resolve) => setTimeout(resolve, 10));
            }
            """, 60));
        assertEquals("api.lambda used more memory than its limit of 128 MB and was stopped (its worker's memory passed"
            + " 256 MB)", buffers);
        assertEquals("after", ok(run("return \"after\";", 30)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theWorkerHasAnEmptyEnvironmentAndOnlyTheNetworkAndItsTemporaryFolder() {
        Map<String, Object> out = (Map<String, Object>) ok(run("""
            const env = Deno.env.toObject();
            const keys = Object.keys(env).sort();
            let read = "allowed";
            try { await Deno.readTextFile("/etc/passwd"); } catch (e) { read = e.name; }
            let run = "allowed";
            try { new Deno.Command("/bin/sh", {args: ["-c", "true"]}).outputSync(); } catch (e) { run = e.name; }
            const scratch = await Deno.makeTempFile();
            await Deno.writeTextFile(scratch, "written");
            return {keys, path: env.PATH ?? null, cache: env.DENO_DIR, read, run, wrote: await Deno.readTextFile(scratch)};
            """, 30));
        // What xs sets, and what Deno sets itself: PATH holding only its node shim, in the cache folder.
        Set<String> allowed = Set.of("DENO_DIR", "DENO_NO_PROMPT", "DENO_NO_UPDATE_CHECK", "DENO_TLS_CA_STORE", "NO_COLOR",
            "NPM_CONFIG_REGISTRY", "TMPDIR", "DENO_NODE_SHIM_ACTIVE", "PATH");
        assertTrue(allowed.containsAll((List<String>) out.get("keys")), out.get("keys").toString());
        Object path = out.get("path");
        assertTrue(path == null || !path.toString().contains(":") && path.toString().startsWith(out.get("cache").toString()),
            "PATH: " + path);
        assertEquals("NotCapable", out.get("read"));
        assertEquals("NotCapable", out.get("run"));
        assertEquals("written", out.get("wrote"));
    }
}
