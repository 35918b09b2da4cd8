package xs.diag;

import xs.source.Span;

/**
 * Renders a diagnostic for people: the headline, then the source line with a caret under the
 * spot, the way compilers people already know do it.
 * <pre>
 * a.xs:3:5: error[XS0101]: unexpected '}'
 *     3 |     }
 *       |     ^
 * </pre>
 */
public final class TextRenderer {
    private static final int MAX_EXCERPT = 200;

    public String render(Diagnostic d) {
        StringBuilder out = new StringBuilder(d.headline()).append('\n');
        Span span = d.span();
        if (span == null) {
            return out.toString();
        }
        int line = span.line();
        String text = span.source().lineText(line);
        int col = span.column();
        int from = 0;
        if (text.length() > MAX_EXCERPT) {
            from = Math.max(0, Math.min(col - 1 - MAX_EXCERPT / 2, text.length() - MAX_EXCERPT));
            text = text.substring(from, Math.min(text.length(), from + MAX_EXCERPT));
        }
        String number = Integer.toString(line);
        String gutter = " ".repeat(Math.max(4, number.length() + 1));
        out.append(pad(number, gutter.length())).append(" | ").append(visible(text)).append('\n');
        int caretAt = Math.max(0, col - 1 - from);
        int width = span.endLine() == line ? Math.max(1, span.end() - span.start()) : 1;
        width = Math.max(1, Math.min(width, text.length() - caretAt));
        StringBuilder marks = new StringBuilder();
        for (int i = 0; i < caretAt && i < text.length(); i++) {
            marks.append(text.charAt(i) == '\t' ? '\t' : ' ');
        }
        marks.append('^').append("~".repeat(width - 1));
        out.append(gutter).append(" | ").append(marks).append('\n');
        return out.toString();
    }

    private static String pad(String number, int width) {
        return " ".repeat(width - number.length()) + number;
    }

    /** Control characters would corrupt a terminal; show them as '?'. */
    private static String visible(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            b.append(c < 0x20 && c != '\t' ? '?' : c);
        }
        return b.toString();
    }
}
