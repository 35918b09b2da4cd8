package xs.syntax;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import xs.ast.Program;
import xs.check.Checker;
import xs.source.DeepStacks;
import xs.source.Source;

/**
 * Mutates the corpus thousands of times (deleting, inserting, duplicating and cutting text) and
 * feeds every mutant to the parser and the checker: each must end in diagnostics or success,
 * with no exception escaping and no input hanging. A fixed seed keeps failures repeatable.
 */
class MutationFuzzTest {
    private static final int MUTANTS = 4000;
    private static final String SYNTAX = "{}()[]\"'`|:$.,=!?<>&~+-*/%#\n \t\\0123456789aZ_";

    @Test
    void mutatedScriptsNeverCrashTheFrontEnd() throws Exception {
        List<String> seeds = new ArrayList<>();
        for (String dir : List.of("tests/syntax", "tests/run", "tests/check", "samples")) {
            Path p = Path.of(dir);
            assertTrue(Files.isDirectory(p), () -> p.toAbsolutePath() + " is missing");
            try (Stream<Path> walk = Files.walk(p)) {
                for (Path f : walk.filter(x -> x.toString().endsWith(".xs")).sorted().toList()) {
                    seeds.add(Files.readString(f));
                }
            }
        }
        assertTrue(seeds.size() >= 3, "too few corpus files to mutate");
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicInteger current = new AtomicInteger();
        int[] counts = new int[2];
        Thread worker = DeepStacks.thread("fuzz", () -> {
            Random random = new Random(20261127L);
            ScriptParser parser = new ScriptParser();
            for (int i = 0; i < MUTANTS && failure.get() == null; i++) {
                String mutant = mutate(seeds.get(random.nextInt(seeds.size())), random);
                current.set(i);
                try {
                    ParseResult r = parser.parse(new Source("mutant" + i + ".xs", mutant));
                    if (r.script() != null) {
                        new Checker(new Program(List.of(r.script()))).check();
                        counts[0]++;
                    } else {
                        assertTrue(r.hasErrors(), "no script and no error for mutant " + i);
                        counts[1]++;
                    }
                } catch (Throwable e) {
                    failure.set(new AssertionError("mutant " + i + " crashed:\n" + mutant, e));
                }
            }
        });
        worker.start();
        // A guard against a hang (a mutant that never finishes), not a benchmark: the whole run takes
        // seconds, so minutes of silence mean the front end is stuck.
        worker.join(TimeUnit.MINUTES.toMillis(5));
        if (worker.isAlive()) {
            worker.interrupt();
            throw new AssertionError("mutant " + current.get() + " has not finished parsing and checking after 5 minutes");
        }
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
        assertTrue(counts[0] > 0 && counts[1] > 0, "mutations should yield both valid and broken scripts");
    }

    private static String mutate(String text, Random random) {
        StringBuilder b = new StringBuilder(text);
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && b.length() > 0; e++) {
            int at = random.nextInt(b.length());
            switch (random.nextInt(6)) {
                case 0 -> b.deleteCharAt(at);
                case 1 -> b.insert(at, SYNTAX.charAt(random.nextInt(SYNTAX.length())));
                case 2 -> {
                    int end = Math.min(b.length(), at + 1 + random.nextInt(40));
                    b.insert(random.nextInt(b.length()), b.substring(at, end));
                }
                case 3 -> b.setLength(at);
                case 4 -> {
                    int end = Math.min(b.length(), at + 1 + random.nextInt(20));
                    b.delete(at, end);
                }
                default -> b.setCharAt(at, (char) random.nextInt(0x3000));
            }
        }
        return b.toString();
    }
}
