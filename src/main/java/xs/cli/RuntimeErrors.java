package xs.cli;

import xs.diag.Diagnostic;
import xs.diag.TextRenderer;
import xs.interp.XsError;

/** Renders a runtime error for people: the diagnostic with its source line, then the call chain. */
final class RuntimeErrors {
    private RuntimeErrors() {
    }

    static Diagnostic diagnostic(XsError e) {
        return Diagnostic.error(e.code(), e.span(), e.getMessage());
    }

    static String render(XsError e) {
        StringBuilder out = new StringBuilder(new TextRenderer().render(diagnostic(e)));
        for (String frame : e.frames()) {
            out.append("  called by ").append(frame).append('\n');
        }
        if (e.param() != null) {
            out.append("  param: ").append(e.param()).append('\n');
        }
        return out.toString();
    }
}
