package xs.realtime.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real {@code xs serve --broker redis://…} nodes with the same one-second task: every
 * occurrence runs on exactly one of them (the claim in Redis), and both nodes do run some.
 */
class TaskLeaseClusterTest {
    private static final Pattern RUN = Pattern.compile("task beat run #\\d+ \\(due ([^)]+)\\): ok in");

    @Test
    @Timeout(120)
    void eachOccurrenceRunsOnOneNodeOnly(@TempDir Path dir) throws Exception {
        Path app = Files.createDirectories(dir.resolve("app"));
        Files.writeString(app.resolve("task.xs"), """
            task beat {
              stack {
                debug.log {
                  value = "beat"
                }
              }
              schedule = [{starts_on: 2025-01-01 00:00:00+0000, freq: 1}]
            }
            """);
        List<Process> nodes = new ArrayList<>();
        try (RedisProcess redis = RedisProcess.start(dir)) {
            for (String name : List.of("one", "two")) {
                nodes.add(start(app, redis.url(), dir.resolve(name + ".stderr.txt")));
            }
            Map<String, List<String>> byOccurrence = new HashMap<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                byOccurrence = runs(dir);
                long shared = byOccurrence.values().stream().filter(n -> n.size() > 0).count();
                boolean bothRan = byOccurrence.values().stream().anyMatch(n -> n.contains("one"))
                    && byOccurrence.values().stream().anyMatch(n -> n.contains("two"));
                if (shared >= 8 && bothRan) {
                    break;
                }
                Thread.sleep(250);
            }
            String logs = Files.readString(dir.resolve("one.stderr.txt")) + Files.readString(dir.resolve("two.stderr.txt"));
            assertTrue(byOccurrence.size() >= 8, "eight occurrences ran within a minute:\n" + logs);
            for (Map.Entry<String, List<String>> e : byOccurrence.entrySet()) {
                assertEquals(1, e.getValue().size(), "the run due at " + e.getKey() + " ran on " + e.getValue() + "\n" + logs);
            }
        } finally {
            for (Process p : nodes) {
                p.destroyForcibly();
            }
        }
    }

    private static Process start(Path app, String broker, Path stderr) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-XX:TieredStopAtLevel=1", "-Xmx256m", "-cp", System.getProperty("java.class.path"), "xs.cli.Main",
            "serve", app.toString(), "--port", "0", "--auth-secret", ServeNode.SECRET, "--broker", broker)
            .redirectError(stderr.toFile()).start();
        String line = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
        assertTrue(line != null && line.startsWith("xs serving "), "readiness line: " + line + "\n" + Files.readString(stderr));
        return p;
    }

    /** Which node ran each occurrence, from the two logs. */
    private static Map<String, List<String>> runs(Path dir) throws Exception {
        Map<String, List<String>> out = new HashMap<>();
        for (String name : List.of("one", "two")) {
            Matcher m = RUN.matcher(Files.readString(dir.resolve(name + ".stderr.txt")));
            while (m.find()) {
                out.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(name);
            }
        }
        return out;
    }
}
