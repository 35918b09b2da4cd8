package xs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of design.md, checked on the sources: ANTLR stays inside xs.syntax,
 * the database knows nothing of scripts, and dependencies point one way.
 */
class ArchitectureTest {
    private static final Path SRC = Path.of("src/main/java/xs");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+)", Pattern.MULTILINE);

    /** Packages each package must not import (prefix match on the imported name). */
    private static final Map<String, List<String>> FORBIDDEN = Map.of(
        "source", List.of("xs.diag", "xs.ast", "xs.syntax", "xs.check", "xs.interp", "xs.db", "xs.realtime", "xs.http", "xs.cli"),
        "diag", List.of("xs.ast", "xs.syntax", "xs.check", "xs.interp", "xs.db", "xs.realtime", "xs.http", "xs.cli"),
        "ast", List.of("xs.syntax", "xs.check", "xs.interp", "xs.db", "xs.realtime", "xs.http", "xs.cli"),
        "db", List.of("xs.ast", "xs.syntax", "xs.check", "xs.interp", "xs.realtime", "xs.http", "xs.cli", "xs.diag"),
        "interp", List.of("xs.syntax", "xs.check", "xs.realtime", "xs.http", "xs.cli"),
        "check", List.of("xs.syntax", "xs.realtime", "xs.http", "xs.cli"),
        "realtime", List.of("xs.syntax", "xs.check", "xs.cli"),
        "http", List.of("xs.syntax", "xs.check", "xs.cli"),
        "services", List.of("xs.syntax", "xs.check", "xs.realtime", "xs.http", "xs.cli"));

    /** The database engines, each in its own package below xs.db. */
    private static final List<String> ENGINES = List.of("memory", "postgres");

    @Test
    void antlrTypesStayInsideSyntax() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path f : sources()) {
            String rel = SRC.relativize(f).toString().replace('\\', '/');
            if (rel.startsWith("syntax/")) {
                continue;
            }
            String text = Files.readString(f);
            if (text.contains("org.antlr") || text.contains("xs.syntax.antlr")) {
                offenders.add(rel);
            }
        }
        assertEquals(List.of(), offenders);
    }

    @Test
    void dependenciesPointOneWay() throws IOException {
        List<String> offenders = new ArrayList<>();
        List<Path> files = sources();
        assertTrue(files.size() > 50, "sources not found");
        for (Path f : files) {
            String pkg = SRC.relativize(f).getName(0).toString();
            List<String> forbidden = FORBIDDEN.getOrDefault(pkg, List.of());
            Matcher m = IMPORT.matcher(Files.readString(f));
            while (m.find()) {
                for (String prefix : forbidden) {
                    if (m.group(1).startsWith(prefix + ".")) {
                        offenders.add(SRC.relativize(f) + " imports " + m.group(1));
                    }
                }
            }
        }
        assertEquals(List.of(), offenders);
    }

    /**
     * Callers reach a database engine only through the xs.db interface: the engines' packages
     * are named only inside themselves and by the wiring that chooses one (xs.db.engines).
     */
    @Test
    void enginesAreReachedOnlyThroughTheWiring() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path f : sources()) {
            String rel = SRC.relativize(f).toString().replace('\\', '/');
            String text = Files.readString(f);
            for (String engine : ENGINES) {
                if (rel.startsWith("db/" + engine + "/") || rel.startsWith("db/engines/")) {
                    continue;
                }
                if (text.contains("xs.db." + engine + ".")) {
                    offenders.add(rel + " names xs.db." + engine);
                }
            }
        }
        assertEquals(List.of(), offenders);
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> walk = Files.walk(SRC)) {
            return walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }
}
