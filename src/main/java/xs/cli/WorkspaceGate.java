package xs.cli;

import java.io.PrintWriter;
import java.util.List;
import xs.diag.Diagnostic;
import xs.diag.TextRenderer;
import xs.workspace.Workspace;

/**
 * What {@code xs serve} (and {@code xs run}, {@code xs test}) checks of a workspace after its scripts pass: route collisions stop it
 * (exit 1, as Xano refuses to save them); other findings are printed once as warnings.
 */
final class WorkspaceGate {
    private WorkspaceGate() {
    }

    static boolean failed(Workspace workspace, PrintWriter err) {
        return failed(workspace, err, "nothing was served");
    }

    /** @param outcome what the command did not do because of the errors ("no test ran") */
    static boolean failed(Workspace workspace, PrintWriter err, String outcome) {
        List<Diagnostic> problems = workspace.problems().stream().sorted(CheckCommand.ORDER).toList();
        TextRenderer renderer = new TextRenderer();
        problems.forEach(d -> err.print(renderer.render(d)));
        long errors = problems.stream().filter(Diagnostic::isError).count();
        if (errors > 0) {
            err.println("xs: " + CheckCommand.plural((int) errors, "error") + " in the workspace; " + outcome);
        }
        err.flush();
        return errors > 0;
    }
}
