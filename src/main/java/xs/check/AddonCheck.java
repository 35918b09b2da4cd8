package xs.check;

import java.util.List;
import xs.ast.ArrayExpr;
import xs.ast.Construct;
import xs.ast.Expr;
import xs.ast.GenericStmt;
import xs.ast.Literal;
import xs.ast.ObjectExpr;
import xs.ast.Stmt;
import xs.ast.Walk;
import xs.diag.Code;
import xs.diag.Diagnostic;

/**
 * Checks the entries of {@code addon = [...]} on db statements. An entry without {@code as}
 * (nested ones too) is what Xano saves when an addon was attached with no destination: it
 * accepts it but cannot put the addon's result on the row (Xano's own SDK refuses to write one
 * for that reason), so the rows come back without it. xs runs it the same way, and says so.
 * <pre>db.query post { addon = [{name: "author", input: {author_id: $output.author_id}}] } as $posts</pre>
 */
final class AddonCheck {
    private final Construct construct;
    private final Regions regions;

    AddonCheck(Construct construct, Regions regions) {
        this.construct = construct;
        this.regions = regions;
    }

    void run(List<Diagnostic> out) {
        Walk.construct(construct, new Walk.Listener() {
            @Override
            public void statement(Stmt s) {
                if (s instanceof GenericStmt g && !regions.isDisabled(g)) {
                    g.attribute("addon").ifPresent(list -> entries(list, out));
                }
            }
        });
    }

    private static void entries(Expr list, List<Diagnostic> out) {
        if (!(list instanceof ArrayExpr array)) {
            return;
        }
        for (Expr element : array.elements()) {
            if (!(element instanceof ObjectExpr entry)) {
                continue;
            }
            String name = null;
            boolean destination = false;
            for (ObjectExpr.Entry e : entry.entries()) {
                if (e.isSpread() || e.disabled()) {
                    continue;
                }
                switch (e.key()) {
                    case "name" -> name = e.value() instanceof Literal l && l.value() instanceof String s ? s : null;
                    case "as" -> destination = !(e.value() instanceof Literal l && "".equals(l.value()));
                    case "addon" -> entries(e.value(), out);
                    default -> {
                    }
                }
            }
            if (!destination) {
                String shown = name == null ? "NAME" : name;
                out.add(Diagnostic.warning(Code.XS0215, entry.span(), "addon \"" + shown + "\" has no as: Xano saves "
                    + "this entry but cannot put the addon's result on the row, so the rows come back without it "
                    + "(xs does the same); to have it, name the field it goes to: as: \"_" + shown + "\" (on a paged "
                    + "result, as: \"items._" + shown + "\")"));
            }
        }
    }
}
