package xs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import xs.testing.PostgresServer;

/**
 * Real {@code xs serve} processes (child JVMs, as a user starts them) on one PostgreSQL: what one
 * node writes the other reads, a failed transaction leaves nothing, a restarted node finds the
 * data, and a PostgreSQL that goes away and comes back gives 503s, then answers again.
 */
class PostgresNodesTest {
    private static final Pattern READY = Pattern.compile("xs serving http://127\\.0\\.0\\.1:(\\d+) .*");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String PROGRAM = """
        table note {
          schema {
            int id
            text body
          }
        }
        ---
        function add_note {
          input {
            text body
          }
          stack {
            db.add note {
              data = {body: $input.body}
            } as $note
          }
          response = $note
        }
        ---
        function notes {
          input {
          }
          stack {
            db.query note {
              sort = {id: "asc"}
            } as $rows
          }
          response = $rows|map:$$.body
        }
        ---
        function add_two_then_fail {
          input {
            text body
          }
          stack {
            db.transaction {
              stack {
                db.add note {
                  data = {body: $input.body}
                }
                db.add note {
                  data = {body: $input.body|concat:" again"}
                }
                throw {
                  name = "Refused"
                  value = "the transaction fails after two writes"
                }
              }
            }
          }
          response = "never"
        }
        ---
        function store_file {
          input {
            text content
          }
          stack {
            storage.create_attachment {
              value = "data:text/plain;base64," ~ ($input.content|base64_encode)
              access = "private"
              filename = "note.txt"
            } as $file
            storage.sign_private_url {
              pathname = $file.path
              ttl = 300
            } as $url
          }
          response = {path: $file.path, url: $url}
        }
        ---
        function read_file {
          input {
            text path
          }
          stack {
            storage.read_file_resource {
              value = {path: $input.path, access: "private"}
            } as $read
          }
          response = $read.data
        }
        ---
        function slow {
          input {
          }
          stack {
            db.direct_query {
              sql = "SELECT pg_sleep(600) AS xs_nodes_slow"
              response_type = "single"
            } as $row
          }
          response = $row
        }
        """;

    @TempDir
    Path dir;

    private final List<Process> processes = new ArrayList<>();
    private PostgresServer dedicated;
    private String dropUrl;
    private String database;

