package xs.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import xs.source.DeepStacks;

/** {@code xs}: check, run, test and serve XanoScript on your own machine. */
@Command(name = "xs", mixinStandardHelpOptions = true, version = "xs 0.1.0",
    description = "A local runtime for XanoScript (.xs).",
    subcommands = {CheckCommand.class, RunCommand.class, TestCommand.class, ServeCommand.class, TokenCommand.class,
        EvalCommand.class, ReplCommand.class, AstCommand.class, DataCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        AtomicInteger code = new AtomicInteger(2);
        // Everything runs on a deep-stack thread: scripts may nest deeply.
        Thread worker = DeepStacks.thread("xs-main", () -> code.set(execute(args)));
        worker.start();
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.out.flush();
        System.exit(code.get());
    }

    /** Runs a command line and returns its exit code: 0 ok, 1 script problems, 2 usage/IO/internal. */
    public static int execute(String... args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        return execute(out, err, args);
    }

    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof ProgramLoader.Rejected rejected) {
                return rejected.exitCode();
            }
            err.println("xs: internal error: " + e);
            err.println("This is a bug in xs, not in your script. Please report it with the stack trace below.");
            e.printStackTrace(err);
            err.flush();
            return 2;
        });
        cli.setParameterExceptionHandler((e, argv) -> {
            err.println("xs: " + e.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
            err.println("Run 'xs " + (e.getCommandLine().getCommandName().equals("xs") ? "" : e.getCommandLine().getCommandName() + " ")
                + "--help' for usage.");
            err.flush();
            return 2;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
