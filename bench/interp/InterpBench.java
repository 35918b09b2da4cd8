import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import xs.ast.Program;
import xs.db.Database;
import xs.interp.EventRecorder;
import xs.interp.ChannelDirectory;
import xs.interp.Identity;
import xs.interp.Interpreter;
import xs.interp.Outcome;
import xs.interp.Services;
import xs.source.DeepStacks;
import xs.source.Source;
import xs.syntax.ParseResult;
import xs.syntax.ScriptParser;

/**
 * The interpreter against the same logic written by hand in Java, in one JVM: both run the
 * "summarize" function of orders.xs over the same 100 orders, in alternating timed rounds
 * after a warm-up; the report gives calls/s of each and their ratio.
 */
public final class InterpBench {
    public static void main(String[] args) throws Exception {
        Thread t = DeepStacks.thread("bench", () -> {
            try {
                run(Integer.parseInt(args[0]), Integer.parseInt(args[1]));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        t.start();
        t.join();
    }

    @SuppressWarnings("unchecked")
    static void run(int rounds, int callsPerRound) throws Exception {
        ParseResult parsed = new ScriptParser().parse(new Source("orders.xs", Files.readString(Path.of("bench/interp/orders.xs"))));
        Program program = new Program(List.of(parsed.script()));
        Interpreter interpreter = new Interpreter(program, Services.of(Database.inMemory(),
            new EventRecorder(ChannelDirectory.of(program)), Map.of(), 60_000));
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("orders", orders(100));
        Map<String, Object> auth = Identity.ANONYMOUS.auth();

        Object scripted = interpreter.call("summarize", input, auth).response();
        Object handWritten = summarize(orders(100));
        if (!String.valueOf(scripted).equals(String.valueOf(handWritten))) {
            throw new IllegalStateException("results differ:\n  xs:   " + scripted + "\n  java: " + handWritten);
        }
        double[] xsRates = new double[rounds];
        double[] javaRates = new double[rounds];
        for (int r = -3; r < rounds; r++) {
            long start = System.nanoTime();
            for (int i = 0; i < callsPerRound; i++) {
                Outcome o = interpreter.call("summarize", input, auth);
                if (!o.ok()) {
                    throw new IllegalStateException(o.error().getMessage());
                }
            }
            double xs = callsPerRound / ((System.nanoTime() - start) / 1e9);
            List<Object> orders = (List<Object>) input.get("orders");
            start = System.nanoTime();
            for (int i = 0; i < callsPerRound; i++) {
                summarize(orders);
            }
            double jv = callsPerRound / ((System.nanoTime() - start) / 1e9);
            if (r >= 0) {
                xsRates[r] = xs;
                javaRates[r] = jv;
            }
        }
        java.util.Arrays.sort(xsRates);
        java.util.Arrays.sort(javaRates);
        double xsMedian = xsRates[rounds / 2];
        double javaMedian = javaRates[rounds / 2];
        System.out.printf("summarize(100 orders): xs %.0f calls/s, hand-written Java %.0f calls/s (medians of %d rounds)%n",
            xsMedian, javaMedian, rounds);
        System.out.printf("ratio: the interpreter is %.2fx slower than the Java%n", javaMedian / xsMedian);
    }

    /** The input both versions receive, built once. */
    static List<Object> orders(int n) {
        List<Object> list = new ArrayList<>();
        String[] tiers = {"gold", "silver", "basic"};
        for (int i = 1; i <= n; i++) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("id", (long) i);
            o.put("total", new BigDecimal(i * 7 % 250 + ".50"));
            o.put("tier", tiers[i % 3]);
            list.add(o);
        }
        return list;
    }

    static BigDecimal discount(BigDecimal total, String tier) {
        BigDecimal rate = switch (tier) {
            case "gold" -> new BigDecimal("0.1");
            case "silver" -> new BigDecimal("0.05");
            default -> BigDecimal.ZERO;
        };
        return strip(total.multiply(rate));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> summarize(List<Object> orders) {
        List<Map<String, Object>> lines = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Object item : orders) {
            Map<String, Object> o = (Map<String, Object>) item;
            BigDecimal t = (BigDecimal) o.get("total");
            BigDecimal net = strip(t.subtract(discount(t, (String) o.get("tier"))));
            total = strip(total.add(net));
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("id", o.get("id"));
            line.put("net", net);
            line.put("label", "order-" + o.get("id"));
            line.put("big", net.compareTo(BigDecimal.valueOf(100)) > 0);
            lines.add(line);
        }
        long big = lines.stream().filter(l -> (Boolean) l.get("big")).count();
        List<Object> labels = new ArrayList<>();
        for (int i = 0; i < Math.min(3, lines.size()); i++) {
            labels.add(lines.get(i).get("label"));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("count", (long) lines.size());
        out.put("total", total);
        out.put("big", big);
        out.put("labels", labels);
        return out;
    }

    /** Decimal results are written like the interpreter writes them: no trailing zeros, one decimal at least. */
    static BigDecimal strip(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        return s.scale() < 1 ? s.setScale(1, RoundingMode.UNNECESSARY) : s;
    }
}
