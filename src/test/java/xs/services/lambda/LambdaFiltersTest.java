package xs.services.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xs.interp.Identity;
import xs.interp.Outcome;
import xs.testing.ExternalTools;

/**
 * The lambda_* filters on a real Deno: $this, $index, $parent (and $result), api.lambda's
 * globals beside them, JavaScript truthiness for the predicates, and a throwing element named
 * by the line of the filter's code.
 */
class LambdaFiltersTest {
    @TempDir
    static Path dir;
    static DenoLambdas lambdas;

    @BeforeAll
    static void start() throws Exception {
        Path deno = DenoBinary.locate(System.getenv()).orElse(null);
        ExternalTools.require(deno != null, "Deno is not installed (./xs or .ci/run install it into target/deno)");
        lambdas = new DenoLambdas(new LambdaSettings(deno, null, dir.resolve("work"), dir.resolve("cache"), 2, 128,
            64 * 1024, null, 60_000));
    }

    @AfterAll
    static void stop() {
        if (lambdas != null) {
            lambdas.close();
        }
    }

    private static Outcome run(String stack, Object input) {
        return LambdaRun.call(LambdaRun.interpreter(LambdaRun.function("    json items\n    int min", stack), lambdas,
            60_000), input, Identity.ANONYMOUS.auth());
    }

    @Test
    void eachFilterRunsItsCodePerElement() {
        Outcome o = run("""
                var $list { value = $input.items }
                var $out {
                  value = {
                    map: $list|lambda_map:"return {n: $this.n * 10, at: $index, of: $parent.length};",
                    filter: $list|lambda_filter:"return $this.n >= $input.min;",
                    some: $list|lambda_some:"return $this.n > 2;",
                    none: $list|lambda_some:"return $this.n > 99;",
                    every: $list|lambda_every:"return $this.n;",
                    find: $list|lambda_find:"return $this.n == 2;",
                    index: $list|lambda_findIndex:"return $this.n == 3;",
                    missing: $list|lambda_findIndex:"return false;",
                    sum: $list|lambda_reduce:100:"return $result + $this.n;",
                    one: $list|lambda:"return $this.length + $var.list.length;",
                    truthy: ["", "0", 0, [], null]|lambda_filter:"return $this;"
                  }
                }
            """, Map.of("items", List.of(Map.of("n", 1L), Map.of("n", 2L), Map.of("n", 3L)), "min", 2L));
        assertNull(o.error(), () -> o.error().getMessage());
        @SuppressWarnings("unchecked")
        Map<String, Object> r = (Map<String, Object>) o.response();
        assertEquals(List.of(Map.of("n", 10L, "at", 0L, "of", 3L), Map.of("n", 20L, "at", 1L, "of", 3L),
            Map.of("n", 30L, "at", 2L, "of", 3L)), r.get("map"));
        assertEquals(List.of(Map.of("n", 2L), Map.of("n", 3L)), r.get("filter"), "$input is there beside $this");
        assertEquals(true, r.get("some"));
        assertEquals(false, r.get("none"));
        assertEquals(true, r.get("every"));
        assertEquals(Map.of("n", 2L), r.get("find"));
        assertEquals(2L, r.get("index"));
        assertEquals(-1L, r.get("missing"));
        assertEquals(106L, r.get("sum"), "lambda_reduce takes the initial value first");
        assertEquals(6L, r.get("one"));
        assertEquals(List.of("0", List.of()), r.get("truthy"), "JavaScript's truthiness: \"0\" and [] are true");
    }

    @Test
    void aThrowingElementIsAnErrorWithTheLineOfTheFiltersCode() {
        Outcome o = run("""
                var $out { value = $input.items|lambda_map:"if ($this.n == 2) {\\n  throw new Error('no twos');\\n}\\nreturn 1;" }
            """, Map.of("items", List.of(Map.of("n", 1L), Map.of("n", 2L)), "min", 0L));
        assertFalse(o.ok());
        String message = o.error().getMessage();
        assertTrue(message.startsWith("filter 'lambda_map': "), message);
        assertTrue(message.contains("no twos"), message);
        assertTrue(message.contains("(line 2 of its code)"), message);
    }
}
