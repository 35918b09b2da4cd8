package xs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import xs.realtime.Tokens;
import xs.realtime.WsClient;

/**
 * {@code xs serve --watch} as a developer meets it: files added, changed, deleted, broken and
 * fixed under a running server, while a WebSocket client stays joined to a channel and keeps
 * receiving the events an endpoint publishes; the database keeps its rows; tasks come and go;
 * a request in flight finishes on the program it started with. Every step waits for the
 * server's own line (a reload, a task run) or for a frame; files are put in place by a rename,
 * as editors that save safely do, so each step is one change.
 */
class WatchServeTest {
    private static final String SECRET = "watch-secret";
    private static final Pattern DIAGNOSTIC = Pattern.compile("publish_POST\\.xs:\\d+:\\d+: error\\[XS\\d{4}\\]");

    static final String TABLES = """
        table note {
          schema {
            int id
            text body
          }
        }
        """;

    static final String GROUP = """
        api_group notes {
          canonical = "notes1"
        }
        """;

    static final String CHANNEL = """
        realtime_channel "room:*" {
          public_messaging = { active: false }
          settings = { anonymous_clients: true, message_history: 25 }
        }
        """;

    /** Messaging on, and a trigger that answers "ping" with a "pong" event. */
    static final String CHANNEL_WITH_TRIGGER = """
        realtime_channel "room:*" {
          public_messaging = { active: true, auth: false }
          settings = { anonymous_clients: true, message_history: 25 }
        }
        ---
        realtime_trigger "ping" {
          channel = "room:*"
          event = "ping"
          stack {
            api.realtime_event {
              channel = $channel
              event = "pong"
              data = $input
            }
          }
        }
        """;

    static String publish(int version) {
        return """
            query publish verb=POST {
              api_group = "notes"
              input {
                text body
              }
              stack {
                db.add note {
                  data = {body: $input.body}
                } as $row
                api.realtime_event {
                  channel = "room:1"
                  event = "note"
                  data = {body: $row.body, version: %d}
                }
              }
              response = $row
            }
            """.formatted(version);
    }

    static final String NOTES = """
        query notes verb=GET {
          api_group = "notes"
          stack {
            db.query note {
              sort = {note.id: "asc"}
              return = {type: "list"}
            } as $rows
          }
          response = $rows
        }
        """;

    static final String ECHO = """
        query echo verb=GET {
          api_group = "notes"
          stack {
          }
          response = "echo"
        }
        """;

