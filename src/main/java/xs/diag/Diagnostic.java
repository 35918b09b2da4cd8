package xs.diag;

import xs.source.Span;

/**
 * One finding about a script: a parse error, a static check or a runtime failure, with where
 * it happened. Rendered as {@code file:line:col: error[XS0101]: message}.
 */
public record Diagnostic(Severity severity, Code code, String message, Span span) {

    public static Diagnostic error(Code code, Span span, String message) {
        return new Diagnostic(Severity.ERROR, code, message, span);
    }

    public static Diagnostic warning(Code code, Span span, String message) {
        return new Diagnostic(Severity.WARNING, code, message, span);
    }

    public static Diagnostic note(Code code, Span span, String message) {
        return new Diagnostic(Severity.NOTE, code, message, span);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The first line of the rendering, without source excerpt. */
    public String headline() {
        String where = span == null ? "" : span + ": ";
        return where + severity.label() + "[" + code + "]: " + message;
    }
}
