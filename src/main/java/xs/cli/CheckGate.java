package xs.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import xs.check.Checker;
import xs.diag.Diagnostic;
import xs.diag.Severity;
import xs.diag.TextRenderer;

/**
 * The check every command that runs scripts does first: errors stop it with the diagnostics
 * on stderr (exit 1), as {@code xs check} would print them. Warnings do not stop it (Xano runs
 * such scripts too); their count is printed once, in one line.
 */
final class CheckGate {
    private CheckGate() {
    }

    /** Every diagnostic of the program: the loader's, then the checker's when it parsed. */
    static List<Diagnostic> diagnostics(ProgramLoader.Loaded loaded) {
        List<Diagnostic> diagnostics = new ArrayList<>(loaded.diagnostics());
        if (!loaded.hasErrors()) {
            diagnostics.addAll(new Checker(loaded.program()).check());
        }
        diagnostics.sort(CheckCommand.ORDER);
        return diagnostics;
    }

    static boolean failed(ProgramLoader.Loaded loaded, PrintWriter err) {
        return failed(diagnostics(loaded), err);
    }

    /** Prints the errors (or the count of warnings); true when there are errors. */
    static boolean failed(List<Diagnostic> diagnostics, PrintWriter err) {
        List<Diagnostic> errors = diagnostics.stream().filter(Diagnostic::isError).toList();
        if (errors.isEmpty()) {
            long warnings = diagnostics.stream().filter(d -> d.severity() == Severity.WARNING).count();
            if (warnings > 0) {
                err.println("xs: " + CheckCommand.plural(warnings, "warning") + " in the scripts (xs check lists them)");
                err.flush();
            }
            return false;
        }
        TextRenderer renderer = new TextRenderer();
        errors.forEach(d -> err.print(renderer.render(d)));
        err.println("xs: " + CheckCommand.plural(errors.size(), "error") + " in the scripts; nothing was run");
        err.flush();
        return true;
    }
}
