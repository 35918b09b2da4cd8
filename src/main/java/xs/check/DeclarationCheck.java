package xs.check;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import xs.ast.Construct;
import xs.ast.DeclBlock;
import xs.ast.Expr;
import xs.ast.GenericStmt;
import xs.ast.IndexExpr;
import xs.ast.InputDecl;
import xs.ast.Literal;
import xs.ast.Member;
import xs.ast.MemberExpr;
import xs.ast.Stmt;
import xs.ast.VarExpr;
import xs.ast.Walk;
import xs.diag.Code;
import xs.diag.Diagnostic;
import xs.diag.Suggest;

/**
 * Checks declarations: input and schema fields of a type Xano has, each name once per block,
 * a size range that can be met ({@code text[1:10] tags}); and that {@code var} declares a
 * {@code $variable}.
 */
final class DeclarationCheck {
    /** The field types of Xano's engine. */
    static final Set<String> TYPES = Set.of("int", "decimal", "text", "bool", "email", "password", "uuid",
        "timestamp", "date", "json", "enum", "object", "vector", "file", "image", "video", "audio", "attachment",
        "geo_point", "geo_multipoint", "geo_linestring", "geo_multilinestring", "geo_polygon", "geo_multipolygon",
        "dblink");

    private final Construct construct;

    DeclarationCheck(Construct construct) {
        this.construct = construct;
    }

    void run(List<Diagnostic> out) {
        for (Member m : construct.members()) {
            if (m instanceof DeclBlock d) {
                block(d, out);
            }
        }
        Walk.construct(construct, new Walk.Listener() {
            @Override
            public void statement(Stmt s) {
                if (s instanceof GenericStmt g && !g.disabled() && (g.name().equals("var") || g.name().equals("var.update"))
                    && g.argument() != null && !isVariable(g.argument())) {
                    String name = g.argument() instanceof Literal l && l.value() instanceof String w ? w : "name";
                    out.add(Diagnostic.error(Code.XS0218, g.argument().span(), g.name() + " needs a variable, written with $: "
                        + g.name() + " $" + name + " { value = … }"));
                }
            }
        });
    }

    private static boolean isVariable(Expr e) {
        Expr at = e;
        while (at instanceof MemberExpr || at instanceof IndexExpr) {
            at = at instanceof MemberExpr m ? m.target() : ((IndexExpr) at).target();
        }
        return at instanceof VarExpr;
    }

    private void block(DeclBlock block, List<Diagnostic> out) {
        Set<String> seen = new HashSet<>();
        for (InputDecl d : block.decls()) {
            if (d.disabled()) {
                continue;
            }
            if (!TYPES.contains(d.type())) {
                String hint = LearnerHints.type(d.type());
                out.add(Diagnostic.error(Code.XS0218, d.typeSpan(), "unknown type '" + d.type() + "'"
                    + (hint != null ? hint : Suggest.didYouMean(d.type(), TYPES) + ": fields are int, decimal, text, bool,"
                    + " timestamp, json, enum, object, email, uuid and the other Xano types")));
            }
            if (d.name() != null && !seen.add(d.name())) {
                out.add(Diagnostic.error(Code.XS0218, d.nameSpan(), "'" + d.name() + "' is declared twice in this "
                    + block.kind() + " block"));
            }
            if (d.minItems() != null && d.maxItems() != null && d.minItems() > d.maxItems()) {
                out.add(Diagnostic.error(Code.XS0218, d.typeSpan(), "the size range [" + d.minItems() + ":"
                    + d.maxItems() + "] can never be met: the minimum is above the maximum"));
            }
            d.schema().ifPresent(s -> block(s, out));
        }
    }
}
