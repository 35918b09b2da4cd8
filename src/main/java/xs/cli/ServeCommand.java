package xs.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code xs serve} (being built). */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "(being built)")
final class ServeCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("xs serve: not available yet");
        return 2;
    }
}
