package xs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tasks as a user meets them: {@code xs serve} runs a real one-second schedule (observed in its
 * log, with generous waits and no timing asserts), the console lists the task with its next run
 * and last result and runs it now; {@code xs run --task} runs one once.
 */
class TaskServeTest {
    static final String PROGRAM = """
        table beat {
          schema {
            int id
            text note?
          }
        }
        ---
        task heartbeat {
          description = "Writes a row every second"
          stack {
            db.add beat {
              data = {note: "tick"}
            } as $row
            debug.log {
              value = "beat " ~ $row.id
            }
          }
          schedule = [{starts_on: 2025-01-01 00:00:00+0000, freq: 1}]
        }
        ---
        task broken {
          active = false
          stack {
            precondition (false) {
              error = "broken on purpose"
            }
          }
          schedule = [{starts_on: 2025-01-01 00:00:00+0000, freq: 1}]
        }
        """;
    private static final Pattern RUN_OK = Pattern.compile("task heartbeat run #\\d+ \\(due [^)]+\\): ok in \\d+ ms");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    @Timeout(90)
    void serveRunsAOneSecondScheduleAndTheConsoleListsAndRunsTasks(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("app.xs"), PROGRAM);
        Path stderr = dir.resolve("stderr.txt");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"), "xs.cli.Main", "serve", dir.toString(), "--port", "0")
            .redirectError(stderr.toFile()).start();
        try {
            String line = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
            Matcher m = ServeCommandTest.READY.matcher(line == null ? "" : line);
            assertTrue(m.matches(), "readiness line: " + line + "\n" + Files.readString(stderr));
            String base = "http://127.0.0.1:" + m.group(1);

            long runs = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(45);
            while (runs < 3 && System.nanoTime() < deadline) {
                Thread.sleep(200);
                runs = RUN_OK.matcher(Files.readString(stderr)).results().count();
            }
            String log = Files.readString(stderr);
            assertTrue(runs >= 3, "three runs of a one-second task within 45 s:\n" + log);
            assertTrue(log.contains("task heartbeat: scheduled, next run "), log);
            assertTrue(log.contains("log: beat 1"), log);
            assertTrue(log.contains("task broken: not scheduled (active = false)"), log);

            HttpClient http = HttpClient.newHttpClient();
            JsonNode program = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/console/api/program"))
                .build(), HttpResponse.BodyHandlers.ofString()).body());
            JsonNode heartbeat = program.path("tasks").path(0);
            assertEquals("heartbeat", heartbeat.path("name").asText());
            assertEquals("Writes a row every second", heartbeat.path("description").asText());
            assertEquals(1, heartbeat.path("schedule").path(0).path("freq").asInt());
            assertTrue(heartbeat.path("next_run").asText().startsWith("20"), heartbeat.toString());
            assertTrue(heartbeat.path("last_run").path("ok").asBoolean(), heartbeat.toString());
            assertTrue(heartbeat.path("last_run").path("scheduled").asBoolean(), heartbeat.toString());
            JsonNode broken = program.path("tasks").path(1);
            assertTrue(broken.path("next_run").isNull(), broken.toString());
            assertTrue(broken.path("last_run").isNull(), broken.toString());

            HttpResponse<String> ran = http.send(HttpRequest.newBuilder(URI.create(base + "/console/api/tasks/broken/run"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, ran.statusCode(), ran.body());
            JsonNode run = JSON.readTree(ran.body());
            assertEquals(false, run.path("ok").asBoolean());
            assertEquals(false, run.path("scheduled").asBoolean());
            assertTrue(run.path("error").asText().contains("broken on purpose"), ran.body());
            assertTrue(Files.readString(stderr).contains("(asked for now): failed after"), Files.readString(stderr));

            HttpResponse<String> missing = http.send(HttpRequest.newBuilder(URI.create(base + "/console/api/tasks/nope/run"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(404, missing.statusCode());
            HttpResponse<String> foreign = http.send(HttpRequest.newBuilder(URI.create(base + "/console/api/tasks/heartbeat/run"))
                .header("Origin", "http://evil.example").POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
            assertEquals(403, foreign.statusCode(), "another site's page cannot start runs");
            HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create(base + "/console/api/tasks/heartbeat/run"))
                .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(405, get.statusCode());

            JsonNode rows = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/console/api/tables/beat"))
                .build(), HttpResponse.BodyHandlers.ofString()).body());
            assertTrue(rows.path("items_total").asInt() >= 3, rows.toString());
            p.toHandle().destroy();
            assertTrue(p.waitFor(20, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue());
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void runTaskRunsOneOnceNow(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("app.xs"), PROGRAM);
        Cli.Result ok = Cli.run("run", dir.toString(), "--task", "heartbeat");
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.err().contains("log: beat 1"), ok.err());

        Cli.Result failed = Cli.run("run", dir.toString(), "--task", "broken");
        assertEquals(1, failed.code());
        assertTrue(failed.err().contains("broken on purpose"), failed.err());

        Cli.Result unknown = Cli.run("run", dir.toString(), "--task", "nope");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("no task named \"nope\" (tasks: heartbeat, broken)"), unknown.err());
    }
}
