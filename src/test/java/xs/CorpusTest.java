package xs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import xs.ast.AstPrinter;
import xs.ast.Program;
import xs.check.Checker;
import xs.diag.Diagnostic;
import xs.source.Source;
import xs.syntax.ParseResult;
import xs.syntax.ScriptParser;

/**
 * The language conformance corpus under {@code tests/}, run as data like jlox's test suite:
 * <ul>
 *   <li>{@code tests/syntax/X.xs} must parse and print exactly {@code X.ast}. The dumps are
 *       written only in update mode ({@code mvn test -Dtest=CorpusTest -Dxs.updateGoldens=true},
 *       after a deliberate change, then reviewed by hand); a missing dump fails;</li>
 *   <li>{@code tests/check/X.xs} carries {@code // expect error: XS0201} (or warning, note)
 *       comments on the lines where {@code xs check} must report exactly those codes;</li>
 *   <li>{@code tests/run/**.xs} and {@code tests/db/**.xs} carry {@code // run} cases, see
 *       {@link RunCase}.</li>
 * </ul>
 * A corpus folder that is missing or holds no {@code .xs} file fails: zero cases is no evidence.
 */
class CorpusTest {
    static final Path ROOT = Path.of("tests");
    static final boolean UPDATE_GOLDENS = Boolean.getBoolean("xs.updateGoldens");

    @TestFactory
    Stream<DynamicTest> syntax() throws IOException {
        return files(ROOT.resolve("syntax")).map(file -> DynamicTest.dynamicTest(name(file), () -> {
            ParseResult result = new ScriptParser().parse(source(file));
            assertTrue(result.diagnostics().stream().noneMatch(Diagnostic::isError),
                () -> "does not parse: " + result.diagnostics());
            String dump = AstPrinter.print(result.script());
            assertGolden(Path.of(file.toString().replaceAll("\\.xs$", ".ast")), dump, UPDATE_GOLDENS);
        }));
    }

    /** The dump must equal the golden file; only update mode writes it. */
    static void assertGolden(Path golden, String dump, boolean update) throws IOException {
        if (update) {
            Files.writeString(golden, dump);
            return;
        }
        assertTrue(Files.exists(golden), () -> "no golden dump " + golden + ": write it with -Dxs.updateGoldens=true,"
            + " review it against the language rules, and commit it");
        assertEquals(Files.readString(golden), dump, "AST dump " + golden);
    }

    @TestFactory
    Stream<DynamicTest> check() throws IOException {
        return files(ROOT.resolve("check")).map(file -> DynamicTest.dynamicTest(name(file), () -> {
            Source source = source(file);
            Set<String> expected = new TreeSet<>();
            String[] lines = source.text().split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                java.util.regex.Matcher m = java.util.regex.Pattern
                    .compile("//\\s*expect (error|warning|note): (XS\\d{4})").matcher(lines[i]);
                while (m.find()) {
                    expected.add((i + 1) + " " + m.group(1) + " " + m.group(2));
                }
            }
            assertFalse(expected.isEmpty(), "a check case needs at least one '// expect' comment");
            List<Diagnostic> found = new ArrayList<>();
            ParseResult result = new ScriptParser().parse(source);
            found.addAll(result.diagnostics());
            if (result.script() != null) {
                found.addAll(new Checker(new Program(List.of(result.script()))).check());
            }
            Set<String> actual = new TreeSet<>();
            for (Diagnostic d : found) {
                actual.add(d.span().line() + " " + d.severity().label() + " " + d.code());
            }
            assertEquals(expected, actual, () -> "diagnostics of " + file + ":\n" + render(found));
        }));
    }

    @TestFactory
    Stream<DynamicTest> run() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path dir : List.of(ROOT.resolve("run"), ROOT.resolve("db"))) {
            for (Path file : files(dir).toList()) {
                List<RunCase> cases;
                try {
                    cases = RunCase.parse(file, Files.readString(file));
                } catch (IllegalArgumentException e) {
                    tests.add(DynamicTest.dynamicTest(name(file) + " directives", () -> fail(e.getMessage())));
                    continue;
                }
                tests.add(DynamicTest.dynamicTest(name(file) + " has cases",
                    () -> assertFalse(cases.isEmpty(), "no '// run' or '// eval' case in " + file)));
                for (RunCase c : cases) {
                    tests.add(DynamicTest.dynamicTest(name(file) + ":" + c.line() + " " + c.title(), c::verify));
                }
            }
        }
        return tests.stream();
    }

    /** The .xs files under dir; a missing or empty folder fails the corpus. */
    static Stream<Path> files(Path dir) throws IOException {
        assertTrue(Files.isDirectory(dir), () -> "the corpus folder " + dir.toAbsolutePath() + " is missing");
        List<Path> found;
        try (Stream<Path> walk = Files.walk(dir)) {
            found = walk.filter(p -> p.toString().endsWith(".xs")).sorted().toList();
        }
        assertFalse(found.isEmpty(), () -> "the corpus folder " + dir.toAbsolutePath() + " holds no .xs file");
        return found.stream();
    }

    static Source source(Path file) throws IOException {
        assertNotNull(file);
        return new Source(file.toString().replace('\\', '/'), Files.readString(file, StandardCharsets.UTF_8));
    }

    private static String name(Path file) {
        return ROOT.relativize(file).toString().replace('\\', '/');
    }

    private static String render(List<Diagnostic> found) {
        StringBuilder b = new StringBuilder();
        for (Diagnostic d : found) {
            b.append("  ").append(d.headline()).append('\n');
        }
        return b.toString();
    }
}
