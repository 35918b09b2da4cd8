package xs.check;

import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import xs.ast.Construct;
import xs.ast.Expr;
import xs.ast.FilterExpr;
import xs.ast.GenericStmt;
import xs.ast.IndexExpr;
import xs.ast.Literal;
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
 * may be read after it. Xano runs such a read (the value is null), so it is a warning.
 * Also: an {@code as} target needs its {@code $} ({@code } as $row}), and a bare word that
 * names a variable ({@code response = total}) is most likely a forgotten {@code $}.
 */
final class VariableCheck {
    /** Statements whose variable argument they create or change in place. */
    private static final Set<String> WRITES_ARGUMENT = Set.of("var", "var.update", "array.push", "array.unshift",
        "array.pop", "array.shift", "array.merge", "math.add", "math.sub", "math.mul", "math.div", "math.mod",
        "math.bitwise.and", "math.bitwise.or", "math.bitwise.xor", "text.append", "text.prepend", "text.trim",
        "text.ltrim", "text.rtrim");

    /** Variables the runtime provides that a forgotten {@code $} most often hides: {@code input.id}. */
    private static final Set<String> PROVIDED_ROOTS = Set.of("input", "auth", "env");

    private final Construct construct;
    private final Regions regions;
    private final Set<String> predefined;
    private List<Diagnostic> out;

    /** {@code predefined}: variables set before the construct runs (earlier entries at the REPL). */
    VariableCheck(Construct construct, Regions regions, Set<String> predefined) {
        this.construct = construct;
        this.regions = regions;
        this.predefined = predefined;
    }

    void run(List<Diagnostic> out) {
        this.out = out;
        Set<String> assigned = new HashSet<>(predefined);
        Set<Expr> targets = Collections.newSetFromMap(new IdentityHashMap<>());
        Walk.construct(construct, new Walk.Listener() {
            @Override
            public void statement(Stmt s) {
                if (s instanceof GenericStmt g) {
                    if (g.target() != null) {
                        mark(g.target(), true);
                    }
                    if (g.argument() != null && WRITES_ARGUMENT.contains(g.name())) {
                        mark(g.argument(), false);
                    }
                } else if (s instanceof LoopStmt l && l.element() != null) {
                    mark(l.element(), true);
                }
            }

            private void mark(Expr target, boolean asTarget) {
                Expr root = target;
                while (root instanceof MemberExpr || root instanceof IndexExpr) {
                    targets.add(root);
                    root = root instanceof MemberExpr m ? m.target() : ((IndexExpr) root).target();
                }
                if (root instanceof VarExpr v) {
                    assigned.add(v.name());
                    targets.add(v);
                    reserved(v);
                    if (asTarget && v.span().text().equals(v.name()) && !regions.isDisabled(v)) {
                        out.add(Diagnostic.error(Code.XS0218, v.span(), "'as' needs a variable, written with $: as $"
                            + v.name()));
                    }
                }
            }
        });
        Set<String> reported = new HashSet<>();
        Walk.construct(construct, new Walk.Listener() {
            @Override
            public void expression(Expr e) {
                if (e instanceof VarExpr v && !targets.contains(v) && !assigned.contains(v.name())
                    && !Reserved.isProvided(v.name()) && !regions.isDisabled(v) && reported.add(v.name())) {
                    out.add(Diagnostic.warning(Code.XS0201, v.span(), "$" + v.name() + " is read but never assigned in "
                        + construct.title() + ": it is null (assign it with var $" + v.name() + " { value = … } or 'as $"
                        + v.name() + "')"));
                }
            }
        });
        bareWords(assigned);
    }

    /**
     * {@code response = total} where {@code $total} exists is the text "total", and
     * {@code field_value = input.id} reads a field of the text "input": both are almost surely
     * a forgotten {@code $}. Statement arguments (table names) and filter arguments
     * ({@code |sort:name:text:desc}) are words by design and are left alone.
     */
    private void bareWords(Set<String> assigned) {
        Set<Expr> words = Collections.newSetFromMap(new IdentityHashMap<>());
        Walk.construct(construct, new Walk.Listener() {
            @Override
            public void statement(Stmt s) {
                if (s instanceof GenericStmt g && g.argument() != null) {
                    Walk.expression(g.argument(), into(words));
                }
            }

            @Override
            public void expression(Expr e) {
                if (e instanceof FilterExpr f) {
                    f.args().forEach(a -> Walk.expression(a, into(words)));
                    return;
                }
                if (words.contains(e) || regions.isDisabled(e)) {
                    return;
                }
                if (e instanceof MemberExpr || e instanceof IndexExpr) {
                    Expr root = e;
                    while (root instanceof MemberExpr || root instanceof IndexExpr) {
                        words.add(root);
                        root = root instanceof MemberExpr m ? m.target() : ((IndexExpr) root).target();
                    }
                    words.add(root);
                    String word = bare(root);
                    if (word != null && (assigned.contains(word) || PROVIDED_ROOTS.contains(word))) {
                        String path = e.span().text();
                        out.add(Diagnostic.warning(Code.XS0221, e.span(), "'" + path + "' reads a field of the text \""
                            + word + "\": did you mean '$" + path + "'?"));
                    }
                } else if (bare(e) != null && assigned.contains(bare(e))) {
                    String word = bare(e);
                    out.add(Diagnostic.warning(Code.XS0221, e.span(), "the bare word " + word + " is the text \"" + word
                        + "\", not the variable: did you mean '$" + word + "'?"));
                }
            }
        });
    }

    private static String bare(Expr e) {
        return e instanceof Literal l && l.bare() && l.value() instanceof String s ? s : null;
    }

    private static Walk.Listener into(Set<Expr> set) {
        return new Walk.Listener() {
            @Override
            public void expression(Expr e) {
                set.add(e);
            }
        };
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
