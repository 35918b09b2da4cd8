package xs.cli;

import java.util.ArrayList;
import java.util.List;

import xs.ast.Attribute;
import xs.ast.Block;
import xs.ast.Construct;
import xs.ast.Expr;
import xs.ast.GenericStmt;
import xs.ast.Member;
import xs.ast.StackClause;
import xs.ast.Stmt;
import xs.ast.VarExpr;
import xs.diag.Diagnostic;
import xs.source.Source;
import xs.source.Span;
import xs.syntax.ScriptParser;

/**
 * Reads what a learner types at {@code xs eval} or {@code xs repl}, one expression or a few
 * statements, into a construct the interpreter can run: its stack is the statements, its
 * response the expression.
 */
final class Snippets {
    private Snippets() {
    }

    /** A runnable snippet; {@code shows} is the variable whose value to show after statements. */
    record Snippet(Construct construct, String shows, boolean expression) {
    }

    static Snippet expression(Source source, List<Diagnostic> diagnostics) {
        Expr e = new ScriptParser().parseExpression(source, diagnostics);
        if (e == null || diagnostics.stream().anyMatch(Diagnostic::isError)) {
            return null;
        }
        Span span = e.span();
        Construct c = new Construct(span, "eval", span, "<eval>", span, null,
            List.of(new Attribute(span, "response", span, e, false)));
        return new Snippet(c, null, true);
    }

    /** Statements, followed by a response holding every variable so the REPL can keep them. */
    static Snippet statements(Source source, List<Diagnostic> diagnostics, String varsName) {
        List<Member> members = new ScriptParser().parseSnippet(source, diagnostics);
        if (members == null || diagnostics.stream().anyMatch(Diagnostic::isError)) {
            return null;
        }
        List<Stmt> statements = new ArrayList<>();
        String shows = null;
        for (Member m : members) {
            if (!(m instanceof Stmt s)) {
                diagnostics.add(Diagnostic.error(xs.diag.Code.XS0109, m.span(),
                    "only statements and expressions can be run here"));
                return null;
            }
            statements.add(s);
            shows = shown(s);
        }
        Span span = new Span(source, 0, source.text().length());
        VarExpr vars = new VarExpr(span, varsName);
        statements.add(new GenericStmt(span, false, "util.get_vars", span, null, null, null, List.of(), vars, null));
        Construct c = new Construct(span, "repl", span, "<repl>", span, null, List.of(
            new StackClause(span, new Block(span, statements)),
            new Attribute(span, "response", span, vars, false)));
        return new Snippet(c, shows, false);
    }

    private static final java.util.regex.Pattern ASSIGNMENT =
        java.util.regex.Pattern.compile("(?s)\\s*(var(?:\\.update)?)\\s+\\$?([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*(.+?)\\s*");

    /**
     * The right form of a common wrong entry, or null: {@code var $y = 5} is written
     * {@code var $y { value = 5 }} in XanoScript.
     */
    static String hint(String text) {
        java.util.regex.Matcher m = ASSIGNMENT.matcher(text);
        if (m.matches()) {
            return "XanoScript sets a variable with a block: " + m.group(1) + " $" + m.group(2) + " { value = "
                + m.group(3) + " }";
        }
        return null;
    }

    /** The variable a statement writes: {@code var $x} shows $x, {@code … as $y} shows $y. */
    private static String shown(Stmt s) {
        if (s instanceof GenericStmt g) {
            Expr target = g.target() != null ? g.target() : g.argument();
            while (target instanceof xs.ast.MemberExpr m) {
                target = m.target();
            }
            if (target instanceof VarExpr v && (g.target() != null || g.name().startsWith("var")
                || g.name().startsWith("array.") || g.name().startsWith("math.") || g.name().startsWith("text."))) {
                return v.name();
            }
        }
        return null;
    }

}
