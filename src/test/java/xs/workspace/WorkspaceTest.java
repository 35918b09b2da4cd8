package xs.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xs.diag.Diagnostic;

/** Loading a workspace folder: both export layouts, multidoc files, groups, routes, collisions, branch.xs. */
class WorkspaceTest {
    @TempDir
    Path dir;

    static final String GROUP = "api_group shop {\n  canonical = \"Sh0pX1\"\n}\n";

    static String query(String path, String verb, String group) {
        return "query \"" + path + "\" verb=" + verb + " {\n  api_group = \"" + group + "\"\n  stack {\n  }\n"
            + "  response = \"" + verb + " " + path + "\"\n}\n";
    }

    @Test
    void theCliPullLayoutAndTheVsCodeLayoutLoadAlike() throws Exception {
        Path cli = ApiServer.write(dir.resolve("cli"), Map.of(
            "api/shop/shop.xs", GROUP,
            "api/shop/items/12_items_item_id_GET.xs", query("items/{item_id}", "GET", "shop"),
            "function/f.xs", "function f {\n  stack {\n  }\n  response = 1\n}\n"));
        Path vscode = ApiServer.write(dir.resolve("vscode"), Map.of(
            "apis/shop/api_group.xs", GROUP,
            "apis/shop/1144_items_item_id_GET.xs", query("items/{item_id}", "GET", "shop"),
            "functions/f.xs", "function f {\n  stack {\n  }\n  response = 1\n}\n"));
        for (Path root : List.of(cli, vscode)) {
            Workspace ws = Workspace.of(ApiServer.load(root));
            assertEquals(List.of("/api:Sh0pX1/items/{item_id}"), ws.routes().stream().map(Route::url).toList());
            RouteTable.Match m = ws.table().match("Sh0pX1", "GET", List.of("items", "7"));
            assertEquals(Map.of("item_id", "7"), m.parameters());
        }
    }

    @Test
    void blocksAreFoundByKeywordInMultidocFilesWhateverTheirName() throws Exception {
        ApiServer.write(dir, Map.of("misc/anything.xs", GROUP + "---\n" + query("a", "GET", "shop") + "---\n"
            + query("a", "POST", "shop") + "---\napi_group plain {\n}\n---\n" + query("b", "GET", "plain")));
        Workspace ws = Workspace.of(ApiServer.load(dir));
        assertEquals(List.of("/api:Sh0pX1/a", "/api:Sh0pX1/a", "/api:plain/b"),
            ws.routes().stream().map(Route::url).toList());
        assertEquals("POST", ws.table().match("Sh0pX1", "POST", List.of("a")).route().verb());
    }

    @Test
    void aGroupWithoutCanonicalIsServedByItsNameAndAnInactiveGroupNotAtAll() throws Exception {
        ApiServer.write(dir, Map.of("g.xs", "api_group \"my group\" {\n}\n---\napi_group off {\n  active = false\n}\n",
            "q.xs", query("x", "GET", "my group") + "---\n" + query("y", "GET", "off")));
        Workspace ws = Workspace.of(ApiServer.load(dir));
        assertEquals(1, ws.routes().size());
        assertTrue(ws.table().serves("my group"));
        assertNull(ws.table().match("off", "GET", List.of("y")));
    }

    @Test
    void aLiteralBesideAParameterIsNoCollisionAndTheLiteralWins() throws Exception {
        // Real exports have both (fees/search and fees/{id}, both GET): Xano saved them.
        ApiServer.write(dir, Map.of("g.xs", GROUP, "q.xs", query("items/{id}", "GET", "shop") + "---\n"
            + query("items/featured", "GET", "shop") + "---\n" + query("items/{id}/tags", "GET", "shop")));
        Workspace ws = Workspace.of(ApiServer.load(dir));
        assertTrue(ws.problems().isEmpty(), ws.problems().toString());
        assertEquals("items/featured", ws.table().match("Sh0pX1", "GET", List.of("items", "featured")).route().path());
        assertEquals("items/{id}", ws.table().match("Sh0pX1", "GET", List.of("items", "7")).route().path());
        assertEquals("items/{id}/tags", ws.table().match("Sh0pX1", "GET", List.of("items", "3", "tags")).route().path());
        assertNull(ws.table().match("Sh0pX1", "POST", List.of("items", "3")));
    }

