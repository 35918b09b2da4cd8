package xs.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code xs eval} (being built). */
@Command(name = "eval", mixinStandardHelpOptions = true, description = "(being built)")
final class EvalCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("xs eval: not available yet");
        return 2;
    }
}
