package xs.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the console's API tab reads: api groups and queries with URLs, and act-as tokens for a query's auth table. */
class ConsoleApiTabTest {
    static ApiServer api;

    @BeforeAll
    static void start() {
        api = new ApiServer(Path.of("samples/bookshelf"));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void theProgramListsApiGroupsAndTheirQueries() throws Exception {
        JsonNode groups = api.get("/console/api/program").json().get("api_groups");
        assertEquals(1, groups.size());
        JsonNode g = groups.get(0);
        assertEquals("bookshelf", g.get("name").asText());
        assertEquals("/api:bk7Qx2Lp", g.get("base_url").asText());
        JsonNode review = null;
        for (JsonNode q : g.get("queries")) {
            if (q.get("path").asText().equals("books/{book_id}/reviews")) {
                review = q;
            }
        }
        assertEquals("POST", review.get("verb").asText());
        assertEquals("/api:bk7Qx2Lp/books/{book_id}/reviews", review.get("url").asText());
        assertEquals("customer", review.get("auth").asText());
        assertEquals("book_id", review.get("parameters").get(0).asText());
        assertEquals("stars", review.get("inputs").get(1).get("name").asText());
        assertEquals(6, g.get("queries").size());
    }

    @Test
    void actAsMintsATokenForTheQuerysAuthTable() throws Exception {
        ApiServer.Reply minted = api.json("POST", "/console/api/token", "{\"user\": 1, \"table\": \"customer\"}");
        assertEquals(200, minted.status(), minted.body());
        assertEquals("customer", minted.json().get("table").asText());
        assertEquals("customer", api.tokens.verify(minted.json().get("token").asText()).identity().table());
        ApiServer.Reply bad = api.json("POST", "/console/api/token", "{\"user\": 1, \"table\": 5}");
        assertEquals(400, bad.status());
        assertTrue(bad.json().get("message").asText().contains("table"), bad.body());
    }

    @Test
    void theApiTabIsServed() throws Exception {
        assertTrue(api.get("/").body().contains("/console/api-tab.js"));
        ApiServer.Reply js = api.get("/console/api-tab.js");
        assertEquals(200, js.status());
        assertTrue(js.body().contains("tokenFor"), "the API tab script");
    }
}
