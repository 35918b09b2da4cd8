package xs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code api.call} in workflow tests ({@code tests/workspace/workflow_api}): sign up, log in and an
 * auth query through the workspace's API on each test's fresh database, failures at the line of
 * the api.call in the text and in {@code --junit-xml}, {@code --user} for {@code $auth} and for
 * api.call without a header, {@code workflow_test.call}, and the time expectations.
 */
class WorkflowApiTest {
    private static final Path APP = Path.of("tests/workspace/workflow_api");

    @Test
    void workflowTestsCallTheApiAndFailAtTheLineOfTheCall(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("junit.xml");
        Cli.Result r = Cli.run("test", APP.toString(), "--junit-xml", report.toString());
        assertEquals(1, r.code(), r.out() + r.err());
        String[] lines = r.out().strip().split("\n");
        assertEquals("3 passed, 3 failed", lines[lines.length - 1], r.out() + r.err());
        String file = APP.resolve("workflows.xs").toString();
        assertTrue(r.out().contains(file + ":99:5: workflow_test \"login with a wrong password\" failed: "
            + "Invalid credentials."), r.out());
        assertTrue(r.out().contains(file + ":75:5: workflow_test \"me as the run's user\" failed: expected 1, got null"),
            "without --user the workflow test runs anonymously: " + r.out());
        assertTrue(r.out().contains(file + ":109:5: workflow_test \"a time that is not past\" failed: expected a "
            + "timestamp in the past, got "), r.out());
        String xml = Files.readString(report);
        assertTrue(xml.contains("<testcase classname=\"workflow_test &quot;sign up, log in and read me&quot;\" "
            + "name=\"sign up, log in and read me\" file=\"" + file + "\" line=\"1\""), xml);
        assertTrue(xml.contains("<failure message=\"Invalid credentials.\">" + file + ":99:5: Invalid credentials."
            + "</failure>"), xml);
    }

    @Test
    void theRunsUserIsAuthAndCallsAuthQueriesThatSendNoHeader() {
        Cli.Result r = Cli.run("test", APP.toString(), "--user", "1", "--extras", "{\"plan\":\"pro\"}", "--filter",
            "as-user");
        assertEquals(0, r.code(), r.out() + r.err());
        assertEquals("1 passed, 0 failed", r.out().strip());
    }

    @Test
    void anonymousRunsSendOnlyTheHeadersTheScriptSets() {
        Cli.Result r = Cli.run("test", APP.toString(), "--filter", "auth");
        assertEquals(0, r.code(), r.out() + r.err());
        assertEquals("3 passed, 0 failed", r.out().strip());
    }

    @Test
    void xsRunRunsATaskInsideTheBranchsTaskMiddleware(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("app.xs"), """
            task nightly {
              stack {
                debug.log {
                  value = "the task ran"
                }
              }
              schedule = [{starts_on: 2026-01-01 02:00:00+0000, freq: 86400}]
            }
            ---
            branch v1 {
              middleware = {task: {post: ["report"]}}
            }
            ---
            middleware report {
              input {
                json vars
                enum type {
                  values = ["pre", "post"]
                }
              }
              stack {
              }
              response = "through the task middleware (" ~ $input.type ~ ")"
              response_strategy = "replace"
            }
            """);
        Cli.Result r = Cli.run("run", dir.toString(), "--task", "nightly");
        assertEquals(0, r.code(), r.out() + r.err());
        assertEquals("\"through the task middleware (post)\"", r.out().strip());
        assertTrue(r.err().contains("log: the task ran"), r.err());
    }
}
