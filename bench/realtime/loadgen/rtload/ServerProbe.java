package rtload;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
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

    /**
     * Live heap after a full GC, and the process's resident set then; for the JVM also the native
     * memory by NMT category (committed bytes, empty without {@code -XX:NativeMemoryTracking}),
     * the live bytes per class, the direct buffer pool, and the heap's committed bytes.
     */
    record Memory(long heapBytes, long externalBytes, long rssBytes, Map<String, Long> nmt,
                  Map<String, Long> classes, long directBytes, long directCount, long rssAnonBytes, long heapRssBytes) {
        Memory(long heapBytes, long externalBytes, long rssBytes) {
            this(heapBytes, externalBytes, rssBytes, Map.of(), Map.of(), -1, -1, -1, -1);
        }
    }

    private static final Pattern NMT_LINE =
        Pattern.compile("^-\\s+(.+?) \\(reserved=(\\d+)KB, committed=(\\d+)KB\\)");
    private static final Pattern NMT_TOTAL = Pattern.compile("^Total: reserved=(\\d+)KB, committed=(\\d+)KB");
    private static final Pattern HISTOGRAM_LINE = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");
    private BufferPoolMXBean directPool;

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
        List<String> lines = jcmd("GC.class_histogram");
        Map<String, Long> classes = new LinkedHashMap<>();
        long total = -1;
        for (String line : lines) {
            Matcher m = HISTOGRAM_LINE.matcher(line);
            if (m.find()) {
                classes.merge(m.group(3), Long.parseLong(m.group(2)), Long::sum);
            } else if (line.trim().startsWith("Total")) {
                total = Long.parseLong(line.trim().split("\\s+")[2]);
            }
        }
        if (total < 0) {
            throw new IOException("no Total line from jcmd: " + String.join("\n", lines.subList(0, Math.min(5, lines.size()))));
        }
        Map<String, Long> nmt = new LinkedHashMap<>();
        for (String line : jcmd("VM.native_memory", "summary")) {
            Matcher t = NMT_TOTAL.matcher(line.trim());
            if (t.find()) {
                nmt.put("Total", Long.parseLong(t.group(2)) * 1024);
            }
            Matcher m = NMT_LINE.matcher(line.trim());
            if (m.find()) {
                nmt.put(m.group(1).trim(), Long.parseLong(m.group(3)) * 1024);
            }
        }
        BufferPoolMXBean direct = directPool();
        return new Memory(total, 0, rssBytes(), nmt, classes, direct == null ? -1 : direct.getMemoryUsed(),
            direct == null ? -1 : direct.getCount(), statusBytes("RssAnon:"), heapRss());
    }

    private static final Pattern HEAP_RANGE = Pattern.compile("heap .*\\[0x([0-9a-f]+), 0x([0-9a-f]+)\\)");

    /** Resident bytes of the Java heap's address range (GC.heap_info names it), from /proc/PID/smaps. */
    private long heapRss() throws IOException, InterruptedException {
        long from = -1;
        long to = -1;
        for (String line : jcmd("GC.heap_info")) {
            Matcher m = HEAP_RANGE.matcher(line);
            if (m.find()) {
                from = Long.parseUnsignedLong(m.group(1), 16);
                to = Long.parseUnsignedLong(m.group(2), 16);
                break;
            }
        }
        if (from < 0) {
            return -1;
        }
        long rss = 0;
        boolean inside = false;
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/smaps"))) {
            if (line.matches("^[0-9a-f]+-[0-9a-f]+ .*")) {
                String[] range = line.substring(0, line.indexOf(' ')).split("-");
                long start = Long.parseUnsignedLong(range[0], 16);
                inside = start >= from && start < to;
            } else if (inside && line.startsWith("Rss:")) {
                rss += Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        return rss;
    }

    private List<String> jcmd(String... command) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of("jcmd", String.valueOf(pid)));
        cmd.addAll(List.of(command));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        List<String> lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        p.waitFor();
        return lines;
    }

    /** The server's direct buffer pool over JMX (the attach API starts its local agent); null when that fails. */
    private BufferPoolMXBean directPool() {
        if (directPool == null) {
            try {
                var vm = com.sun.tools.attach.VirtualMachine.attach(String.valueOf(pid));
                String address = vm.startLocalManagementAgent();
                vm.detach();
                var connection = JMXConnectorFactory.connect(new JMXServiceURL(address)).getMBeanServerConnection();
                directPool = ManagementFactory.newPlatformMXBeanProxy(connection, "java.nio:type=BufferPool,name=direct",
                    BufferPoolMXBean.class);
            } catch (Exception e) {
                System.err.println("rtload: no JMX of the server: " + e);
            }
        }
        return directPool;
    }

    private long statusBytes(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException e) {
            // unknown
        }
        return -1;
    }
}
