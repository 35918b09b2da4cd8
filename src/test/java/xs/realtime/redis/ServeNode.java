package xs.realtime.redis;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import xs.realtime.Tokens;
import xs.realtime.WsClient;

/**
 * One real {@code xs serve} process of a cluster, as a user starts it: the test classpath and
 * {@code xs.cli.Main}, the hub test programs, a free port, stderr into a file.
 */
final class ServeNode implements AutoCloseable {
    static final String SECRET = "cluster-secret";
    static final Path PROGRAM = Path.of("tests/realtime/hub");
    private static final Pattern READY = Pattern.compile("xs serving http://127\\.0\\.0\\.1:(\\d+) .*");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Tokens TOKENS = new Tokens(SECRET);

    final Process process;
    final int port;
    final Path stderr;
    private final List<WsClient> clients = new ArrayList<>();

    private ServeNode(Process process, int port, Path stderr) {
        this.process = process;
        this.port = port;
        this.stderr = stderr;
    }

    /** The command line of {@code xs serve} with these extra arguments. */
    static ProcessBuilder command(Path stderr, String... args) {
        return command(stderr, List.of(), args);
    }

    /** The command line of {@code xs serve} with these JVM options and extra arguments. */
    static ProcessBuilder command(Path stderr, List<String> jvmOptions, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-XX:TieredStopAtLevel=1", "-Xmx256m"));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "xs.cli.Main",
            "serve", PROGRAM.toString(), "--port", "0", "--auth-secret", SECRET));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectError(stderr.toFile());
    }

    /** Starts a node on the broker and waits for its readiness line. */
    static ServeNode start(String broker, Path dir, String name) throws Exception {
        return start(broker, dir, name, List.of());
    }

    /** Starts a node with these JVM options on the broker and waits for its readiness line. */
    static ServeNode start(String broker, Path dir, String name, List<String> jvmOptions) throws Exception {
        Path stderr = dir.resolve(name + ".stderr.txt");
        Process p = command(stderr, jvmOptions, "--broker", broker).start();
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> {
            try {
                return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
            } catch (IOException e) {
                return null;
            }
        });
        String line;
        try {
            line = first.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            p.destroyForcibly();
            throw new AssertionError(name + " printed no readiness line within 30 s: " + Files.readString(stderr));
        }
        Matcher m = READY.matcher(line == null ? "" : line);
        if (!m.matches()) {
            p.destroyForcibly();
            fail(name + " did not start: " + line + "\n" + Files.readString(stderr));
        }
        return new ServeNode(p, Integer.parseInt(m.group(1)), stderr);
    }

    static String token(String user) {
        return TOKENS.mint(user, Map.of(), 3600, "user");
    }

    /** A client of this node authenticated as the user. */
    WsClient user(String id) {
        WsClient c = WsClient.connect(URI.create("ws://127.0.0.1:" + port + "/rt/test"), token(id)).patience(10_000);
        clients.add(c);
        return c;
    }

    HttpResponse<String> post(String function, String json) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/function/" + function))
            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
            HttpResponse.BodyHandlers.ofString());
    }

    String log() throws IOException {
        return Files.readString(stderr);
    }

    /** Waits until the log contains the text. */
    void awaitLog(String text, long millis) throws Exception {
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline) {
            if (log().contains(text)) {
                return;
            }
            Thread.sleep(50);
        }
        fail("the log did not say \"" + text + "\" within " + millis + " ms:\n" + log());
    }

    /** The process's live threads (Linux: /proc). */
    int threads() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
            if (line.startsWith("Threads:")) {
                return Integer.parseInt(line.substring(8).trim());
            }
        }
        throw new IOException("no thread count for " + process.pid());
    }

    /** SIGKILL: the node dies without leaving anything. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        assertTrue(process.waitFor(10, TimeUnit.SECONDS));
    }

    /** SIGTERM, clients left connected: the node closes them itself. */
    void stop() throws InterruptedException {
        process.destroy();
        assertTrue(process.waitFor(20, TimeUnit.SECONDS), "stops after SIGTERM");
    }

    @Override
    public void close() throws InterruptedException {
        for (WsClient c : clients) {
            c.abort();
        }
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
