package xs.check;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import xs.ast.Construct;
import xs.ast.Expr;
import xs.ast.GenericStmt;
import xs.ast.IndexExpr;
import xs.ast.LoopStmt;
import xs.ast.MemberExpr;
import xs.ast.Stmt;
import xs.ast.VarExpr;
import xs.ast.Walk;
import xs.diag.Code;
import xs.diag.Diagnostic;
import xs.interp.Reserved;

/**
 * Finds variables that are read but never assigned anywhere in their construct. XanoScript has
 * no block scoping, so "assigned anywhere" is the right test: {@code $total} set inside a loop
 * may be read after it.
 */
final class VariableCheck {
    /** Statements whose variable argument they create or change in place. */
    private static final Set<String> WRITES_ARGUMENT = Set.of("var", "var.update", "array.push", "array.unshift",
        "array.pop", "array.shift", "array.merge", "math.add", "math.sub", "math.mul", "math.div", "math.mod",
        "math.bitwise.and", "math.bitwise.or", "math.bitwise.xor", "text.append", "text.prepend", "text.trim",
        "text.ltrim", "text.rtrim");

    private final Construct construct;
    private final Regions regions;
    private List<Diagnostic> out;

    VariableCheck(Construct construct, Regions regions) {
        this.construct = construct;
        this.regions = regions;
    }

    void run(List<Diagnostic> out) {
        this.out = out;
        Set<String> assigned = new HashSet<>();
        Set<Expr> targets = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        Walk.construct(construct, new Walk.Listener() {
            @Override
            public void statement(Stmt s) {
                if (s instanceof GenericStmt g) {
                    if (g.target() != null) {
                        mark(g.target());
                    }
                    if (g.argument() != null && WRITES_ARGUMENT.contains(g.name())) {
                        mark(g.argument());
                    }
                } else if (s instanceof LoopStmt l && l.element() != null) {
                    mark(l.element());
                }
            }

            private void mark(Expr target) {
                Expr root = target;
                while (root instanceof MemberExpr || root instanceof IndexExpr) {
                    targets.add(root);
                    root = root instanceof MemberExpr m ? m.target() : ((IndexExpr) root).target();
                }
                if (root instanceof VarExpr v) {
                    assigned.add(v.name());
                    targets.add(v);
                    reserved(v);
                }
            }
        });
        Set<String> reported = new HashSet<>();
        Walk.construct(construct, new Walk.Listener() {
            @Override
            public void expression(Expr e) {
                if (e instanceof VarExpr v && !targets.contains(v) && !assigned.contains(v.name())
                    && !Reserved.isProvided(v.name()) && !regions.isDisabled(v) && reported.add(v.name())) {
                    out.add(Diagnostic.error(Code.XS0201, v.span(), "$" + v.name() + " is read but never assigned in "
                        + construct.title() + " (assign it with var $" + v.name() + " { value = … } or 'as $"
                        + v.name() + "')"));
                }
            }
        });
    }

    /** Assigning a variable the runtime owns fails when the statement runs. */
    private void reserved(VarExpr v) {
        if (Reserved.isReserved(v.name()) && !v.name().isEmpty()) {
            String name = VarExpr.ELEMENT.equals(v.name()) ? "$$" : "$" + v.name();
            out.add(Diagnostic.error(Code.XS0216, v.span(), name + " is reserved: the runtime sets it and"
                + " a script cannot assign it (choose another name)"));
        }
    }
}