    /** Writes a file next to the watched folder, then renames it into place: one change. */
    static void put(Path root, String relative, String text) throws IOException {
        Path target = root.resolve(relative);
        Files.createDirectories(target.getParent());
        Path staged = root.resolveSibling("staged-" + target.getFileName());
        Files.writeString(staged, text);
        Files.move(staged, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Writes each (path, text) pair into a folder, as the files of a workspace; returns the folder. */
    static Path folder(Path root, String... pathsAndTexts) throws IOException {
        for (int i = 0; i + 1 < pathsAndTexts.length; i += 2) {
            put(root, pathsAndTexts[i], pathsAndTexts[i + 1]);
        }
        return root;
    }

    /** Puts a file in place under a running server and returns the line its reload ends with. */
    static String change(WatchedServer server, Path app, String relative, String text)
        throws IOException, InterruptedException {
        put(app, relative, text);
        return server.awaitReload();
    }

    /** Posts a note and checks the event a joined client receives for it. */
    private static void publishes(WatchedServer server, WsClient ws, int version, String body)
        throws IOException, InterruptedException {
        server.ok("POST", "/api:notes1/publish", "{\"body\":\"" + body + "\"}");
        published(ws, version, body);
    }

    private static JsonNode published(WsClient ws, int version, String body) {
        JsonNode e = ws.expect("event");
        assertEquals("note", e.path("options").path("event").asText(), e::toString);
        assertEquals(body, e.path("payload").path("body").asText(), e::toString);
        assertEquals(version, e.path("payload").path("version").asInt(), e::toString);
        return e;
    }

    @Test
    @Timeout(240)
    void aJoinedClientKeepsReceivingWhileFilesAreAddedChangedDeletedBrokenAndFixed(@TempDir Path dir) throws Exception {
        Path app = folder(dir.resolve("app"), "tables.xs", TABLES, "realtime/room.xs", CHANNEL,
            "api/notes/api_group.xs", GROUP, "api/notes/publish_POST.xs", publish(1), "api/notes/notes_GET.xs", NOTES);
        try (WatchedServer server = WatchedServer.start(app, "--auth-secret", SECRET)) {
            server.awaitWatching();
            String token = new Tokens(SECRET).mint("4", Map.of(), 600, "user");
            WsClient ws = server.client(token);
            ws.joined("room:1");
            publishes(server, ws, 1, "one");
            ws.send("{\"action\":\"message\",\"options\":{\"channel\":\"room:1\",\"event\":\"ping\"},\"payload\":{\"n\":1}}");
            assertEquals("messaging_disabled", ws.expect("error").path("payload").path("code").asText());
            long version = server.ok("GET", "/console/api/version", null).path("version").asLong();

            // Added: a new query answers; the client is still joined.
            String line = change(server, app, "api/notes/echo_GET.xs", ECHO);
            assertTrue(line.matches("xs serve: reloaded: \\+1 query \\(\\d+ ms\\)"), line);
            assertEquals("echo", server.ok("GET", "/api:notes1/echo", null).asText());
            assertEquals(version + 1, server.ok("GET", "/console/api/version", null).path("version").asLong());
            JsonNode program = server.ok("GET", "/console/api/program", null);
            assertTrue(program.path("api_groups").toString().contains("\"path\":\"echo\""), program.toString());
            publishes(server, ws, 1, "two");

            // Changed: the endpoint publishes what its new text says.
            assertTrue(change(server, app, "api/notes/publish_POST.xs", publish(2))
                .startsWith("xs serve: reloaded: ~1 query ("), server.log());
            publishes(server, ws, 2, "three");

            // A channel's settings and a new realtime trigger apply to the channel the client is in.
            line = change(server, app, "realtime/room.xs", CHANNEL_WITH_TRIGGER);
            assertTrue(line.startsWith("xs serve: reloaded: ~1 realtime channel, +1 realtime trigger ("), line);
            ws.send("{\"action\":\"message\",\"options\":{\"channel\":\"room:1\",\"event\":\"ping\"},\"payload\":{\"n\":2}}");
            JsonNode pong = ws.expect("event");
            assertEquals("pong", pong.path("options").path("event").asText(), pong::toString);
            assertEquals(2, pong.path("payload").path("n").asInt(), pong::toString);
            assertEquals(2, ws.expect("message").path("payload").path("n").asInt());

            // Deleted: the query is gone.
            Files.delete(app.resolve("api/notes/echo_GET.xs"));
            assertTrue(server.awaitReload().startsWith("xs serve: reloaded: -1 query ("), server.log());
            assertEquals(404, server.send("GET", "/api:notes1/echo", null).statusCode());

            // Broken: the diagnostics as xs check prints them, and the last good program keeps serving.
            line = change(server, app, "api/notes/publish_POST.xs",
                publish(3).replace("db.add note {", "db.add note {{"));
            assertTrue(line.matches("xs serve: not reloaded: \\d+ errors? in the scripts; the last good program keeps "
                + "serving"), line + "\n" + server.log());
            assertTrue(DIAGNOSTIC.matcher(server.log()).find(), server.log());
            publishes(server, ws, 2, "four");

            // Fixed: the change since the last good program.
            assertTrue(change(server, app, "api/notes/publish_POST.xs", publish(3))
                .startsWith("xs serve: reloaded: ~1 query ("), server.log());
            publishes(server, ws, 3, "five");

            // Every row written along the way is still there.
            JsonNode rows = server.ok("GET", "/api:notes1/notes", null);
            assertEquals(List.of("one", "two", "three", "four", "five"),
                java.util.stream.StreamSupport.stream(rows.spliterator(), false).map(r -> r.path("body").asText()).toList());
            assertTrue(ws.drain(200).isEmpty(), "no frame beyond those expected");
        }
    }

    /** Deletes a folder with everything in it. */
    static void deleteTree(Path root) throws IOException {
        try (java.util.stream.Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Test
    @Timeout(240)
    void theWatchedFolderDeletedAndMadeAgainIsServedAgain(@TempDir Path dir) throws Exception {
        Path app = folder(dir.resolve("app"), "tables.xs", TABLES, "api/notes/api_group.xs", GROUP,
            "api/notes/echo_GET.xs", ECHO);
        try (WatchedServer server = WatchedServer.start(app)) {
            server.awaitWatching();
            assertEquals("echo", server.ok("GET", "/api:notes1/echo", null).asText());

            // Gone (a checkout of a branch without it): the last good program keeps serving.
            deleteTree(app);
            String line = server.awaitReload();
            assertTrue(line.startsWith("xs serve: not reloaded: ") && line.endsWith("the last good program keeps serving"),
                line + "\n" + server.log());
            assertEquals("echo", server.ok("GET", "/api:notes1/echo", null).asText());

            // Back, with another text: served, and its files are watched again.
            Path back = folder(dir.resolve("back"), "tables.xs", TABLES, "api/notes/api_group.xs", GROUP,
                "api/notes/echo_GET.xs", ECHO.replace("\"echo\"", "\"back\""));
            Files.move(back, app, StandardCopyOption.ATOMIC_MOVE);
            line = server.awaitReload();
            assertTrue(line.startsWith("xs serve: reloaded: ~1 query ("), line + "\n" + server.log());
            assertEquals("back", server.ok("GET", "/api:notes1/echo", null).asText());
            line = change(server, app, "api/notes/notes_GET.xs", NOTES);
            assertTrue(line.startsWith("xs serve: reloaded: +1 query ("), line + "\n" + server.log());
            assertEquals(0, server.ok("GET", "/api:notes1/notes", null).size());
        }
    }

    @Test
    void aProgramThatDoesNotLoadAtTheStartIsRefusedAsWithoutWatch(@TempDir Path dir) throws Exception {
        put(dir, "api/notes/publish_POST.xs", publish(1).replace("db.add note {", "db.add note {{"));
        Cli.Result r = Cli.run("serve", dir.toString(), "--port", "0", "--watch");
        assertEquals(1, r.code(), r.err());
        assertTrue(DIAGNOSTIC.matcher(r.err()).find(), r.err());
        assertTrue(r.err().contains("in the scripts; nothing was run"), r.err());
    }

    static final String GATE = """
        table gate {
          schema {
            int id
            text who?
          }
        }
        ---
        query open_gate verb=POST {
          api_group = "notes"
          stack {
            db.add gate {
              data = {who: "test"}
            } as $row
          }
          response = $row
        }
        """;

    /** Tells the channel it started, then waits for a row in gate: the test decides when it ends. */
    static final String SLOW = """
        query slow verb=GET {
          api_group = "notes"
          stack {
            api.realtime_event {
              channel = "room:1"
              event = "slow_started"
              data = {}
            }
            var $open {
              value = false
            }
            while ($open == false) {
              each {
                util.sleep {
                  value = 0.02
                }
                db.has gate {
                  field_name = "who"
                  field_value = "test"
                } as $open
              }
            }
          }
          response = "old"
        }
        """;

    static final String GATE_WITH_NOTE = GATE.replace("text who?", "text who?\n    text note?");

    static String task(String name) {
        return """
            task %s {
              stack {
                db.add beat {
                  data = {note: "%s"}
                }
              }
              schedule = [{starts_on: 2025-01-01 00:00:00+0000, freq: 1}]
            }
            """.formatted(name, name);
    }

    static final String BEAT = """
        table beat {
          schema {
            int id
            text note?
          }
        }
        """;

    @Test
    @Timeout(240)
    void requestsInFlightFinishOnTheirProgramTablesKeepRowsAndTasksComeAndGo(@TempDir Path dir) throws Exception {
        Path app = folder(dir.resolve("app"), "api/notes/api_group.xs", GROUP, "realtime/room.xs", CHANNEL,
            "api/notes/gate.xs", GATE, "api/notes/slow_GET.xs", SLOW);
        try (WatchedServer server = WatchedServer.start(app)) {
            server.awaitWatching();
            WsClient ws = server.client(null);
            ws.joined("room:1");

            // A request that started on the old program ends on it, after the new one serves.
            CompletableFuture<HttpResponse<String>> slow = server.http().sendAsync(
                HttpRequest.newBuilder(URI.create(server.base() + "/api:notes1/slow")).build(),
                HttpResponse.BodyHandlers.ofString());
            assertEquals("slow_started", ws.expect("event").path("options").path("event").asText());
            String slowNow = ECHO.replace("echo", "slow").replace("\"slow\"", "\"new\"");
            assertTrue(change(server, app, "api/notes/slow_GET.xs", slowNow)
                .startsWith("xs serve: reloaded: ~1 query ("), server.log());
            assertEquals("new", server.ok("GET", "/api:notes1/slow", null).asText());
            server.ok("POST", "/api:notes1/open_gate", null);
            HttpResponse<String> old = slow.get(60, TimeUnit.SECONDS);
            assertEquals(200, old.statusCode(), old.body());
            assertEquals("\"old\"", old.body());

            // A changed table gets its new column; its row stays.
            assertTrue(change(server, app, "api/notes/gate.xs", GATE_WITH_NOTE)
                .startsWith("xs serve: reloaded: ~1 table ("), server.log());
            JsonNode gate = server.ok("GET", "/console/api/tables/gate", null);
            assertEquals(1, gate.path("items_total").asInt(), gate.toString());
            JsonNode row = gate.path("items").path(0);
            assertEquals("test", row.path("who").asText(), row.toString());
            assertTrue(row.has("note") && row.path("note").isNull(), row.toString());

            // A task added by a reload runs on its schedule, with the table it writes to.
            String line = change(server, app, "task/heartbeat.xs", BEAT + "---\n" + task("heartbeat"));
            assertTrue(line.startsWith("xs serve: reloaded: +1 table, +1 task ("), line);
            server.await(l -> l.matches("task heartbeat run #\\d+ \\(due [^)]+\\): ok in \\d+ ms"), "of a heartbeat run");
            JsonNode tasks = server.ok("GET", "/console/api/program", null).path("tasks");
            assertEquals("heartbeat", tasks.path(0).path("name").asText(), tasks.toString());

            // Removed: it runs no more while the task that replaced it runs three times (two seconds at
            // least), and the rows it wrote stay. A run launched just before the reload may still start.
            line = change(server, app, "task/heartbeat.xs", BEAT + "---\n" + task("other"));
            assertTrue(line.startsWith("xs serve: reloaded: +1 task, -1 task ("), line);
            for (int i = 0; i < 3; i++) {
                server.await(l -> l.matches("task other run #\\d+ \\(due [^)]+\\): ok in \\d+ ms"), "of a run of other");
            }
            String log = server.log();
            String afterRemoval = log.substring(log.indexOf("task heartbeat: removed, so it runs no more"));
            long started = Pattern.compile("task heartbeat run #\\d+ \\([^)]+\\): started").matcher(afterRemoval)
                .results().count();
            assertTrue(started <= 1, "heartbeat runs after its removal:\n" + afterRemoval);
            tasks = server.ok("GET", "/console/api/program", null).path("tasks");
            assertEquals(1, tasks.size(), tasks.toString());
            assertEquals("other", tasks.path(0).path("name").asText(), tasks.toString());
            JsonNode beat = server.ok("GET", "/console/api/tables/beat", null);
            assertTrue(beat.toString().contains("\"note\":\"heartbeat\""), beat.toString());
        }
    }
}
