package xs.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import xs.check.Checker;
import xs.diag.Code;
import xs.diag.Diagnostic;

/**
 * Middleware a query, an api group or a function sets for itself ({@code
 * tests/workspace/construct_middleware}), on a real server: the most specific replaces what it
 * would inherit (query, else its group, else the branch), entries with an empty name are skipped,
 * a name no block declares is a warning and is not run.
 */
class ConstructMiddlewareTest {
    static final Path APP = Path.of("tests/workspace/construct_middleware");
    static ApiServer api;

    @BeforeAll
    static void start() {
        api = new ApiServer(APP);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void aQueryInAGroupWithoutMiddlewareRunsTheBranchs() throws Exception {
        ApiServer.Reply r = api.get("/api:plain/inherit");
        assertEquals(200, r.status(), r.body());
        assertEquals(ApiServer.JSON.readTree("{\"trail\": \"branch>\"}"), r.json());
    }

    @Test
    void theGroupsMiddlewareReplacesTheBranchs() throws Exception {
        ApiServer.Reply r = api.get("/api:guarded/grouped?trail=sent%3E");
        assertEquals(200, r.status(), r.body());
        assertEquals(ApiServer.JSON.readTree("{\"trail\": \"sent>group>\", \"stamped\": true}"), r.json());
    }

    @Test
    void aQuerysOwnMiddlewareReplacesItsGroupsAndMergesIntoTheInput() throws Exception {
        ApiServer.Reply r = api.json("POST", "/api:guarded/own", "{\"key\": \"open\"}");
        assertEquals(200, r.status(), r.body());
        assertEquals(ApiServer.JSON.readTree("{\"trail\": \"own>\", \"key\": \"open\"}"), r.json());
    }

    @Test
    void aQuerysOwnPreMiddlewareRefuses() throws Exception {
        ApiServer.Reply r = api.json("POST", "/api:guarded/own", "{\"key\": \"shut\"}");
        assertEquals(403, r.status(), r.body());
        assertEquals("gate says no", r.json().get("message").asText());
    }

    @Test
    void aNameNoBlockDeclaresIsAWarningAndIsNotRun() throws Exception {
        ApiServer.Reply r = api.get("/api:plain/stale");
        assertEquals(200, r.status(), r.body());
        assertEquals(ApiServer.JSON.readTree("{\"trail\": \"own>\"}"), r.json());
        List<Diagnostic> warnings = new Checker(api.workspace.program()).check().stream()
            .filter(d -> d.code() == Code.XS0223).toList();
        assertEquals(1, warnings.size(), warnings.toString());
        assertEquals("no middleware block declares \"gone\", so this pre middleware is not run",
            warnings.get(0).message());
    }

    @Test
    void functionRunRunsAFunctionsOwnMiddleware() throws Exception {
        ApiServer.Reply r = api.get("/api:plain/relay");
        assertEquals(200, r.status(), r.body());
        assertEquals(ApiServer.JSON.readTree("{\"own\": {\"trail\": \"own>\", \"stamped\": true}, "
            + "\"plain\": {\"trail\": \"branch>\"}, \"unset\": {\"trail\": null}}"), r.json());
    }

    @Test
    void aFunctionCalledOverHttpRunsItsOwnMiddleware() throws Exception {
        ApiServer.Reply r = api.json("POST", "/function/own_fn", "{\"trail\": \"sent>\"}");
        assertEquals(200, r.status(), r.body());
        assertEquals(ApiServer.JSON.readTree("{\"trail\": \"sent>own>\", \"stamped\": true}"), r.json());
        assertEquals(ApiServer.JSON.readTree("{\"trail\": null}"), api.json("POST", "/function/unset_fn", "{}").json());
    }
}
