package rtload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints the table of a run from its RESULT lines ({@code run.sh} collects them): per scenario the
 * median over the rounds for xs and for Node, their ratio, and whether xs meets the target of
 * issue 5 (fan-out at least 1.5 times Node; p99 at most 10 ms at 50,000 deliveries/s; at most 8 KiB
 * of heap per idle connection).
 * <pre>java -cp build/classes rtload.Table build/results/results.txt</pre>
 */
public final class Table {
    private Table() {
    }

    public static void main(String[] argv) throws IOException {
        Map<String, Map<String, List<Map<String, String>>>> byName = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of(argv[0]))) {
            if (!line.startsWith("RESULT ")) {
                continue;
            }
            Map<String, String> kv = new LinkedHashMap<>();
            for (String part : line.substring(7).split(" ")) {
                int eq = part.indexOf('=');
                if (eq > 0) {
                    kv.put(part.substring(0, eq), part.substring(eq + 1));
                }
            }
            byName.computeIfAbsent(kv.getOrDefault("name", "?"), k -> new LinkedHashMap<>())
                .computeIfAbsent(kv.getOrDefault("server", "?"), k -> new ArrayList<>()).add(kv);
        }
        System.out.println("| scenario | measure | xs | Node ws | xs / Node | target (xs) | met |");
        System.out.println("|---|---|---:|---:|---:|---|---|");
        for (Map.Entry<String, Map<String, List<Map<String, String>>>> e : byName.entrySet()) {
            String name = e.getKey();
            List<Map<String, String>> xs = e.getValue().getOrDefault("xs", List.of());
            List<Map<String, String>> node = e.getValue().getOrDefault("node", List.of());
            if (name.startsWith("fanout")) {
                double x = median(xs, "deliveries_per_s");
                double n = median(node, "deliveries_per_s");
                row(name, "deliveries/s" + rounds(xs), k(x) + spread(xs, "deliveries_per_s", 1000, "k"),
                    k(n) + spread(node, "deliveries_per_s", 1000, "k"), ratio(x, n), "≥ 1.5 × Node",
                    met(x / n >= 1.5));
                row(name, "server CPU, % of one core", fmt(median(xs, "server_cpu_pct")),
                    fmt(median(node, "server_cpu_pct")), "", "", "");
            } else if (name.startsWith("latency")) {
                double x50 = median(xs, "p50_ms");
                double x99 = median(xs, "p99_ms");
                row(name, "p50 ms" + rounds(xs), ms(x50) + spread(xs, "p50_ms", 1, ""),
                    ms(median(node, "p50_ms")) + spread(node, "p50_ms", 1, ""), ratio(x50, median(node, "p50_ms")), "",
                    "");
                row(name, "p99 ms", ms(x99) + spread(xs, "p99_ms", 1, ""),
                    ms(median(node, "p99_ms")) + spread(node, "p99_ms", 1, ""), ratio(x99, median(node, "p99_ms")),
                    "≤ 10 ms", met(x99 <= 10));
                row(name, "last member of a message, p50 ms", ms(median(xs, "last_delivery_p50_ms")),
                    ms(median(node, "last_delivery_p50_ms")),
                    ratio(median(xs, "last_delivery_p50_ms"), median(node, "last_delivery_p50_ms")), "", "");
                row(name, "server CPU µs per message", fmt(median(xs, "server_cpu_us_per_msg")),
                    fmt(median(node, "server_cpu_us_per_msg")),
                    ratio(median(xs, "server_cpu_us_per_msg"), median(node, "server_cpu_us_per_msg")), "", "");
                row(name, "missing deliveries", fmt(median(xs, "missing")), fmt(median(node, "missing")), "", "0",
                    met(median(xs, "missing") == 0));
            } else if (name.startsWith("heap")) {
                double x = median(xs, "heap_per_conn");
                row(name, "heap bytes per idle connection (joined)" + rounds(xs), fmt(x), fmt(median(node, "heap_per_conn")),
                    ratio(x, median(node, "heap_per_conn")), "≤ 8192", met(x <= 8192));
                row(name, "heap bytes per open connection, not joined", fmt(median(xs, "heap_per_open_conn")),
                    fmt(median(node, "heap_per_open_conn")),
                    ratio(median(xs, "heap_per_open_conn"), median(node, "heap_per_open_conn")), "", "");
                row(name, "RSS bytes per idle connection", fmt(median(xs, "rss_per_conn")),
                    fmt(median(node, "rss_per_conn")), ratio(median(xs, "rss_per_conn"), median(node, "rss_per_conn")),
                    "", "");
            }
        }
    }

    private static void row(String... cells) {
        System.out.println("| " + String.join(" | ", cells) + " |");
    }

    private static String rounds(List<Map<String, String>> runs) {
        return runs.size() > 1 ? " (median of " + runs.size() + ")" : "";
    }

    private static double median(List<Map<String, String>> runs, String key) {
        List<Double> values = values(runs, key);
        if (values.isEmpty()) {
            return Double.NaN;
        }
        values.sort(null);
        int n = values.size();
        return n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
    }

    private static List<Double> values(List<Map<String, String>> runs, String key) {
        List<Double> values = new ArrayList<>();
        for (Map<String, String> r : runs) {
            if (r.containsKey(key)) {
                values.add(Double.parseDouble(r.get(key)));
            }
        }
        return values;
    }

    /** min–max when there are several rounds. */
    private static String spread(List<Map<String, String>> runs, String key, double unit, String suffix) {
        List<Double> v = values(runs, key);
        if (v.size() < 2) {
            return "";
        }
        v.sort(null);
        String format = unit == 1 ? "%.2f" : "%,.0f";
        return String.format(Locale.ROOT, " (" + format + "–" + format + "%s)", v.get(0) / unit, v.get(v.size() - 1) / unit,
            suffix);
    }

    private static String k(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%,.0fk", v / 1000);
    }

    private static String ms(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "–" : v == Math.rint(v) ? String.format(Locale.ROOT, "%,.0f", v)
            : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String ratio(double a, double b) {
        return Double.isNaN(a) || Double.isNaN(b) || b == 0 ? "–" : String.format(Locale.ROOT, "%.2f", a / b);
    }

    private static String met(boolean ok) {
        return ok ? "met" : "**not met**";
    }
}
