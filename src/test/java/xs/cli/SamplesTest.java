package xs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every sample checks clean, every test block in samples/ passes, and every {@code ./xs}
 * command the README shows works as written.
 */
class SamplesTest {
    @Test
    void samplesCheckWithoutErrorsOrWarnings() {
        Cli.Result r = Cli.run("check", "samples/");
        assertEquals(0, r.code(), r.out());
        assertTrue(r.out().strip().endsWith("0 errors, 0 warnings"), r.out());
    }

    @Test
    void sampleTestBlocksPass() {
        Cli.Result r = Cli.run("test", "samples/");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().strip().matches("[1-9][0-9]* passed, 0 failed"), r.out());
    }

    @TestFactory
    Stream<DynamicTest> readmeCommandsWork() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("README.md"))) {
            String command = line.strip().replaceAll("^`|`$", "");
            if (!command.startsWith("./xs ") || command.startsWith("./xs serve") || command.startsWith("./xs repl")) {
                continue;
            }
            List<String> words = words(command.substring(5));
            boolean refused = line.strip().startsWith("`");
            tests.add(DynamicTest.dynamicTest(command, () -> {
                Cli.Result r = Cli.run(words.toArray(new String[0]));
                assertEquals(refused ? 1 : 0, r.code(), r.out() + r.err());
            }));
        }
        assertTrue(tests.size() >= 8, "README lists too few sample commands: " + tests.size());
        return tests.stream();
    }

    /** Splits a command line like a POSIX shell does for the quoting the README uses. */
    static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (char c : line.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '#' && !inWord) {
                break;
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
