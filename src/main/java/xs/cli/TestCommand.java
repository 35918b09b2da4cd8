package xs.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code xs test} (being built). */
@Command(name = "test", mixinStandardHelpOptions = true, description = "(being built)")
final class TestCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("xs test: not available yet");
        return 2;
    }
}
