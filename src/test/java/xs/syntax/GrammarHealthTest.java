package xs.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import xs.source.Source;

/**
 * The grammar must read every correct file of the corpus and the samples without ambiguity and
 * in the fast SLL pass alone: a report here means a grammar change made parsing slower or
 * made a script mean two things.
 */
class GrammarHealthTest {
    @Test
    void corpusAndSamplesParseWithoutAmbiguityOrFallback() throws IOException {
        List<String> reports = new ArrayList<>();
        int files = 0;
        for (Path dir : List.of(Path.of("tests/syntax"), Path.of("tests/run"), Path.of("tests/db"),
            Path.of("samples"))) {
            assertTrue(Files.isDirectory(dir), () -> dir.toAbsolutePath() + " is missing");
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path f : walk.filter(p -> p.toString().endsWith(".xs")).sorted().toList()) {
                    reports.addAll(GrammarHealth.report(new Source(f.toString(), Files.readString(f))));
                    files++;
                }
            }
        }
        assertTrue(files > 0, "no corpus files found");
        assertEquals(List.of(), reports);
    }
}
