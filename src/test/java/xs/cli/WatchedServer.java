package xs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import xs.realtime.WsClient;

/**
 * A real {@code xs serve PATH --watch} process for tests: its stderr is read line by line as it
 * comes, so a test waits for the line it expects (a reload, a task run) instead of sleeping.
 */
final class WatchedServer implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    final int port;
    /** Lines before this index were already matched by {@link #await}. */
    private int consumed;

    private WatchedServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static WatchedServer start(Path dir, String... extra) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"), "xs.cli.Main", "serve", dir.toString(), "--port", "0",
            "--watch"));
        command.addAll(List.of(extra));
        Process p = new ProcessBuilder(command).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        Matcher m = ServeCommandTest.READY.matcher(line == null ? "" : line);
        WatchedServer server = new WatchedServer(p, m.matches() ? Integer.parseInt(m.group(1)) : -1);
        Thread reader = new Thread(() -> server.read(p), "xs-serve-stderr");
        reader.setDaemon(true);
        reader.start();
        if (!m.matches()) {
            // Read what it said before stopping it: destroying a process closes its streams.
            p.waitFor(20, TimeUnit.SECONDS);
            reader.join(10_000);
            server.close();
            fail("readiness line: " + line + "\n" + server.log());
        }
        return server;
    }

    private void read(Process p) {
        try (BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line = err.readLine(); line != null; line = err.readLine()) {
                synchronized (this) {
                    lines.add(line);
                    notifyAll();
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    /** Everything the server printed on stderr so far. */
    synchronized String log() {
        return String.join("\n", lines);
    }

    /**
     * Waits for the first line after the last one matched that satisfies the test, and returns
     * it; the lines before it count as seen.
     */
    synchronized String await(Predicate<String> wanted, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            for (int i = consumed; i < lines.size(); i++) {
                if (wanted.test(lines.get(i))) {
                    consumed = i + 1;
                    return lines.get(i);
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                fail("no line " + what + " within 60 s; stderr:\n" + log());
            }
            wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        }
    }

    /** Waits for the line saying what --watch watches: from then on, a change is a reload. */
    void awaitWatching() throws InterruptedException {
        await(l -> l.startsWith("xs serve: watching "), "saying what is watched");
    }

    /** A WebSocket client of the server's hub (null token: anonymous), patient enough for reloads under load. */
    WsClient client(String token) {
        return WsClient.connect(URI.create("ws://127.0.0.1:" + port + "/rt/watch"), token).patience(30_000);
    }

    /** Waits for the next reload line (or "not reloaded") and returns it. */
    String awaitReload() throws InterruptedException {
        return await(l -> l.startsWith("xs serve: reloaded: ") || l.startsWith("xs serve: not reloaded: "),
            "saying whether the scripts were reloaded");
    }

    /** The lines printed since the last matched one (not consumed). */
    synchronized List<String> since() {
        return List.copyOf(lines.subList(consumed, lines.size()));
    }

    HttpResponse<String> send(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path))
            .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The JSON of a request that must answer 200. */
    JsonNode ok(String method, String path, String json) throws IOException, InterruptedException {
        HttpResponse<String> r = send(method, path, json);
        assertEquals(200, r.statusCode(), () -> method + " " + path + ": " + r.body() + "\n" + log());
        return JSON.readTree(r.body());
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    HttpClient http() {
        return http;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
