package xs.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * table_trigger on a real server ({@code tests/workspace/triggers}, functions called over HTTP):
 * all four actions with new/old/action/datasource, firing before the writing statement returns,
 * after commit inside a transaction and not at all for a rolled-back one, a failing trigger that
 * leaves the write in place and is reported in the log and the console, a trigger of another data
 * source that stays silent, a trigger's debug.log lines in the server's log, and a trigger writing
 * to its own table stopped by the depth bound.
 */
class TableTriggersTest {
    private ApiServer api;

    @BeforeEach
    void start() {
        api = ApiServer.withTableTriggers(Path.of("tests/workspace/triggers"), 4096);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private JsonNode call(String function) throws Exception {
        ApiServer.Reply r = api.send("POST", "/function/" + function, null, "{}".getBytes(StandardCharsets.UTF_8));
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    private String log() {
        return api.logText();
    }

    @Test
    void allFourActionsFireWithNewOldActionAndDatasourceBeforeTheStatementReturns() throws Exception {
        JsonNode r = call("write_each");
        assertEquals(1, r.path("after_add").asInt(), "the insert's trigger ran before db.add returned");
        JsonNode audit = r.path("audit");
        List<String> actions = new ArrayList<>();
        audit.forEach(a -> actions.add(a.path("action").asText()));
        assertEquals(List.of("insert", "update", "delete", "insert", "truncate"), actions, audit.toString());

        JsonNode insert = audit.path(0);
        assertEquals("first", insert.path("new").path("name").asText());
        assertEquals(0, insert.path("old").size(), "old is empty on insert");
        assertEquals("live", insert.path("datasource").asText());
        JsonNode update = audit.path(1);
        assertEquals("renamed", update.path("new").path("name").asText());
        assertEquals(2, update.path("new").path("version").asInt());
        assertEquals("first", update.path("old").path("name").asText());
        JsonNode delete = audit.path(2);
        assertEquals(0, delete.path("new").size(), "new is empty on delete");
        assertEquals("renamed", delete.path("old").path("name").asText());
        JsonNode truncate = audit.path(4);
        assertEquals(0, truncate.path("new").size());
        assertEquals(0, truncate.path("old").size());

        assertTrue(log().contains("table_trigger refuse_deletes on delete of item failed: deleting items is refused "
            + "by this trigger (tests/workspace/triggers/triggers.xs:"), log());
        assertTrue(log().contains("(the write stays)"), log());
        assertTrue(log().contains("table_trigger audit_items on update of item: log: audited update"),
            "a trigger's debug.log lines are in the server's log: " + log());
        assertTrue(!log().contains("another data source"), "a trigger of datasource test stays silent on live");

        JsonNode program = api.get("/console/api/program").json();
        JsonNode refuse = null;
        for (JsonNode t : program.path("table_triggers")) {
            if (t.path("name").asText().equals("refuse_deletes")) {
                refuse = t;
            }
        }
        assertTrue(refuse != null, program.toString());
        assertEquals(1, refuse.path("runs").asInt());
        assertEquals(1, refuse.path("failures").asInt());
        assertTrue(refuse.path("last_error").asText().contains("deleting items is refused"), refuse.toString());
        assertEquals("[\"delete\"]", refuse.path("actions").toString());
    }

    @Test
    void insideATransactionTriggersFireAfterCommitAndNotForARollback() throws Exception {
        JsonNode r = call("in_transaction");
        assertEquals(0, r.path("inside").asInt(), "nothing fires before the commit");
        assertEquals(1, r.path("after").asInt(), "the trigger fired once the transaction committed");

        JsonNode back = call("rolled_back");
        assertEquals(1, back.path("audits").asInt(), "a rolled-back insert fires nothing");
        assertEquals(1, back.path("items").asInt());
    }

    @Test
    void aTriggerWritingItsOwnTableStopsAtTheDepthBound() throws Exception {
        JsonNode n = call("count_up");
        assertEquals(TableTriggers.MAX_DEPTH, n.asInt(), "each nested run added one until the bound");
        assertTrue(log().contains("table_trigger bump_counter on update of counter failed: not run: triggers are nested "
            + "more than " + TableTriggers.MAX_DEPTH + " deep"), log());
    }

    @Test
    void triggersAndTheWriterShareTheRowWithoutSeeingEachOthersChanges() throws Exception {
        JsonNode r = call("shared_row");
        JsonNode seen = r.path("seen");
        assertEquals(2, seen.size(), seen.toString());
        assertEquals("changer", seen.path(0).path("by").asText());
        assertEquals("changed by a trigger", seen.path(0).path("row").path("title").asText());
        assertEquals("[\"a\",\"pushed\"]", seen.path(0).path("row").path("tags").toString());
        assertEquals("reader", seen.path(1).path("by").asText());
        assertEquals("original", seen.path(1).path("row").path("title").asText(), "the next trigger got the row as written");
        assertEquals("[\"a\"]", seen.path(1).path("row").path("tags").toString());
        assertEquals("original", r.path("note").path("title").asText(), "the writer got the row as written");
        assertEquals("[\"a\",\"by the writer\"]", r.path("note").path("tags").toString());
    }
}
