package xs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code xs test} on workflow_test blocks ({@code tests/workspace/workflow}): each on a fresh
 * database with items, calling functions, addons, tasks, triggers, middleware and tools, with
 * failures at file:line in the text and in {@code --junit-xml}.
 */
class WorkflowTestTest {
    private static final Path APP = Path.of("tests/workspace/workflow");

    @Test
    void runsWorkflowTestsAndReportsFailuresWithFileAndLine(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("junit.xml");
        Cli.Result r = Cli.run("test", APP.toString(), "--junit-xml", report.toString());
        assertEquals(1, r.code(), r.out() + r.err());
        String[] lines = r.out().strip().split("\n");
        assertEquals("2 passed, 2 failed", lines[lines.length - 1], r.out() + r.err());
        assertTrue(r.out().contains("workflows.xs:82:5: workflow_test \"fails on purpose\" failed: expected \"Duo\", got \"Solo\""),
            r.out());
        assertTrue(r.out().contains("workflows.xs:89:5: workflow_test \"calls what is not there\" failed: "
            + "function.call: no function named \"accounts/missing\""), r.out());
        String xml = Files.readString(report);
        assertTrue(xml.contains("name=\"account lifecycle\""), xml);
        assertTrue(xml.contains("<failure message=\"expected &quot;Duo&quot;, got &quot;Solo&quot;\">"), xml);
    }

    @Test
    void aFilterPicksByNameOrTag() {
        Cli.Result lifecycle = Cli.run("test", APP.toString(), "--filter", "e2e");
        assertEquals(0, lifecycle.code(), lifecycle.out() + lifecycle.err());
        assertEquals("1 passed, 0 failed", lifecycle.out().strip());
        Cli.Result fresh = Cli.run("test", APP.toString(), "--filter", "fresh database");
        assertEquals("1 passed, 0 failed", fresh.out().strip());
    }
}
