package xs.syntax;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import xs.source.Source;

/** Developer tool: grammar-health reports over a folder of .xs files, grouped by kind. */
public final class GrammarHealthProbe {
    public static void main(String[] args) throws Exception {
        Map<String, Integer> counts = new TreeMap<>();
        Map<String, String> example = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of(args[0]))) {
            files = walk.filter(p -> p.toString().endsWith(".xs")).sorted().toList();
        }
        for (Path f : files) {
            String text;
            try {
                text = Files.readString(f);
            } catch (Exception e) {
                continue;
            }
            for (String r : GrammarHealth.report(new Source(f.toString(), text))) {
                String key = r.substring(r.indexOf(": ") + 2);
                counts.merge(key, 1, Integer::sum);
                example.putIfAbsent(key, r);
            }
        }
        counts.forEach((k, v) -> System.out.println(v + "  " + k + "   e.g. " + example.get(k)));
    }
}
