package xs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Middleware a task, tool or function sets for itself around the calls a stack makes ({@code
 * tests/workspace/construct_middleware}, run by {@code xs test}), and {@code xs check}'s warning
 * for an attached name that no middleware block declares.
 */
class ConstructMiddlewareCliTest {
    private static final Path APP = Path.of("tests/workspace/construct_middleware");

    @Test
    void tasksToolsAndFunctionsAStackCallsRunTheirOwnMiddleware() {
        Cli.Result r = Cli.run("test", APP.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertEquals("1 passed, 0 failed", r.out().strip(), r.out() + r.err());
    }

    @Test
    void checkWarnsOfAMiddlewareNoBlockDeclares(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("order.xs"), """
            query order verb=POST {
              api_group = "shop"
              stack {
              }

              response = null
              middleware = {pre: [{name: "validate_turnstil"}, {name: ""}], post: [{name: "audit"}]}
            }
            ---
            api_group shop {
              middleware = {pre: ["gone"]}
            }
            ---
            branch v1 {
              middleware = {query: {pre: [], post: []}, task: {pre: ["missing"], post: []}}
            }
            ---
            middleware validate_turnstile {
              stack {
              }

              response = null
            }
            ---
            middleware audit {
              stack {
              }

              response = null
            }
            """);
        Cli.Result r = Cli.run("check", dir.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("order.xs:7:16: warning[XS0223]: no middleware block declares "
            + "\"validate_turnstil\", so this pre middleware is not run (did you mean 'validate_turnstile'?)"), r.out());
        assertTrue(r.out().contains("order.xs:11:16: warning[XS0223]: no middleware block declares \"gone\""), r.out());
        assertTrue(r.out().contains("order.xs:15:16: warning[XS0223]: no middleware block declares \"missing\""),
            r.out());
        assertFalse(r.out().contains("declares \"audit\""), r.out());
        assertTrue(r.out().contains("3 warnings"), r.out());
    }
}
