package xs.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Named data sources over HTTP: {@code X-Data-Source: test} sends a query's db.* statements to
 * the test data source (empty, same tables), invisible from live; db.set_datasource overrides
 * the header; a table trigger hears which data source was written and writes there itself, one
 * whose {@code datasources} leave it out stays silent; a
 * name that cannot be one is a 400; the console lists data sources and browses each.
 */
class DataSourcesTest {
    static final String API = "/api:ds";
    static final Map<String, String> FILES = Map.of(
        "api/ds/ds.xs", "api_group ds {\n}\n",
        "tables.xs", """
            table task {
              schema {
                int id
                text title
              }
              items = [{id: 1, title: "live seed"}]
            }
            ---
            table audit {
              schema {
                int id
                text title?
                text datasource?
              }
            }
            """,
        "triggers.xs", """
            table_trigger audit_tasks {
              table = "task"
              input {
                json new
                json old
                enum action {
                  values = ["insert", "update", "delete", "truncate"]
                }
                text datasource
              }
              stack {
                db.add audit {
                  data = {title: $input.new.title, datasource: $input.datasource}
                }
              }
              actions = {insert: true}
              datasources = ["live", "test"]
            }
            ---
            table_trigger live_only {
              table = "task"
              input {
                json new
                json old
                enum action {
                  values = ["insert", "update", "delete", "truncate"]
                }
                text datasource
              }
              stack {
                db.add audit {
                  data = {title: "live only", datasource: $input.datasource}
                }
              }
              actions = {insert: true}
              datasources = ["live"]
            }
            """,
        "api/ds/add_POST.xs", """
            query tasks verb=POST {
              api_group = "ds"
              input {
                text title
              }
              stack {
                db.add task {
                  data = {title: $input.title}
                } as $task
              }
              response = {id: $task.id, datasource: $env.$datasource}
            }
            """,
        "api/ds/list_GET.xs", """
            query tasks verb=GET {
              api_group = "ds"
              stack {
                db.query task {
                  sort = {id: "asc"}
                } as $tasks
                db.query audit {
                  sort = {id: "asc"}
                } as $audits
              }
              response = {tasks: $tasks|map:$$.title, audits: $audits, datasource: $env.$datasource}
            }
            """,
        "api/ds/live_GET.xs", """
            query live_count verb=GET {
              api_group = "ds"
              stack {
                db.set_datasource {
                  value = "live"
                }
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
        api = ApiServer.withTableTriggers(ApiServer.write(dir, FILES), 4096);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private ApiServer.Reply send(String method, String path, String body, String... headers) throws Exception {
        return body == null ? api.send(method, path, null, null, headers) : api.json(method, path, body, headers);
    }

    private JsonNode ok(ApiServer.Reply r) {
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void writesThroughXDataSourceTestAreInvisibleInLive() throws Exception {
        JsonNode added = ok(send("POST", API + "/tasks", "{\"title\": \"only in test\"}", "X-Data-Source", "test"));
        assertEquals(1, added.path("id").asInt(), "a new data source has none of live's rows: ids start at 1");
        assertEquals("test", added.path("datasource").asText());

        JsonNode live = ok(send("GET", API + "/tasks", null));
        assertEquals(List.of("live seed"), texts(live.path("tasks")), "live keeps its items and sees nothing of test");
        assertEquals(0, live.path("audits").size(), live.toString());
        assertEquals("live", live.path("datasource").asText());

        JsonNode test = ok(send("GET", API + "/tasks", null, "X-Data-Source", "test"));
        assertEquals(List.of("only in test"), texts(test.path("tasks")), "test has the tables, not live's items");
        assertEquals(1, test.path("audits").size(), "the live-only trigger stays silent: " + test);
        assertEquals("test", test.path("audits").path(0).path("datasource").asText(),
            "the trigger was told the data source written to");
        assertEquals("only in test", test.path("audits").path(0).path("title").asText(),
            "and its own write went to that data source");

        ok(send("POST", API + "/tasks", "{\"title\": \"in live\"}"));
        JsonNode liveAgain = ok(send("GET", API + "/tasks", null));
        assertEquals(List.of("live seed", "in live"), texts(liveAgain.path("tasks")));
        assertEquals(2, liveAgain.path("audits").size(), "both triggers hear live: " + liveAgain);
        assertEquals("live", liveAgain.path("audits").path(0).path("datasource").asText());
    }

    @Test
    void setDatasourceInTheQueryOverridesTheHeader() throws Exception {
        ok(send("POST", API + "/tasks", "{\"title\": \"t\"}", "X-Data-Source", "test"));
        JsonNode r = ok(send("GET", API + "/live_count", null, "X-Data-Source", "test"));
        assertEquals(1, r.path("count").asInt(), "live's one seeded row, not test's");
        assertEquals("live", r.path("datasource").asText());
    }

    @Test
    void aHeaderThatCannotNameADataSourceIsABadRequest() throws Exception {
        ApiServer.Reply r = send("GET", API + "/tasks", null, "X-Data-Source", "../live");
        assertEquals(400, r.status(), r.body());
        assertTrue(r.body().contains("X-Data-Source: the data source name \\\"../live\\\" is not usable"), r.body());
    }

    @Test
    void theConsoleListsDataSourcesAndBrowsesEach() throws Exception {
        assertEquals("{\"datasources\":[\"live\"]}", send("GET", "/console/api/datasources", null).body());
        ok(send("POST", API + "/tasks", "{\"title\": \"only in test\"}", "X-Data-Source", "test"));
        assertEquals("{\"datasources\":[\"live\",\"test\"]}", send("GET", "/console/api/datasources", null).body());

        JsonNode live = ok(send("GET", "/console/api/tables/task", null));
        assertEquals("live seed", live.path("items").path(0).path("title").asText());
        JsonNode test = ok(send("GET", "/console/api/tables/task?datasource=test", null));
        assertEquals(1, test.path("items_total").asInt());
        assertEquals("only in test", test.path("items").path(0).path("title").asText());
        JsonNode tables = ok(send("GET", "/console/api/tables?datasource=test", null));
        assertEquals(1, tables.path("tables").path(0).path("rows").asInt(), tables.toString());

        ApiServer.Reply unknown = send("GET", "/console/api/tables?datasource=staging", null);
        assertEquals(404, unknown.status(), "the console never opens a data source");
        assertTrue(unknown.body().contains("no data source named \\\"staging\\\" (there are: live, test)"), unknown.body());
        assertEquals(400, send("GET", "/console/api/tables?datasource=a%20b", null).status());
    }
}
