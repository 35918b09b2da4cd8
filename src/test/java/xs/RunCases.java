package xs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import xs.db.Database;

/** The {@code // run} cases of a corpus file, for tests outside this package (other engines). */
public final class RunCases {
    private RunCases() {
    }

    /** One case: its name and a run against a fresh database. */
    public record Case(String name, RunCase runCase) {
        public void verify(Database db) throws Exception {
            runCase.verify(db);
        }
    }

    public static List<Case> of(Path file) throws IOException {
        List<Case> out = new ArrayList<>();
        for (RunCase c : RunCase.parse(file, Files.readString(file))) {
            out.add(new Case(file.getFileName() + ":" + c.line() + " " + c.title(), c));
        }
        return out;
    }
}
