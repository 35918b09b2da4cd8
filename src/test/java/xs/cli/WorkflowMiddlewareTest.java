package xs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The branch's middleware around the functions, tasks and tools a stack calls, as around scheduled
 * runs and requests ({@code tests/workspace/workflow_middleware}): {@code task.call},
 * {@code tool.call}, {@code function.call} and {@code function.run} in workflow tests, each
 * middleware part in the test's run (its database), a failing pre middleware stopping the call,
 * and a middleware's own calls running without middleware.
 */
class WorkflowMiddlewareTest {
    private static final Path APP = Path.of("tests/workspace/workflow_middleware");

    @Test
    void callsFromAStackRunInsideTheBranchsMiddleware() {
        Cli.Result r = Cli.run("test", APP.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertEquals("4 passed, 0 failed", r.out().strip(), r.out() + r.err());
    }
}