    @AfterEach
    void stop() throws Exception {
        for (Process p : processes) {
            p.destroy();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        if (database != null) {
            try (Connection c = DriverManager.getConnection(dropUrl, "xs", null); Statement st = c.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
        if (dedicated != null) {
            dedicated.close();
        }
    }

    /** A fresh database on the shared cluster, as a postgresql:// URL. */
    private String freshDatabase() throws Exception {
        String base = PostgresServer.shared().url();
        dropUrl = "jdbc:" + base.replace("xs@", "");
        database = "nodes_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = DriverManager.getConnection(dropUrl, "xs", null); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + database);
        }
        return base.replace("/postgres", "/" + database);
    }

    private record Node(Process process, int port, Path stderr) {
    }

    private Node serve(String name, String dbUrl, String... extra) throws Exception {
        Path program = dir.resolve("app");
        Files.createDirectories(program);
        Files.writeString(program.resolve("notes.xs"), PROGRAM);
        Path stderr = dir.resolve(name + ".stderr.txt");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-XX:TieredStopAtLevel=1", "-Xmx256m", "-cp", System.getProperty("java.class.path"), "xs.cli.Main",
            "serve", program.toString(), "--port", "0", "--auth-secret", "nodes-secret", "--db", dbUrl));
        cmd.addAll(List.of(extra));
        Process p = new ProcessBuilder(cmd).redirectError(stderr.toFile()).start();
        processes.add(p);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> {
            try {
                return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
            } catch (IOException e) {
                return null;
            }
        });
        String line;
        try {
            line = first.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(name + " printed no readiness line within 60 s: " + Files.readString(stderr));
        }
        Matcher m = READY.matcher(line == null ? "" : line);
        if (!m.matches()) {
            fail(name + " did not start: " + line + "\n" + Files.readString(stderr));
        }
        return new Node(p, Integer.parseInt(m.group(1)), stderr);
    }

    private static HttpResponse<String> call(Node node, String function, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port() + "/function/" + function))
            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
            HttpResponse.BodyHandlers.ofString());
    }

    private static String notes(Node node) throws Exception {
        HttpResponse<String> r = call(node, "notes", "{}");
        assertEquals(200, r.statusCode(), r.body());
        return r.body().replaceAll("\\s", "");
    }

    @Test
    @Timeout(180)
    void twoNodesShareRowsAndFailedTransactionsAndARestartKeepsThem() throws Exception {
        String url = freshDatabase();
        Node a = serve("a", url);
        Node b = serve("b", url);

        HttpResponse<String> added = call(a, "add_note", "{\"body\": \"from a\"}");
        assertEquals(200, added.statusCode(), added.body());
        assertEquals("[\"froma\"]", notes(b), "node b reads what node a wrote");

        HttpResponse<String> failed = call(a, "add_two_then_fail", "{\"body\": \"lost\"}");
        assertEquals(500, failed.statusCode(), failed.body());
        assertTrue(failed.body().contains("the transaction fails after two writes"), failed.body());
        assertEquals("[\"froma\"]", notes(b), "the failed transaction left nothing for node b");

        assertEquals(200, call(b, "add_note", "{\"body\": \"from b\"}").statusCode());
        a.process().destroy();
        assertTrue(a.process().waitFor(20, TimeUnit.SECONDS), "node a stops on SIGTERM");
        Node again = serve("a2", url);
        assertEquals("[\"froma\",\"fromb\"]", notes(again), "the restarted node finds every row");
        assertEquals(200, call(again, "add_note", "{\"body\": \"third\"}").statusCode());
        assertEquals("[\"froma\",\"fromb\",\"third\"]", notes(b), "ids go on after the restart, in order");
    }

    @Test
    @Timeout(180)
    void nodesThatShareADataDirShareTheirFilesAndSignedUrls() throws Exception {
        String url = freshDatabase();
        Path shared = dir.resolve("shared-data");
        Node a = serve("a", url, "--data-dir", shared.toString());
        Node b = serve("b", url, "--data-dir", shared.toString());

        HttpResponse<String> stored = call(a, "store_file", "{\"content\": \"kept on disk\"}");
        assertEquals(200, stored.statusCode(), stored.body());
        Matcher path = Pattern.compile("\"path\"\\s*:\\s*\"([^\"]+)\"").matcher(stored.body());
        Matcher signed = Pattern.compile("\"url\"\\s*:\\s*\"([^\"]+)\"").matcher(stored.body());
        assertTrue(path.find() && signed.find(), stored.body());
        assertTrue(Files.isRegularFile(shared.resolve("files").resolve(path.group(1).substring("/vault/".length()))),
            "the file is under --data-dir/files");

        HttpResponse<String> read = call(b, "read_file", "{\"path\": \"" + path.group(1) + "\"}");
        assertEquals(200, read.statusCode(), read.body());
        assertTrue(read.body().contains("kept on disk"), "node b reads what node a stored: " + read.body());
        URI onB = URI.create(signed.group(1).replaceFirst(":\\d+/", ":" + b.port() + "/"));
        HttpResponse<String> fetched = HTTP.send(HttpRequest.newBuilder(onB).GET().build(),
            HttpResponse.BodyHandlers.ofString());
        assertEquals(200, fetched.statusCode(), "node b opens the URL node a signed: " + onB);
        assertEquals("kept on disk", fetched.body());

        a.process().destroy();
        assertTrue(a.process().waitFor(20, TimeUnit.SECONDS), "node a stops on SIGTERM");
        Node again = serve("a2", url, "--data-dir", shared.toString());
        HttpResponse<String> after = call(again, "read_file", "{\"path\": \"" + path.group(1) + "\"}");
        assertTrue(after.body().contains("kept on disk"), "the file outlives the node that stored it: " + after.body());
    }

    @Test
    @Timeout(180)
    void aStatementPastTheRunsTimeIsA503WithALogLine() throws Exception {
        Node node = serve("n", freshDatabase(), "--timeout", "2", "--db-timeout", "1");
        HttpResponse<String> slow = call(node, "slow", "{}");
        assertEquals(503, slow.statusCode(), slow.body());
        assertTrue(slow.body().replaceAll("\\s", "").contains("\"code\":\"ERROR_CODE_SERVICE_UNAVAILABLE\""), slow.body());
        assertTrue(slow.body().contains("xs cancelled it"), slow.body());
        long until = System.currentTimeMillis() + 30_000;
        String log = Files.readString(node.stderr());
        while (!log.contains("/function/slow 503") && System.currentTimeMillis() < until) {
            Thread.sleep(100);
            log = Files.readString(node.stderr());
        }
        assertTrue(log.lines().anyMatch(l -> l.contains("/function/slow 503") && l.contains("xs cancelled it")), log);
        assertEquals(200, call(node, "add_note", "{\"body\": \"still fine\"}").statusCode(), "the pool is intact");
    }

    @Test
    @Timeout(180)
    void aLostPostgresIsA503UntilItComesBack() throws Exception {
        dedicated = PostgresServer.dedicated();
        Node node = serve("n", dedicated.url(), "--db-timeout", "1", "--db-pool-size", "2");
        assertEquals(200, call(node, "add_note", "{\"body\": \"before\"}").statusCode());

        dedicated.halt();
        HttpResponse<String> down = call(node, "notes", "{}");
        assertEquals(503, down.statusCode(), down.body());
        String body = down.body().replaceAll("\\s", "");
        assertTrue(body.contains("\"code\":\"ERROR_CODE_SERVICE_UNAVAILABLE\""), down.body());
        assertTrue(down.body().contains("PostgreSQL is unavailable"), down.body());
        assertTrue(!down.body().contains("at org.") && !down.body().contains("Exception"), "no stack trace: " + down.body());

        dedicated.resume();
        long deadline = System.currentTimeMillis() + 60_000;
        HttpResponse<String> back = call(node, "notes", "{}");
        while (back.statusCode() != 200 && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
            back = call(node, "notes", "{}");
        }
        assertEquals(200, back.statusCode(), back.body());
        assertEquals("[\"before\"]", back.body().replaceAll("\\s", ""));
        assertEquals(200, call(node, "add_note", "{\"body\": \"after\"}").statusCode());
    }
}
