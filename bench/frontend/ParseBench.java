import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import xs.source.DeepStacks;
import xs.source.Source;
import xs.syntax.ParseResult;
import xs.syntax.ScriptParser;

/**
 * Parse throughput, warm: reads one large generated file into the AST again and again in one
 * JVM and reports MB/s (median of the measured rounds, after warm-up rounds).
 */
public final class ParseBench {
    public static void main(String[] args) throws Exception {
        String text = Files.readString(Path.of(args[0]));
        int warmup = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        double mb = text.length() / 1e6;
        double[] rates = new double[rounds];
        Throwable[] failure = new Throwable[1];
        Thread t = DeepStacks.thread("bench", () -> {
            ScriptParser parser = new ScriptParser();
            for (int i = 0; i < warmup + rounds; i++) {
                long start = System.nanoTime();
                ParseResult r = parser.parse(new Source("big.xs", text));
                long ns = System.nanoTime() - start;
                if (r.hasErrors()) {
                    failure[0] = new IllegalStateException("benchmark input does not parse: " + r.diagnostics().get(0));
                    return;
                }
                if (i >= warmup) {
                    rates[i - warmup] = mb / (ns / 1e9);
                }
            }
        });
        t.start();
        t.join();
        if (failure[0] != null) {
            throw new IllegalStateException(failure[0]);
        }
        Arrays.sort(rates);
        System.out.printf("input %.1f MB, %d warm-up + %d measured rounds%n", mb, warmup, rounds);
        System.out.printf("parse throughput: median %.1f MB/s (min %.1f, max %.1f)%n", rates[rounds / 2], rates[0],
            rates[rounds - 1]);
    }
}
