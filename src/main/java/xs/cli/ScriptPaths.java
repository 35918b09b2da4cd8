package xs.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The {@code PATH...} of a command that reads scripts, e.g. {@code xs test apis/ functions/}, and their
 * loading: a missing path or scripts with errors end the command with the exit code of
 * {@link ProgramLoader.Rejected}, their reason printed on the command's stderr.
 */
final class ScriptPaths {
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders of .xs scripts.")
    List<Path> paths;

    PrintWriter out() {
        return command.commandLine().getOut();
    }

    PrintWriter err() {
        return command.commandLine().getErr();
    }

    /** Every script, errors and all, for a command that reports them itself. */
    ProgramLoader.Loaded load() throws ProgramLoader.Rejected, IOException {
        return ProgramLoader.loadFound(paths, err());
    }

    /** Scripts without errors, for a command that runs them. */
    ProgramLoader.Loaded loadChecked() throws ProgramLoader.Rejected, IOException {
        return ProgramLoader.loadChecked(paths, err());
    }
}
