package xs.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import xs.realtime.Tokens;

/** The sample workspace (samples/bookshelf, laid out as an export) served over HTTP: routes, auth, inputs, errors. */
class BookshelfApiTest {
    static final String API = "/api:bk7Qx2Lp";
    static ApiServer api;

    @BeforeAll
    static void start() {
        api = new ApiServer(Path.of("samples/bookshelf"), 4096);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    static void assertError(ApiServer.Reply r, int status, String code, String message) {
        assertEquals(status, r.status(), r.body());
        JsonNode body = r.json();
        assertEquals(code, body.get("code").asText(), r.body());
        if (message != null) {
            assertEquals(message, body.get("message").asText(), r.body());
        }
        assertTrue(body.has("payload"), r.body());
        assertFalse(r.body().contains("\tat "), "no stack trace: " + r.body());
    }

    @Test
    void aQueryAnswersAtItsUrlWithQueryStringInputsCoerced() throws Exception {
        ApiServer.Reply r = api.get(API + "/books?page=2&per_page=1");
        assertEquals(200, r.status(), r.body());
        assertEquals("application/json; charset=utf-8", r.header("Content-Type"));
        assertEquals("Middlemarch", r.json().get("items").get(0).get("title").asText());
        assertEquals(2, r.json().get("curPage").asInt());
        assertEquals("*", r.header("Access-Control-Allow-Origin"));
    }

    @Test
    void theBranchMayBeNamedInTheUrl() throws Exception {
        assertEquals(200, api.get(API + ":v1/books").status());
    }

    @Test
    void aPathParameterBindsItsInput() throws Exception {
        ApiServer.Reply r = api.get(API + "/books/4");
        assertEquals(200, r.status(), r.body());
        assertEquals("Dracula", r.json().get("book").get("title").asText());
        assertError(api.get(API + "/books/44"), 404, "ERROR_CODE_NOT_FOUND", "No such book.");
    }

    @Test
    void anUnknownPathVerbOrCanonicalIsXanosNotFound() throws Exception {
        String expected = "{\"code\":\"ERROR_CODE_NOT_FOUND\",\"message\":\"Unable to locate request.\",\"payload\":\"\"}";
        assertEquals(expected, api.get(API + "/shelves").body());
        assertEquals(404, api.get(API + "/shelves").status());
        assertEquals(expected, api.json("DELETE", API + "/books/1", "{}").body());
        assertEquals(expected, api.get("/api:nope/books").body());
        assertEquals(expected, api.send("PURGE", API + "/books", null, null).body());
    }

    @Test
    void headAnswersAGetsHeadersWithoutABody() throws Exception {
        ApiServer.Reply r = api.send("HEAD", API + "/books", null, null);
        assertEquals(200, r.status());
        assertEquals("", r.body());
        assertTrue(Integer.parseInt(r.header("Content-Length")) > 10);
    }

    @Test
    void corsPreflightAllowsTheVerbsAndTheHeadersAsked() throws Exception {
        ApiServer.Reply r = api.send("OPTIONS", API + "/books/1/reviews", null, null,
            "Origin", "http://localhost:5173", "Access-Control-Request-Method", "PATCH",
            "Access-Control-Request-Headers", "authorization,content-type,x-data-source");
        assertEquals(204, r.status());
        assertEquals("*", r.header("Access-Control-Allow-Origin"));
        assertTrue(r.header("Access-Control-Allow-Methods").contains("PATCH"));
        assertTrue(r.header("Access-Control-Allow-Headers").contains("X-Data-Source"), r.header("Access-Control-Allow-Headers"));
    }

    @Test
    void signUpLogInAndCallAnAuthQuery() throws Exception {
        ApiServer.Reply signup = api.json("POST", API + "/auth/signup",
            "{\"name\": \"Ada\", \"email\": \" ADA@Example.org \", \"password\": \"correct horse\"}");
        assertEquals(200, signup.status(), signup.body());
        ApiServer.Reply login = api.json("POST", API + "/auth/login",
            "{\"email\": \"ada@example.org\", \"password\": \"correct horse\"}");
        assertEquals(200, login.status(), login.body());
        String token = login.json().get("authToken").asText();
        Tokens.Verified v = api.tokens.verify(token);
        assertEquals("customer", v.identity().table());
        ApiServer.Reply me = api.get(API + "/auth/me", "Authorization", "Bearer " + token);
        assertEquals(200, me.status(), me.body());
        assertEquals("ada@example.org", me.json().get("email").asText());
        assertError(api.json("POST", API + "/auth/login", "{\"email\": \"ada@example.org\", \"password\": \"nope\"}"),
            403, "ERROR_CODE_ACCESS_DENIED", "Invalid Credentials.");
        // The password column holds a bcrypt hash, never the text.
        Object stored = api.db.get("customer", "email", "ada@example.org").get("password");
        assertTrue(String.valueOf(stored).startsWith("$2"), String.valueOf(stored));
    }

    @Test
    void authQueriesRefuseMissingGarbageExpiredAndOtherTablesTokens() throws Exception {
        String path = API + "/auth/me";
        assertError(api.get(path), 401, "ERROR_CODE_UNAUTHORIZED", null);
        assertError(api.get(path, "Authorization", "Bearer garbage"), 401, "ERROR_CODE_UNAUTHORIZED", null);
        assertError(api.get(path, "Authorization", "Bearer " + api.tokens.mint("1", Map.of(), -60, "customer")),
            401, "ERROR_CODE_UNAUTHORIZED", null);
        assertError(api.get(path, "Authorization", "Bearer " + new Tokens("another-secret").mint("1", Map.of(), 60,
            "customer")), 401, "ERROR_CODE_UNAUTHORIZED", null);
        ApiServer.Reply otherTable = api.get(path, "Authorization", "Bearer " + api.token("admin", 1));
        assertError(otherTable, 401, "ERROR_CODE_UNAUTHORIZED", null);
        assertTrue(otherTable.json().get("message").asText().contains("customer"), otherTable.body());
        // The table is compared without case: exports write user, users, USER.
        assertNotEquals(401, api.get(path, "Authorization", "Bearer " + api.token("CUSTOMER", 1)).status());
    }

    @Test
    void anInputErrorIsXanosBodyWithTheParamInThePayload() throws Exception {
        String token = api.token("customer", 1);
        ApiServer.Reply r = api.json("POST", API + "/books/1/reviews", "{\"stars\": 9, \"body\": \"fine\"}",
            "Authorization", "Bearer " + token);
        assertError(r, 400, "ERROR_CODE_INPUT_ERROR", null);
        assertEquals("stars", r.json().get("payload").get("param").asText());
        ApiServer.Reply missing = api.json("POST", API + "/books/1/reviews", "{\"body\": \"fine\"}",
            "Authorization", "Bearer " + token);
        assertEquals("stars", missing.json().get("payload").get("param").asText(), missing.body());
        ApiServer.Reply pathInput = api.get(API + "/books/abc");
        assertError(pathInput, 400, "ERROR_CODE_INPUT_ERROR", null);
        assertEquals("book_id", pathInput.json().get("payload").get("param").asText());
    }

    @Test
    void thePathWinsOverTheBodyAndTheBodyOverTheQueryString() throws Exception {
        String token = api.token("customer", 1);
        ApiServer.Reply r = api.json("POST", API + "/books/2/reviews?stars=1&body=from+query",
            "{\"book_id\": 3, \"stars\": 4}", "Authorization", "Bearer " + token);
        assertEquals(200, r.status(), r.body());
        assertEquals(2, r.json().get("book_id").asInt());
        assertEquals(4, r.json().get("stars").asInt());
        assertEquals("from query", r.json().get("body").asText());
    }

    @Test
    void badRequestsGetAnErrorBodyAndTheServerCarriesOn() throws Exception {
        String auth = "Bearer " + api.token("customer", 1);
        String path = API + "/books/1/reviews";
        assertError(api.json("POST", path, "{\"stars\": 5,", "Authorization", auth), 400, "ERROR_CODE_BAD_REQUEST", null);
        assertError(api.json("POST", path, "[1, 2]", "Authorization", auth), 400, "ERROR_CODE_BAD_REQUEST", null);
        assertError(api.send("POST", path, "text/csv", "a,b".getBytes(StandardCharsets.UTF_8), "Authorization", auth),
            415, "ERROR_CODE_BAD_REQUEST", null);
        assertError(api.json("POST", path, "{\"body\": \"" + "x".repeat(5000) + "\"}", "Authorization", auth),
            413, "ERROR_CODE_BAD_REQUEST", null);
        for (String target : new String[] {API + "/books/%zz", API + "/books?page=%zz"}) {
            String[] reply = api.raw("GET", target);
            assertEquals("HTTP/1.1 400 Bad Request", reply[0], target);
            assertTrue(reply[1].startsWith("{\"code\":\"ERROR_CODE_BAD_REQUEST\""), reply[1]);
        }
        // An encoded slash stays inside its segment: a value, not a separator.
        ApiServer.Reply slash = api.get(API + "/books/1%2F2");
        assertError(slash, 400, "ERROR_CODE_INPUT_ERROR", null);
        assertTrue(slash.json().get("message").asText().contains("1/2"), slash.body());
        assertEquals(200, api.get(API + "/books").status());
    }

    @Test
    void aCurlStyleFormLabelledJsonBodyIsReadAsJson() throws Exception {
        ApiServer.Reply r = api.send("POST", API + "/auth/login", "application/x-www-form-urlencoded",
            "{\"email\": \"nobody@example.org\", \"password\": \"x\"}".getBytes(StandardCharsets.UTF_8));
        assertError(r, 403, "ERROR_CODE_ACCESS_DENIED", "Invalid Credentials.");
    }

    @Test
    void apispecIsAnOpenApiDocumentOfTheGroup() throws Exception {
        ApiServer.Reply r = api.get("/apispec:bk7Qx2Lp?type=json");
        assertEquals(200, r.status(), r.body());
        JsonNode doc = r.json();
        assertEquals("3.0.3", doc.get("openapi").asText());
        assertEquals(api.base() + API, doc.get("servers").get(0).get("url").asText());
        JsonNode review = doc.get("paths").get("/books/{book_id}/reviews").get("post");
        assertEquals("book_id", review.get("parameters").get(0).get("name").asText());
        assertEquals("path", review.get("parameters").get(0).get("in").asText());
        assertEquals("integer", review.get("parameters").get(0).get("schema").get("type").asText());
        JsonNode body = review.get("requestBody").get("content").get("application/json").get("schema");
        assertEquals("[\"stars\",\"body\"]", body.get("required").toString());
        assertEquals("bearerAuth", review.get("security").get(0).fieldNames().next());
        JsonNode list = doc.get("paths").get("/books").get("get");
        assertEquals("query", list.get("parameters").get(1).get("in").asText());
        assertEquals(1, list.get("parameters").get(1).get("schema").get("default").asInt());
        assertFalse(list.has("security"));
        assertEquals("http", doc.get("components").get("securitySchemes").get("bearerAuth").get("type").asText());
        assertError(api.get("/apispec:nope?type=json"), 404, "ERROR_CODE_NOT_FOUND", "Unable to locate request.");
    }
}
