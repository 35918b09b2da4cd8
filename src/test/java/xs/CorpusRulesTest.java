package xs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/** The corpus runner itself can fail: empty folders, missing goldens and misspelled directives are errors. */
class CorpusRulesTest {
    @TempDir
    Path dir;

    @Test
    void aMissingOrEmptyCorpusFolderFails() throws Exception {
        assertThrows(AssertionFailedError.class, () -> CorpusTest.files(dir.resolve("missing")));
        Files.writeString(dir.resolve("notes.txt"), "no scripts here");
        AssertionFailedError empty = assertThrows(AssertionFailedError.class, () -> CorpusTest.files(dir));
        assertTrue(empty.getMessage().contains("holds no .xs file"), empty.getMessage());
        Files.writeString(dir.resolve("a.xs"), "");
        assertEquals(1, CorpusTest.files(dir).count());
    }

    @Test
    void aMissingGoldenFailsAndIsNotWritten() throws Exception {
        Path golden = dir.resolve("x.ast");
        AssertionFailedError missing = assertThrows(AssertionFailedError.class,
            () -> CorpusTest.assertGolden(golden, "(dump)\n", false));
        assertTrue(missing.getMessage().contains("-Dxs.updateGoldens=true"), missing.getMessage());
        assertFalse(Files.exists(golden), "outside update mode nothing is written");
        assertThrows(AssertionFailedError.class, () -> CorpusTest.assertGolden(golden, "(dump)\n", false),
            "and it keeps failing");

        CorpusTest.assertGolden(golden, "(dump)\n", true);
        assertEquals("(dump)\n", Files.readString(golden), "update mode writes the dump");
        CorpusTest.assertGolden(golden, "(dump)\n", false);
        assertThrows(AssertionFailedError.class, () -> CorpusTest.assertGolden(golden, "(other)\n", false));
    }

    @Test
    void aMisspelledDirectiveFailsTheFile() {
        String text = """
            // run add_one {"n": 1}
            // exepct {"n": 3}
            function add_one {
              input { int n }
              stack {}
              response = {n: $input.n + 1}
            }
            """;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunCase.parse(Path.of("t.xs"), text));
        assertTrue(e.getMessage().contains("t.xs:2") && e.getMessage().contains("exepct"), e.getMessage());
    }

    @Test
    void aDirectiveAwayFromItsCaseFailsTheFile() {
        String text = """
            // run add_one {"n": 1}

            // expect {"n": 3}
            function add_one {
              stack {}
              response = 1
            }
            """;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunCase.parse(Path.of("t.xs"), text));
        assertTrue(e.getMessage().contains("t.xs:3") && e.getMessage().contains("not part of a case"), e.getMessage());
    }

    @Test
    void aWellFormedCaseParsesWithProseAround() {
        String text = """
            // Adds one. This prose is no directive.
            // run add_one {"n": 1}
            // user 7
            // expect {"n": 2}
            function add_one {
              stack {}
              response = 1
            }
            """;
        assertEquals(1, RunCase.parse(Path.of("t.xs"), text).size());
    }
}
