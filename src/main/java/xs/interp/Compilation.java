package xs.interp;

import java.util.ArrayList;
import java.util.List;
import xs.ast.Block;
import xs.ast.Construct;
import xs.ast.Expr;
import xs.ast.GenericStmt;
import xs.ast.IndexExpr;
import xs.ast.MemberExpr;
import xs.ast.VarExpr;
import xs.source.Span;

/**
 * The compile session of one construct: what statement compilers use to compile their
 * attributes, blocks and {@code as} targets against the construct's slot table.
 */
final class Compilation {
    final Interpreter interpreter;
    final Construct construct;
    final SlotTable slots;
    final ExprCompiler exprs;
    final StmtCompiler statements;

    Compilation(Interpreter interpreter, Construct construct) {
        this.interpreter = interpreter;
        this.construct = construct;
        this.slots = new SlotTable();
        this.exprs = new ExprCompiler(slots, interpreter.filters());
        this.statements = new StmtCompiler(this);
    }

    Eval expr(Expr e) {
        return exprs.compile(e);
    }

    /** The attribute compiled, or null when the statement does not have it. */
    Eval attr(GenericStmt s, String key) {
        return s.attribute(key).map(this::expr).orElse(null);
    }

    /** The attribute compiled, or a constant when it is absent. */
    Eval attr(GenericStmt s, String key, Object fallback) {
        Eval e = attr(s, key);
        return e != null ? e : f -> fallback;
    }

    /** The attribute compiled; its absence is an error at this statement. */
    Eval required(GenericStmt s, String key) {
        Eval e = attr(s, key);
        if (e == null) {
            throw XsError.runtime(s.nameSpan(), s.name() + " needs the attribute '" + key + "'");
        }
        return e;
    }

    Exec block(Block block) {
        return statements.block(block);
    }

    /** The statement's {@code stack { … }}, or a block that does nothing. */
    Exec stack(GenericStmt s) {
        return s.stack().map(this::block).orElse(f -> Exec.NORMAL);
    }

    /** The {@code as $var} of a statement, or null when it has none. */
    Target as(GenericStmt s) {
        if (s.target() == null) {
            return null;
        }
        Target t = target(s.target());
        if (s.resultFilters() != null) {
            t = t.filtered(expr(s.resultFilters()), slots.slot(xs.ast.VarExpr.STATEMENT_RESULT));
        }
        return t;
    }

    /** A variable path a statement writes to: $x, $x.a, $x[0].b. */
    Target target(Expr e) {
        List<Target.Step> steps = new ArrayList<>();
        Expr at = e;
        while (!(at instanceof VarExpr)) {
            if (at instanceof MemberExpr m) {
                steps.add(0, new Target.Step(m.name(), null));
                at = m.target();
            } else if (at instanceof IndexExpr i) {
                steps.add(0, new Target.Step(null, expr(i.index())));
                at = i.target();
            } else {
                throw XsError.runtime(e.span(), "expected a variable such as $name here");
            }
        }
        String name = ((VarExpr) at).name();
        Span span = e.span();
        if (Reserved.isReserved(name)) {
            throw XsError.runtime(span, "$" + name + " is reserved and cannot be assigned");
        }
        return new Target(slots.slot(name), name, steps, span);
    }
}
