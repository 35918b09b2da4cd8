package xs.interp;

import java.util.ArrayList;
import java.util.List;
import xs.ast.Attribute;
import xs.ast.Block;
import xs.ast.Construct;
import xs.ast.Expr;
import xs.ast.GenericStmt;
import xs.ast.Literal;
import xs.ast.MemberExpr;
import xs.ast.Member;
import xs.ast.StackClause;
import xs.ast.Stmt;
import xs.ast.VarExpr;
import xs.ast.Walk;

/**
 * An addon's stack holds one {@code db.query} without {@code as}: the addon's result is that
 * query's result. This gives the last such statement a target and the construct a response
 * reading it, so the addon runs through the same path as any construct; a query on the table
 * {@code ""} (as exports write it) runs on the table its {@code where} reads.
 * <pre>addon user { input { int user_id? } stack { db.query user { where = $db.user.id == $input.user_id  return = {type: "single"} } } }</pre>
 */
final class AddonBody {
    /** The slot the query's result goes to; not a name a script can write ($ names cannot hold %). */
    static final String RESULT = "%addon";

    private AddonBody() {
    }

    static Construct of(Construct addon) {
        if (addon.attribute("response").isPresent() || addon.stack().isEmpty()) {
            return addon;
        }
        Block stack = addon.stack().get();
        List<Stmt> statements = new ArrayList<>(stack.statements());
        int last = -1;
        for (int i = statements.size() - 1; i >= 0; i--) {
            if (statements.get(i) instanceof GenericStmt g && !g.disabled() && g.target() == null) {
                last = i;
                break;
            }
        }
        if (last < 0) {
            return addon;
        }
        GenericStmt q = (GenericStmt) statements.get(last);
        VarExpr result = new VarExpr(q.span(), RESULT);
        statements.set(last, new GenericStmt(q.span(), false, q.name(), q.nameSpan(), table(q), q.condition(),
            q.verb(), q.members(), result, null));
        List<Member> members = new ArrayList<>();
        for (Member m : addon.members()) {
            members.add(m instanceof StackClause s ? new StackClause(s.span(), new Block(stack.span(), statements)) : m);
        }
        members.add(new Attribute(q.span(), "response", q.span(), result, false));
        return new Construct(addon.span(), addon.kind(), addon.kindSpan(), addon.name(), addon.nameSpan(),
            addon.verb(), members);
    }

    /**
     * Exports often write an addon's query as {@code db.query "" {...}}, and Xano runs it on the
     * addon's table: the one its {@code where} reads ({@code $db.user.id == ...}).
     */
    private static Expr table(GenericStmt q) {
        if (!(q.argument() instanceof Literal l) || !"".equals(l.value())) {
            return q.argument();
        }
        String[] found = {null};
        q.attribute("where").ifPresent(where -> Walk.expression(where, new Walk.Listener() {
            @Override
            public void expression(Expr e) {
                if (found[0] == null && e instanceof MemberExpr m && m.target() instanceof VarExpr v
                    && v.name().equals("db")) {
                    found[0] = m.name();
                }
            }
        }));
        return found[0] == null ? q.argument() : new Literal(l.span(), found[0], l.bare());
    }
}
