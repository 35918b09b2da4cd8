package xs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xs.interp.Json;

class RunCommandTest {
    @TempDir
    Path dir;

    private static final String CHAT = """
        realtime_channel "room:*" {
          active = true
          settings = {presence: true}
        }
        function "send" {
          input {
            int room_id
            text content filters=trim|max:10
          }
          stack {
            db.add "message" {
              data = {room_id: $input.room_id, sender_id: $auth.id, content: $input.content}
            } as $message
            debug.log { value = "saved" }
            api.realtime_event {
              channel = "room:" ~ $input.room_id
              event = "new_message"
              data = {id: $message.id, content: $input.content}
            }
          }
          response = $message
        }
        """;

    @Test
    @SuppressWarnings("unchecked")
    void jsonFormatHasResponseEventsAndLogs() throws Exception {
        Path f = Cli.write(dir, "chat.xs", CHAT);
        Cli.Result r = Cli.run("run", f.toString(), "--input", "{\"room_id\": \"4\", \"content\": \" hi \"}",
            "--user", "9", "--format", "json");
        assertEquals(0, r.code(), r.err());
        Map<String, Object> doc = (Map<String, Object>) Json.read(r.out());
        Map<String, Object> response = (Map<String, Object>) doc.get("response");
        assertEquals(4L, response.get("room_id"));
        assertEquals(9L, response.get("sender_id"));
        assertEquals("hi", response.get("content"));
        List<Map<String, Object>> events = (List<Map<String, Object>>) doc.get("events");
        assertEquals(1, events.size());
        assertEquals("room:4", events.get(0).get("channel"));
        assertEquals("new_message", events.get(0).get("event"));
        assertEquals(List.of("saved"), doc.get("logs"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void inputErrorIsExitOneWithTheErrorBody() throws Exception {
        Path f = Cli.write(dir, "chat.xs", CHAT);
        Cli.Result r = Cli.run("run", f.toString(), "--input", "{\"room_id\": 1, \"content\": \"far too long text\"}",
            "--format", "json");
        assertEquals(1, r.code());
        Map<String, Object> error = (Map<String, Object>) ((Map<String, Object>) Json.read(r.out())).get("error");
        assertEquals(400L, error.get("status"));
        assertEquals("ERROR_CODE_INPUT_ERROR", error.get("code"));
        assertEquals(Map.of("param", "content"), error.get("payload"));
        assertTrue(r.err().contains("error[XS0302]"), r.err());
    }

    @Test
    void textFormatPrintsPrettyResponseAndEventsOnStderr() throws Exception {
        Path f = Cli.write(dir, "chat.xs", CHAT);
        Cli.Result r = Cli.run("run", f.toString(), "--input", "{\"room_id\": 2, \"content\": \"yo\"}");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\"content\" : \"yo\""), r.out());
        assertTrue(r.err().contains("event room:2 new_message: {\"id\":1,\"content\":\"yo\"}"), r.err());
        assertTrue(r.err().contains("log: saved"), r.err());
    }

    private static final String STREAMING = """
        function "poem" {
          input {
          }
          stack {
            util.post_process {
              stack {
                debug.log { value = "after the response" }
                var $x { value = 1 / 0 }
              }
            }
            foreach (["Two roads", {line: 2}]) {
              each as $line {
                api.stream { value = $line }
              }
            }
          }
          response = "not the response once it streamed"
        }
        """;

    @Test
    void streamedValuesShowAsTheyComeAndPostProcessRunsAfterTheResponse() throws Exception {
        Path f = Cli.write(dir, "poem.xs", STREAMING);
        Cli.Result r = Cli.run("run", f.toString());
        assertEquals(0, r.code(), "a post-process failure does not fail the run: " + r.err());
        assertTrue(r.out().contains("\"Two roads\""), r.out());
        assertTrue(r.out().contains("\"line\" : 2"), r.out());
        String err = r.err();
        int first = err.indexOf("stream: \"Two roads\"");
        int second = err.indexOf("stream: {\"line\":2}");
        int log = err.indexOf("xs: util.post_process (" + f + ":5:5) log: after the response");
        int failed = err.indexOf("xs: util.post_process (" + f + ":5:5) failed at " + f + ":8:");
        assertTrue(first >= 0 && second > first && log > second && failed > log, err);

        Cli.Result json = Cli.run("run", f.toString(), "--format", "json");
        assertEquals(List.of("Two roads", Map.of("line", 2L)), ((Map<?, ?>) Json.read(json.out())).get("response"));
        assertTrue(!json.err().contains("stream:"), "json output has the values in its response only: " + json.err());
    }

    @Test
    void badInputJsonIsAUsageError() throws Exception {
        Path f = Cli.write(dir, "chat.xs", CHAT);
        Cli.Result r = Cli.run("run", f.toString(), "--input", "{room_id: 1");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--input is not valid JSON"), r.err());
    }

    @Test
    void unknownChannelFailsTheRun() throws Exception {
        Path f = Cli.write(dir, "c.xs", CHAT + """
            function "oops" {
              stack {
                api.realtime_event {
                  channel = "rooom:1"
                  data = 1
                }
              }
            }
            """);
        Cli.Result r = Cli.run("run", f.toString(), "--function", "oops");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("no realtime_channel matches the channel \"rooom:1\""), r.err());
    }

    @Test
    void runawayLoopEndsAtTheTimeout() throws Exception {
        Path f = Cli.write(dir, "loop.xs", """
            function "spin" {
              stack {
                var $i { value = 0 }
                while (true) {
                  each {
                    math.add $i { value = 1 }
                  }
                }
              }
            }
            """);
        Cli.Result r = Cli.run("run", f.toString(), "--timeout", "0.5");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("error[XS0303]") && r.err().contains("limit"), r.err());
    }

    @Test
    void runawayRecursionIsAnErrorNotACrash() throws Exception {
        Path f = Cli.write(dir, "rec.xs", """
            function "down" {
              input {
                int n
              }
              stack {
                function.run "down" {
                  input = {n: $input.n + 1}
                } as $r
              }
              response = $r
            }
            """);
        Cli.Result r = Cli.run("run", f.toString(), "--input", "{\"n\": 0}");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("error[XS0304]") && r.err().contains("nested more than"), r.err());
    }
}
