package xs.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a middleware's {@code $input.vars} is, as Xano documents it: the input sent to the call
 * for a pre middleware, the response for a post middleware; the caller's auth is the middleware's
 * own {@code $auth}. The two pre shapes real exports use: a check that answers {@code $input.vars}
 * with {@code replace}, and one that merges {@code $input.vars|set:"token":...}.
 */
class MiddlewareVarsTest {
    @TempDir
    static Path dir;
    static ApiServer api;

    static final String INPUT = "  input {\n    json vars\n    enum type {\n      values = [\"pre\", \"post\"]\n"
        + "    }\n  }\n";

    @BeforeAll
    static void start() throws Exception {
        api = new ApiServer(ApiServer.write(dir, Map.ofEntries(
            Map.entry("tables.xs", "table user {\n  auth = true\n  schema {\n    int id\n    text name?\n  }\n}\n"),
            Map.entry("middleware/check_captcha.xs", "middleware check_captcha {\n" + INPUT + """
                  stack {
                    precondition ($input.vars.captcha == "ok") {
                      error_type = "accessdenied"
                      error = "captcha failed"
                    }
                  }
                  response = $input.vars
                  response_strategy = "replace"
                }
                """),
            Map.entry("middleware/attach_token.xs", "middleware attach_token {\n" + INPUT + """
                  stack {
                  }
                  response = $input.vars|set:"token":("user-" ~ $auth.id)
                  response_strategy = "merge"
                }
                """),
            Map.entry("middleware/note_reply.xs", "middleware note_reply {\n" + INPUT + """
                  stack {
                  }
                  response = {post_saw: $input.vars.token, post_type: $input.type}
                }
                """),
            Map.entry("middleware/shout.xs", "middleware shout {\n" + INPUT + """
                  stack {
                  }
                  response = $input.vars|set:"note":($input.vars.note|to_upper)|set:"token":("user-" ~ $auth.id)
                }
                """),
            Map.entry("middleware/summarize.xs", "middleware summarize {\n" + INPUT + """
                  stack {
                  }
                  response = {count: $input.vars|count, first: $input.vars|first}
                  response_strategy = "replace"
                }
                """),
            Map.entry("api/mw/list_GET.xs", """
                query list verb=GET {
                  api_group = "mw"
                  input {
                  }
                  stack {
                  }
                  response = ["a", "b", "c"]
                  middleware = {post: [{name: "summarize"}]}
                }
                """),
            Map.entry("api/mw/mw.xs", "api_group mw {\n}\n"),
            Map.entry("api/mw/submit_POST.xs", """
                query submit verb=POST {
                  api_group = "mw"
                  auth = "user"
                  input {
                    text captcha?
                    text note?
                    text token?
                  }
                  stack {
                  }
                  response = $input
                  middleware = {pre: [{name: "check_captcha"}, {name: "attach_token"}], post: [{name: "note_reply"}]}
                }
                """),
            Map.entry("api/mw/relay_POST.xs", """
                query relay verb=POST {
                  api_group = "mw"
                  auth = "user"
                  input {
                    text note?
                  }
                  stack {
                    function.run tokened {
                      input = {note: $input.note}
                    } as $r
                  }
                  response = $r
                }
                """),
            Map.entry("function/tokened.xs", """
                function tokened {
                  input {
                    text note?
                    text token?
                  }
                  stack {
                  }
                  response = $input
                  middleware = {pre: [{name: "shout"}]}
                }
                """))));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void preMiddlewareReadsAndReplacesTheInputThenMergesATokenFromTheCallersAuth() throws Exception {
        ApiServer.Reply r = api.json("POST", "/api:mw/submit", "{\"captcha\": \"ok\", \"note\": \"hi\"}",
            "Authorization", "Bearer " + api.token("user", 7));
        assertEquals(200, r.status(), r.body());
        // The query received the input check_captcha gave back, plus attach_token's token; the post
        // middleware saw that response as its vars.
        assertEquals(ApiServer.JSON.readTree("{\"captcha\": \"ok\", \"note\": \"hi\", \"token\": \"user-7\", "
            + "\"post_saw\": \"user-7\", \"post_type\": \"post\"}"), r.json());
    }

    @Test
    void aPreMiddlewareRefusesOnAFieldOfTheInput() throws Exception {
        ApiServer.Reply r = api.json("POST", "/api:mw/submit", "{\"captcha\": \"bad\", \"note\": \"hi\"}",
            "Authorization", "Bearer " + api.token("user", 7));
        assertEquals(403, r.status(), r.body());
        assertEquals("captcha failed", r.json().get("message").asText());
    }

    @Test
    void aFunctionsMiddlewareSeesTheCallsInputAndTheCallersAuth() throws Exception {
        ApiServer.Reply r = api.json("POST", "/api:mw/relay", "{\"note\": \"via function.run\"}",
            "Authorization", "Bearer " + api.token("user", 12));
        assertEquals(200, r.status(), r.body());
        assertEquals(ApiServer.JSON.readTree("{\"note\": \"VIA FUNCTION.RUN\", \"token\": \"user-12\"}"), r.json());
    }

    @Test
    void aPostMiddlewareGetsAResponseThatIsNotAnObjectAsIs() throws Exception {
        ApiServer.Reply r = api.get("/api:mw/list");
        assertEquals(200, r.status(), r.body());
        assertEquals(ApiServer.JSON.readTree("{\"count\": 3, \"first\": \"a\"}"), r.json());
    }
}
