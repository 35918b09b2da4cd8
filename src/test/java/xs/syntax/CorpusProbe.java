package xs.syntax;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import xs.diag.Diagnostic;
import xs.source.SourceLoader;

/**
 * A developer tool, not a test: parses every .xs file under a folder (for example a local
 * collection of real Xano exports, which are never committed) and summarises the failures.
 * <pre>java -cp ... xs.syntax.CorpusProbe DIR [--list]</pre>
 */
public final class CorpusProbe {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        boolean list = args.length > 1 && args[1].equals("--list");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(p -> p.toString().endsWith(".xs")).sorted().toList();
        }
        ScriptParser parser = new ScriptParser();
        SourceLoader loader = new SourceLoader();
        Map<String, List<String>> failures = new TreeMap<>();
        int ok = 0;
        long chars = 0;
        long start = System.nanoTime();
        for (Path f : files) {
            SourceLoader.Loaded loaded = loader.load(f);
            if (loaded.source() == null) {
                continue;
            }
            chars += loaded.source().text().length();
            ParseResult r = parser.parse(loaded.source());
            Diagnostic first = r.diagnostics().stream().filter(Diagnostic::isError).findFirst().orElse(null);
            if (first == null) {
                ok++;
            } else {
                String key = first.message().replaceAll("\"[^\"]*\"", "\"…\"").replaceAll("\\d+:\\d+", "L:C");
                failures.computeIfAbsent(key, k -> new ArrayList<>()).add(first.headline());
            }
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("%d files, %d parsed, %d failed, %.1f MB in %d ms%n", files.size(), ok, files.size() - ok,
            chars / 1e6, ms);
        failures.entrySet().stream().sorted((a, b) -> b.getValue().size() - a.getValue().size()).forEach(e -> {
            System.out.printf("%5d  %s%n", e.getValue().size(), e.getKey());
            e.getValue().stream().limit(list ? 1000 : 2).forEach(x -> System.out.println("         " + x));
        });
    }
}
