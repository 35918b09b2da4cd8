package xs.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code xs repl}: type statements and expressions line by line, with editing and history;
 * variables persist between lines. Unclosed blocks continue on the next line.
 */
@Command(name = "repl", mixinStandardHelpOptions = true,
    description = "Interactive XanoScript: statements and expressions line by line; :help explains, :vars lists"
        + " variables, :quit (or exit, Ctrl-D) quits.")
final class ReplCommand implements Callable<Integer> {
    @Option(names = "--history", paramLabel = "FILE", description = "History file (default: ~/.xs_history).")
    Path history;

    @Override
    public Integer call() throws IOException {
        try (Terminal terminal = TerminalBuilder.builder().system(true).dumb(true).build()) {
            Path file = history != null ? history : Path.of(System.getProperty("user.home"), ".xs_history");
            LineReader reader = LineReaderBuilder.builder().terminal(terminal)
                .variable(LineReader.HISTORY_FILE, file)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .build();
            PrintWriter out = terminal.writer();
            out.println("xs repl: type XanoScript statements or expressions; :help for help, :quit to leave.");
            Repl repl = new Repl(out);
            while (true) {
                StringBuilder entry = new StringBuilder();
                try {
                    entry.append(reader.readLine("xs> "));
                    while (Repl.incomplete(entry.toString())) {
                        entry.append('\n').append(reader.readLine("... "));
                    }
                } catch (UserInterruptException e) {
                    continue;
                } catch (EndOfFileException e) {
                    break;
                }
                if (Repl.isQuit(entry.toString())) {
                    break;
                }
                repl.evaluate(entry.toString());
                out.flush();
            }
        }
        return 0;
    }
}
