package xs.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Middleware from branch.xs around queries and functions (called over HTTP or by a query's
 * function.run): pre/post, merge/replace, the three exception policies.
 */
class MiddlewareTest {
    @TempDir
    static Path dir;
    static ApiServer api;

    static String failingIf(String name, String when, String extra) {
        return "middleware " + name + " {\n  input {\n    json vars\n    enum type {\n      values = [\"pre\", \"post\"]\n"
            + "    }\n  }\n  stack {\n    precondition ($input.vars.fail != \"" + when + "\") {\n"
            + "      error_type = \"accessdenied\"\n      error = \"" + name + " says no\"\n    }\n  }\n"
            + "  response = {" + name + ": true}\n" + extra + "}\n";
    }

    @BeforeAll
    static void start() throws Exception {
        api = new ApiServer(ApiServer.write(dir, Map.of(
            "branch.xs", "branch v1 {\n  middleware = {query: {pre: [\"guard\", \"quiet\", \"crit\"], post: [\"wrap\"]}, "
                + "function: {pre: [\"guard\"]}}\n}\n",
            "middleware/guard.xs", failingIf("guard", "rethrow", ""),
            "middleware/quiet.xs", failingIf("quiet", "silent", "  exception_policy = \"silent\"\n"),
            "middleware/crit.xs", failingIf("crit", "critical", "  exception_policy = \"critical\"\n"
                + "  response_strategy = \"merge\"\n"),
            "middleware/wrap.xs", "middleware wrap {\n  input {\n    json vars\n    text type\n  }\n  stack {\n  }\n"
                + "  response = {data: $input.vars, wrapped: $input.type}\n  response_strategy = \"replace\"\n}\n",
            "api/m/m.xs", "api_group m {\n}\n",
            "api/m/echo_GET.xs", "query echo verb=GET {\n  api_group = \"m\"\n  input {\n    text fail?\n    bool guard?\n"
                + "    bool quiet?\n    bool crit?\n  }\n  stack {\n  }\n  response = $input\n}\n",
            "api/m/relay_GET.xs", "query relay verb=GET {\n  api_group = \"m\"\n  input {\n    text inner?\n  }\n"
                + "  stack {\n    function.run echo_fn {\n      input = {fail: $input.inner}\n    } as $r\n  }\n"
                + "  response = $r\n}\n",
            "function/echo_fn.xs", "function echo_fn {\n  input {\n    text fail?\n    bool guard?\n  }\n  stack {\n  }\n"
                + "  response = $input\n}\n")));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void preMiddlewareMergesIntoTheInputAndPostReplacesTheResponse() throws Exception {
        ApiServer.Reply r = api.get("/api:m/echo");
        assertEquals(200, r.status(), r.body());
        assertEquals(ApiServer.JSON.readTree("{\"data\": {\"fail\": null, \"guard\": true, \"quiet\": true, "
            + "\"crit\": true}, \"wrapped\": \"post\"}"), r.json());
    }

    @Test
    void silentIgnoresTheError() throws Exception {
        ApiServer.Reply r = api.get("/api:m/echo?fail=silent");
        assertEquals(200, r.status(), r.body());
        assertEquals(ApiServer.JSON.readTree("{\"fail\": \"silent\", \"guard\": true, \"quiet\": null, \"crit\": true}"),
            r.json().get("data"));
    }

    @Test
    void rethrowIsTheDefaultAndAnswersTheMiddlewaresOwnError() throws Exception {
        ApiServer.Reply r = api.get("/api:m/echo?fail=rethrow");
        assertEquals(403, r.status(), r.body());
        assertEquals("guard says no", r.json().get("message").asText());
    }

    @Test
    void criticalStopsTheCallWithA500NamingTheMiddleware() throws Exception {
        ApiServer.Reply r = api.get("/api:m/echo?fail=critical");
        assertEquals(500, r.status(), r.body());
        assertEquals("ERROR_FATAL", r.json().get("code").asText());
        assertTrue(r.json().get("message").asText().contains("middleware \"crit\" failed: crit says no"), r.body());
    }

    @Test
    void functionsRunTheirOwnChain() throws Exception {
        assertEquals(ApiServer.JSON.readTree("{\"fail\": null, \"guard\": true}"),
            api.json("POST", "/function/echo_fn", "{}").json());
        assertEquals(403, api.json("POST", "/function/echo_fn", "{\"fail\": \"rethrow\"}").status());
    }

    @Test
    void aFunctionAQueryRunsGoesThroughTheFunctionChain() throws Exception {
        ApiServer.Reply ok = api.get("/api:m/relay");
        assertEquals(200, ok.status(), ok.body());
        assertEquals(ApiServer.JSON.readTree("{\"fail\": null, \"guard\": true}"), ok.json().get("data"));
        ApiServer.Reply refused = api.get("/api:m/relay?inner=rethrow");
        assertEquals(403, refused.status(), refused.body());
        assertEquals("guard says no", refused.json().get("message").asText());
    }
}
