package xs.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code xs repl} (being built). */
@Command(name = "repl", mixinStandardHelpOptions = true, description = "(being built)")
final class ReplCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("xs repl: not available yet");
        return 2;
    }
}