    @Test
    void twoQueriesAnsweringOneUrlAndVerbAreAnErrorAtLoad() throws Exception {
        ApiServer.write(dir, Map.of("g.xs", GROUP, "q.xs", query("items/{id}", "GET", "shop") + "---\n"
            + query("items/{item_id}", "GET", "shop") + "---\n" + query("/items/{id}/", "GET", "other")));
        Workspace ws = Workspace.of(ApiServer.load(dir));
        List<Diagnostic> errors = ws.problems().stream().filter(Diagnostic::isError).toList();
        assertEquals(1, errors.size(), ws.problems().toString());
        assertTrue(errors.get(0).message().contains("\"items/{item_id}\" verb=GET collides with query \"items/{id}\""),
            errors.get(0).message());
        // The same path in another group is not a collision: each group has its own URLs.
        assertEquals(2, ws.routes().size());
    }

    @Test
    void theSameQueryTwiceIsAWarningAndTheFirstIsServed() throws Exception {
        // A repository that holds an export and a copy of it (a multidoc bundle, a backup folder).
        ApiServer.write(dir, Map.of("g.xs", GROUP, "a/q.xs", query("items", "GET", "shop"),
            "backup/q.xs", query("items", "GET", "shop")));
        Workspace ws = Workspace.of(ApiServer.load(dir));
        assertEquals(1, ws.problems().size());
        assertFalse(ws.problems().get(0).isError());
        assertTrue(ws.problems().get(0).message().contains("is a copy of"), ws.problems().toString());
        assertEquals(1, ws.routes().size());
    }

    @Test
    void aQueryWithoutApiGroupBelongsToTheGroupOfItsFolder() throws Exception {
        String bare = "query \"jobs\" verb=GET {\n  stack {\n  }\n  response = 1\n}\n";
        ApiServer.write(dir, Map.of("apis/v_2/api_group.xs", "api_group V2 {\n  canonical = \"NeOY\"\n}\n",
            "apis/v_2/195_jobs_GET.xs", bare, "apis/v_1/api_group.xs", "api_group V1 {\n  canonical = \"Ab1\"\n}\n",
            "apis/v_1/sub/jobs_GET.xs", bare, "loose/jobs_GET.xs", bare));
        Workspace ws = Workspace.of(ApiServer.load(dir));
        assertEquals(List.of("/api:Ab1/jobs", "/api:NeOY/jobs"), ws.routes().stream().map(Route::url).sorted().toList());
        assertTrue(ws.problems().get(0).message().contains("names no api_group"), ws.problems().toString());
    }

    @Test
    void branchXsNamesTheBranchAndItsMiddleware() throws Exception {
        ApiServer.write(dir, Map.of("branch.xs", "branch live {\n  middleware = {query: {pre: [\"a\"], post: "
                + "[{name: \"b\"}]}, function: {pre: [\"missing\"]}}\n}\n",
            "middleware/a.xs", "middleware a {\n  stack {\n  }\n  response = {}\n  response_strategy = \"replace\"\n"
                + "  exception_policy = \"silent\"\n}\n",
            "middleware/b.xs", "middleware b {\n  stack {\n  }\n  response = {}\n}\n",
            "workspace.xs", "workspace demo {\n}\n"));
        Workspace ws = Workspace.of(ApiServer.load(dir));
        assertEquals("live", ws.branch());
        Middleware a = ws.chain("query").pre().get(0);
        assertEquals(Middleware.Strategy.REPLACE, a.strategy());
        assertEquals(Middleware.Policy.SILENT, a.policy());
        Middleware b = ws.chain("query").post().get(0);
        assertEquals(Middleware.Strategy.MERGE, b.strategy());
        assertEquals(Middleware.Policy.RETHROW, b.policy());
        assertTrue(ws.chain("function").isEmpty());
        assertTrue(ws.problems().isEmpty(), "xs check warns of the missing name: " + ws.problems());
    }
}
