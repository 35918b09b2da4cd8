package xs.ast;

import java.util.List;

/**
 * Visits every statement and expression under a construct, in source order, for analyses
 * that care about all of them (the checker's variable and filter checks).
 */
public final class Walk {
    /** Callbacks; override what you need. */
    public interface Listener {
        default void statement(Stmt s) {
        }

        default void expression(Expr e) {
        }

        default void declaration(InputDecl d) {
        }
    }

    private final Listener listener;

    private Walk(Listener listener) {
        this.listener = listener;
    }

    public static void construct(Construct c, Listener listener) {
        new Walk(listener).members(c.members());
    }

    public static void members(List<Member> members, Listener listener) {
        new Walk(listener).members(members);
    }

    public static void expression(Expr e, Listener listener) {
        new Walk(listener).expr(e);
    }

    private void members(List<Member> members) {
        for (Member m : members) {
            if (m instanceof Attribute a) {
                expr(a.value());
            } else if (m instanceof DeclBlock d) {
                for (InputDecl decl : d.decls()) {
                    decl(decl);
                }
            } else if (m instanceof StackClause s) {
                block(s.block());
            } else {
                stmt((Stmt) m);
            }
        }
    }

    private void decl(InputDecl d) {
        listener.declaration(d);
        expr(d.defaultValue());
        members(d.members());
    }

    private void block(Block b) {
        if (b == null) {
            return;
        }
        for (Stmt s : b.statements()) {
            stmt(s);
        }
    }

    private void attributes(List<Attribute> attributes) {
        for (Attribute a : attributes) {
            expr(a.value());
        }
    }

    private void stmt(Stmt s) {
        listener.statement(s);
        if (s instanceof GenericStmt g) {
            expr(g.argument());
            expr(g.condition());
            members(g.members());
            expr(g.target());
            expr(g.resultFilters());
        } else if (s instanceof ConditionalStmt c) {
            attributes(c.attributes());
            for (ConditionalStmt.Branch b : c.branches()) {
                expr(b.condition());
                block(b.body());
            }
            block(c.otherwise());
        } else if (s instanceof SwitchStmt sw) {
            attributes(sw.attributes());
            expr(sw.subject());
            for (SwitchStmt.Case k : sw.cases()) {
                expr(k.value());
                block(k.body());
            }
            block(sw.otherwise());
        } else if (s instanceof LoopStmt l) {
            attributes(l.attributes());
            expr(l.subject());
            expr(l.element());
            block(l.body());
        } else if (s instanceof TryCatchStmt t) {
            attributes(t.attributes());
            block(t.tryBlock());
            block(t.catchBlock());
            block(t.finallyBlock());
        } else if (s instanceof GroupStmt g) {
            attributes(g.attributes());
            block(g.body());
        }
    }

    private void expr(Expr e) {
        if (e == null) {
            return;
        }
        listener.expression(e);
        if (e instanceof MemberExpr m) {
            expr(m.target());
        } else if (e instanceof IndexExpr i) {
            expr(i.target());
            expr(i.index());
        } else if (e instanceof UnaryExpr u) {
            expr(u.operand());
        } else if (e instanceof BinaryExpr b) {
            expr(b.left());
            expr(b.right());
        } else if (e instanceof BetweenExpr b) {
            expr(b.value());
            expr(b.low());
            expr(b.high());
        } else if (e instanceof TernaryExpr t) {
            expr(t.condition());
            expr(t.then());
            expr(t.otherwise());
        } else if (e instanceof FilterExpr f) {
            expr(f.subject());
            for (Expr a : f.args()) {
                expr(a);
            }
        } else if (e instanceof ObjectExpr o) {
            for (ObjectExpr.Entry entry : o.entries()) {
                expr(entry.value());
            }
        } else if (e instanceof ArrayExpr a) {
            for (Expr el : a.elements()) {
                expr(el);
            }
        } else if (e instanceof SpreadExpr s) {
            expr(s.value());
        }
    }
}
