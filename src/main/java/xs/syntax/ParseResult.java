package xs.syntax;

import java.util.List;
import xs.ast.Script;
import xs.diag.Diagnostic;

/**
 * What parsing one file produced: the script (null when a syntax error prevents building it)
 * and every diagnostic found on the way.
 */
public record ParseResult(Script script, List<Diagnostic> diagnostics) {
    public ParseResult {
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
