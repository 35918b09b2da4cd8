package xs.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs the xs command line in-process and captures what it prints, on scripts a test writes:
 * <pre>Cli.Result r = Cli.run("run", Cli.write(dir, "f.xs", SCRIPT).toString(), "--format", "json");</pre>
 */
final class Cli {
    record Result(int code, String out, String err) {
    }

    private Cli() {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    /** Writes a script (or any file) at name under dir, making its folders; returns its path. */
    static Path write(Path dir, String name, String text) throws IOException {
        Path file = dir.resolve(name);
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        return Files.writeString(file, text);
    }
}
