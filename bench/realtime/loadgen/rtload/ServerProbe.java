package rtload;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the server process from the outside: its CPU time and resident memory from /proc, and its
 * live heap after a full GC: for the JVM {@code jcmd PID GC.class_histogram} (which collects first
 * and sums the bytes of every live object), for Node the baseline's {@code /stats} (two
 * {@code global.gc()} calls, then {@code process.memoryUsage()}).
 */
final class ServerProbe {
    private static final Pattern NUMBER = Pattern.compile("\"(\\w+)\":(\\d+)");

    /** Live heap after a full GC, and the process's resident set then. */
    record Memory(long heapBytes, long externalBytes, long rssBytes) {
    }

    private final long pid;
    private final String kind;
    private final String statsUrl;

    ServerProbe(long pid, String kind, String statsUrl) {
        this.pid = pid;
        this.kind = kind;
        this.statsUrl = statsUrl;
    }

    /** User plus system CPU time of a process, in milliseconds. */
    static long cpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + (pid < 0 ? "self" : String.valueOf(pid)) + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields 14 and 15 of stat(5), counted from the state field (3)
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            return ticks * 10; // CLK_TCK is 100 on Linux
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    long cpuMillis() {
        return cpuMillis(pid);
    }

    /** Context switches of every thread of a process so far, voluntary and not: each is a sleep, a wake-up or a preemption. */
    static long contextSwitches(long pid) {
        long sum = 0;
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    for (String line : Files.readAllLines(task.resolve("status"))) {
                        if (line.contains("ctxt_switches:")) {
                            sum += Long.parseLong(line.replaceAll("\\D", ""));
                        }
                    }
                } catch (IOException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return sum;
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return f[0] + "/" + f[1] + "/" + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    long rssBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException e) {
            // unknown
        }
        return -1;
    }

    Memory memory() throws IOException, InterruptedException {
        if (kind.equals("node")) {
            HttpResponse<String> r = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create(statsUrl)).build(), HttpResponse.BodyHandlers.ofString());
            Matcher m = NUMBER.matcher(r.body());
            long heap = -1;
            long external = -1;
            long rss = -1;
            while (m.find()) {
                switch (m.group(1)) {
                    case "heapUsed" -> heap = Long.parseLong(m.group(2));
                    case "external" -> external = Long.parseLong(m.group(2));
                    case "rss" -> rss = Long.parseLong(m.group(2));
                    default -> {
                    }
                }
            }
            return new Memory(heap, external, rss);
        }
        Process p = new ProcessBuilder("jcmd", String.valueOf(pid), "GC.class_histogram").redirectErrorStream(true)
            .start();
        List<String> lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        p.waitFor();
        for (int i = lines.size() - 1; i >= 0; i--) {
            String line = lines.get(i).trim();
            if (line.startsWith("Total")) {
                String[] f = line.split("\\s+");
                return new Memory(Long.parseLong(f[2]), 0, rssBytes());
            }
        }
        throw new IOException("no Total line from jcmd: " + String.join("\n", lines.subList(0, Math.min(5, lines.size()))));
    }
}
