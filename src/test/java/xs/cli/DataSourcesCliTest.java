package xs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code xs test} with a test's {@code datasource}: the call runs in that data source, empty but for
 * live's tables; a task middleware's db.set_datasource holds for the task and the post-middleware.
 */
class DataSourcesCliTest {
    @TempDir
    Path dir;

    static final String SUITE = """
        table item {
          schema {
            int id
            text name
          }
          items = [{id: 1, name: "apple"}]
        }
        ---
        function census {
          input {
          }
          stack {
            db.add item {
              data = {name: "pear"}
            } as $added
            db.query item {
              return = {type: "count"}
            } as $count
          }
          response = {count: $count, id: $added.id, datasource: $env.$datasource}

          test "live has the items" {
            expect.to_equal ($response.count) { value = 2 }
            expect.to_equal ($response.datasource) { value = "live" }
          }
          test "a test data source starts empty" {
            datasource = "test"
            expect.to_equal ($response.count) { value = 1 }
            expect.to_equal ($response.id) { value = 1 }
            expect.to_equal ($response.datasource) { value = "test" }
          }
          test "a name that cannot be a data source fails" {
            datasource = "no such/thing"
            expect.to_throw
          }
        }
        """;

    @Test
    void aTestsDatasourceIsWhereItsCallRuns() throws Exception {
        Path f = dir.resolve("suite.xs");
        Files.writeString(f, SUITE);
        Cli.Result r = Cli.run("test", f.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        String[] lines = r.out().strip().split("\n");
        assertEquals("3 passed, 0 failed", lines[lines.length - 1], r.out());
    }

    @Test
    void aTaskMiddlewaresSwitchHoldsForTheTaskAndThePostMiddleware() throws Exception {
        Files.writeString(dir.resolve("app.xs"), """
            table item {
              schema {
                int id
                text name
              }
              items = [{id: 1, name: "apple"}]
            }
            ---
            task nightly {
              stack {
                db.add item {
                  data = {name: "pear"}
                } as $added
              }
              schedule = [{starts_on: 2026-01-01 02:00:00+0000, freq: 86400}]
            }
            ---
            branch v1 {
              middleware = {task: {pre: ["to_test"], post: ["report"]}}
            }
            ---
            middleware to_test {
              input {
                json vars
                enum type {
                  values = ["pre", "post"]
                }
              }
              stack {
                db.set_datasource {
                  value = "test"
                }
              }
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
                db.query item {
                  return = {type: "count"}
                } as $count
              }
              response = $env.$datasource ~ " has " ~ $count
              response_strategy = "replace"
            }
            """);
        Cli.Result r = Cli.run("run", dir.toString(), "--task", "nightly");
        assertEquals(0, r.code(), r.out() + r.err());
        assertEquals("\"test has 1\"", r.out().strip(), "the pear went to test, which lacks live's apple");
    }
}
