package xs.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code xs token} (being built). */
@Command(name = "token", mixinStandardHelpOptions = true, description = "(being built)")
final class TokenCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("xs token: not available yet");
        return 2;
    }
}
