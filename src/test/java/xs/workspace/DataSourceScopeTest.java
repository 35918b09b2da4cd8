package xs.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How far a data source reaches within one request: a pre-middleware's db.set_datasource holds
 * for the query (or function) it wraps and the post-middleware after it, as Xano's
 * "all subsequent db operations in the same request"; a util.post_process stack writes where its
 * statement was; {@code POST /function/NAME} honours {@code X-Data-Source} as a query does, a bad
 * name a 400 with Xano's body.
 */
class DataSourceScopeTest {
    static final String MIDDLEWARE_INPUT = "  input {\n    json vars\n    enum type {\n      values = [\"pre\", \"post\"]\n"
        + "    }\n  }\n";
    static final Map<String, String> FILES = Map.of(
        "branch.xs", "branch v1 {\n  middleware = {query: {pre: [\"pick_source\"], post: [\"tag_source\"]}, "
            + "function: {pre: [\"pick_source\"], post: [\"tag_source\"]}}\n}\n",
        "tables.xs", """
            table task {
              schema {
                int id
                text title
              }
              items = [{id: 1, title: "live seed"}, {id: 2, title: "live seed 2"}]
            }
            """,
        // Switches the request to the data source its input names, if any; changes nothing else.
        "middleware/pick_source.xs", "middleware pick_source {\n" + MIDDLEWARE_INPUT + """
              stack {
                conditional {
                  if ($input.vars.source != null) {
                    db.set_datasource {
                      value = $input.vars.source
                    }
                  }
                }
              }
              response = {}
            }
            """,
        // What the post-middleware sees: the data source and its rows.
        "middleware/tag_source.xs", "middleware tag_source {\n" + MIDDLEWARE_INPUT + """
              stack {
                db.query task {
                  return = {type: "count"}
                } as $count
              }
              response = {post_datasource: $env.$datasource, post_count: $count}
            }
            """,
        "api/s/s.xs", "api_group s {\n}\n",
        "api/s/add_POST.xs", """
            query tasks verb=POST {
              api_group = "s"
              input {
                text title
                text source?
              }
              stack {
                db.add task {
                  data = {title: $input.title}
                } as $task
                db.query task {
                  return = {type: "count"}
                } as $count
              }
              response = {id: $task.id, count: $count, datasource: $env.$datasource}
            }
            """,
        "api/s/later_POST.xs", """
            query later verb=POST {
              api_group = "s"
              input {
              }
              stack {
                db.set_datasource {
                  value = "test"
                }
                util.post_process {
                  stack {
                    db.add task {
                      data = {title: "written after the answer"}
                    }
                  }
                }
                db.set_datasource {
                  value = "other"
                }
              }
              response = "queued"
            }
            """,
        "function/census.xs", """
            function census {
              input {
                text source?
              }
              stack {
                db.query task {
                  return = {type: "count"}
                } as $count
              }
              response = {count: $count, datasource: $env.$datasource}
            }
            """);

    @TempDir
    Path dir;
    private ApiServer api;

    @BeforeEach
    void start() throws Exception {
        api = new ApiServer(ApiServer.write(dir, FILES));
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private JsonNode ok(ApiServer.Reply r) {
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    @Test
    void aPreMiddlewaresSwitchHoldsForTheQueryAndThePostMiddleware() throws Exception {
        JsonNode added = ok(api.json("POST", "/api:s/tasks", "{\"title\": \"t\", \"source\": \"test\"}"));
        assertEquals("test", added.path("datasource").asText(), added.toString());
        assertEquals(1, added.path("id").asInt(), "written to the new test data source: " + added);
        assertEquals(1, added.path("count").asInt(), added.toString());
        assertEquals("test", added.path("post_datasource").asText(), added.toString());
        assertEquals(1, added.path("post_count").asInt(), "the post-middleware reads test too: " + added);

        JsonNode live = ok(api.json("POST", "/api:s/tasks", "{\"title\": \"l\"}"));
        assertEquals("live", live.path("datasource").asText(), "the next request starts in live again: " + live);
        assertEquals(3, live.path("count").asInt(), "live has its two items and this row, not test's: " + live);
        assertEquals(3, live.path("post_count").asInt(), live.toString());
    }

    @Test
    void aMiddlewaresSwitchOverridesTheHeader() throws Exception {
        JsonNode r = ok(api.json("POST", "/api:s/tasks", "{\"title\": \"t\", \"source\": \"live\"}",
            "X-Data-Source", "test"));
        assertEquals("live", r.path("datasource").asText(), r.toString());
        assertEquals(3, r.path("count").asInt(), r.toString());
        JsonNode header = ok(api.json("POST", "/api:s/tasks", "{\"title\": \"t\"}", "X-Data-Source", "test"));
        assertEquals("test", header.path("datasource").asText(), "without a switch the header holds: " + header);
        assertEquals("test", header.path("post_datasource").asText(), header.toString());
    }

    @Test
    void aFunctionCalledOverHttpRunsInTheHeadersDataSource() throws Exception {
        JsonNode live = ok(api.json("POST", "/function/census", "{}"));
        assertEquals("live", live.path("datasource").asText(), live.toString());
        assertEquals(2, live.path("count").asInt(), live.toString());

        JsonNode test = ok(api.json("POST", "/function/census", "{}", "X-Data-Source", "test"));
        assertEquals("test", test.path("datasource").asText(), test.toString());
        assertEquals(0, test.path("count").asInt(), "test has the table and none of live's rows: " + test);
        assertEquals("test", test.path("post_datasource").asText(), test.toString());

        JsonNode switched = ok(api.json("POST", "/function/census", "{\"source\": \"staging\"}", "X-Data-Source", "test"));
        assertEquals("staging", switched.path("datasource").asText(), "the function middleware's switch wins: " + switched);
        assertEquals("staging", switched.path("post_datasource").asText(), switched.toString());
    }

    @Test
    void aPostProcessStackWritesToTheDataSourceOfItsStatement() throws Exception {
        ok(api.json("POST", "/api:s/later", "{}"));
        // It runs after the answer: wait for its row (the stack was switched on to "other" after it).
        long deadline = System.nanoTime() + 30_000_000_000L;
        JsonNode test = ok(api.json("POST", "/function/census", "{}", "X-Data-Source", "test"));
        while (test.path("count").asInt() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
            test = ok(api.json("POST", "/function/census", "{}", "X-Data-Source", "test"));
        }
        assertEquals(1, test.path("count").asInt(), "the post-process row is in test: " + test);
        assertEquals(2, ok(api.json("POST", "/function/census", "{}")).path("count").asInt(), "and not in live");
        assertEquals(0, ok(api.json("POST", "/function/census", "{}", "X-Data-Source", "other")).path("count").asInt());
    }

    @Test
    void aFunctionCallWithAHeaderThatCannotNameADataSourceIsABadRequest() throws Exception {
        ApiServer.Reply r = api.json("POST", "/function/census", "{}", "X-Data-Source", "../live");
        assertEquals(400, r.status(), r.body());
        assertEquals("ERROR_CODE_BAD_REQUEST", r.json().path("code").asText(), r.body());
        assertEquals("X-Data-Source: the data source name \"../live\" is not usable: use up to 40 letters, digits,"
            + " _ or -, starting with a letter or digit", r.json().path("message").asText());
    }
}
