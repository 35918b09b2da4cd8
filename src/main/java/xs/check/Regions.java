package xs.check;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import xs.ast.Attribute;
import xs.ast.Construct;
import xs.ast.Expr;
import xs.ast.FilterExpr;
import xs.ast.GenericStmt;
import xs.ast.Member;
import xs.ast.Members;
import xs.ast.ObjectExpr;
import xs.ast.Stmt;
import xs.ast.Walk;

/**
 * Marks two kinds of expressions in a construct: disabled ones ({@code !db.get …},
 * {@code |!set:"k":$input.x}, {@code {!key: …}}), which never run and so are not checked, and
 * those in the attributes of a db statement ({@code where}, {@code eval}, …), where the
 * database's own filters may be used.
 */
final class Regions {
    private final Set<Expr> disabled = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<Expr> database = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<Stmt> disabledStatements = Collections.newSetFromMap(new IdentityHashMap<>());

    Regions(Construct construct) {
        Walk.construct(construct, new Walk.Listener() {
            @Override
            public void statement(Stmt s) {
                if (s.disabled()) {
                    Walk.members(List.<Member>of(s), new Walk.Listener() {
                        @Override
                        public void statement(Stmt inner) {
                            disabledStatements.add(inner);
                        }

                        @Override
                        public void expression(Expr e) {
                            disabled.add(e);
                        }
                    });
                }
                if (s instanceof GenericStmt g) {
                    for (Attribute a : Members.attributes(g.members())) {
                        if (a.disabled()) {
                            Walk.expression(a.value(), into(disabled));
                        }
                        if (g.name().startsWith("db.")) {
                            Walk.expression(a.value(), into(database));
                        }
                    }
                }
            }

            @Override
            public void expression(Expr e) {
                if (e instanceof FilterExpr f && f.disabled()) {
                    for (Expr arg : f.args()) {
                        Walk.expression(arg, into(disabled));
                    }
                } else if (e instanceof ObjectExpr o) {
                    for (ObjectExpr.Entry entry : o.entries()) {
                        if (entry.disabled()) {
                            Walk.expression(entry.value(), into(disabled));
                        }
                    }
                }
            }
        });
    }

    private static Walk.Listener into(Set<Expr> set) {
        return new Walk.Listener() {
            @Override
            public void expression(Expr e) {
                set.add(e);
            }
        };
    }

    /** Not run: inside a disabled statement, attribute, filter argument or object entry. */
    boolean isDisabled(Expr e) {
        return disabled.contains(e);
    }

    /** A disabled statement, or one inside a disabled statement. */
    boolean isDisabled(Stmt s) {
        return disabledStatements.contains(s);
    }

    /** Inside an attribute of a db.* statement. */
    boolean inDatabase(Expr e) {
        return database.contains(e);
    }
}
