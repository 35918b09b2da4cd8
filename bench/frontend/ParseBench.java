import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import xs.source.DeepStacks;
import xs.source.Source;
import xs.syntax.ParseResult;
import xs.syntax.ScriptParser;

/**
 * Parse throughput, warm: reads one large generated file into the AST again and again in one
 * JVM and reports MB/s (median of the measured rounds, after warm-up rounds), both per second
 * of wall time and per second of CPU time of the whole process (GC and JIT threads included),
 * the second being steadier on a shared machine.
 */
public final class ParseBench {
    public static void main(String[] args) throws Exception {
        String text = Files.readString(Path.of(args[0]));
        int warmup = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        double mb = text.length() / 1e6;
        double[] rates = new double[rounds];
        double[] cpuRates = new double[rounds];
        com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        Throwable[] failure = new Throwable[1];
        Thread t = DeepStacks.thread("bench", () -> {
            ScriptParser parser = new ScriptParser();
            for (int i = 0; i < warmup + rounds; i++) {
                long start = System.nanoTime();
                long cpuStart = os.getProcessCpuTime();
                ParseResult r = parser.parse(new Source("big.xs", text));
                long ns = System.nanoTime() - start;
                long cpu = os.getProcessCpuTime() - cpuStart;
                if (r.hasErrors()) {
                    failure[0] = new IllegalStateException("benchmark input does not parse: " + r.diagnostics().get(0));
                    return;
                }
                if (i >= warmup) {
                    rates[i - warmup] = mb / (ns / 1e9);
                    cpuRates[i - warmup] = mb / (cpu / 1e9);
                }
            }
        });
        t.start();
        t.join();
        if (failure[0] != null) {
            throw new IllegalStateException(failure[0]);
        }
        Arrays.sort(rates);
        Arrays.sort(cpuRates);
        System.out.printf("input %.1f MB, %d warm-up + %d measured rounds%n", mb, warmup, rounds);
        System.out.printf("parse throughput: median %.1f MB/s (min %.1f, max %.1f)%n", rates[rounds / 2], rates[0],
            rates[rounds - 1]);
        System.out.printf("per CPU second of the process: median %.1f MB/s (min %.1f, max %.1f)%n", cpuRates[rounds / 2],
            cpuRates[0], cpuRates[rounds - 1]);
    }
}
