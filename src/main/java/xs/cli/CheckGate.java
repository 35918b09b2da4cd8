package xs.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import xs.check.Checker;
import xs.diag.Diagnostic;
import xs.diag.TextRenderer;

/**
 * The check every command that runs scripts does first: errors stop it with the diagnostics
 * on stderr (exit 1), as {@code xs check} would print them.
 */
final class CheckGate {
    private CheckGate() {
    }

    static boolean failed(ProgramLoader.Loaded loaded, PrintWriter err) {
        List<Diagnostic> diagnostics = new ArrayList<>(loaded.diagnostics());
        if (!loaded.hasErrors()) {
            diagnostics.addAll(new Checker(loaded.program()).check());
        }
        List<Diagnostic> errors = diagnostics.stream().filter(Diagnostic::isError).sorted(CheckCommand.ORDER).toList();
        if (errors.isEmpty()) {
            return false;
        }
        TextRenderer renderer = new TextRenderer();
        errors.forEach(d -> err.print(renderer.render(d)));
        err.println("xs: " + CheckCommand.plural(errors.size(), "error") + " in the scripts; nothing was run");
        err.flush();
        return true;
    }
}
