package xs.interp;

import java.util.ArrayList;
import java.util.List;
import xs.ast.BetweenExpr;
import xs.ast.BinaryExpr;
import xs.ast.BinaryOp;
import xs.ast.Expr;
import xs.ast.FilterExpr;
import xs.ast.MemberExpr;
import xs.ast.UnaryExpr;
import xs.ast.VarExpr;
import xs.db.ColumnFilter;
import xs.db.Condition;
import xs.db.Op;
import xs.db.Operand;

/**
 * Translates a where clause ({@code $db.order.total > $input.min && $db.order.paid}) into the
 * database's own condition model. Column references stay columns; everything else is
 * evaluated in the frame first and passed as a constant, so the database never sees
 * interpreter types. {@code ==?} and its siblings drop out when their right side is null.
 */
final class WhereCompiler {
    /** Builds the condition for one run of the statement. */
    interface Plan {
        Condition build(Frame frame);
    }

    /** Builds an operand (a column, or a constant evaluated in the frame). */
    interface OperandPlan {
        Operand build(Frame frame);
    }

    private final Compilation c;

    WhereCompiler(Compilation compilation) {
        this.c = compilation;
    }

    Plan compile(Expr e) {
        if (e == null) {
            return f -> new Condition.Always(true);
        }
        if (e instanceof BinaryExpr b && (b.op() == BinaryOp.AND || b.op() == BinaryOp.OR)) {
            List<Plan> parts = new ArrayList<>();
            flatten(b.op(), b, parts);
            boolean and = b.op() == BinaryOp.AND;
            return f -> {
                List<Condition> built = new ArrayList<>(parts.size());
                for (Plan p : parts) {
                    built.add(p.build(f));
                }
                return and ? new Condition.And(built) : new Condition.Or(built);
            };
        }
        if (e instanceof UnaryExpr u && u.op().equals("!") && mentionsColumn(u.operand())) {
            Plan inner = compile(u.operand());
            return f -> new Condition.Not(inner.build(f));
        }
        if (e instanceof BetweenExpr b && mentionsColumn(b)) {
            OperandPlan value = operand(b.value());
            OperandPlan low = operand(b.low());
            OperandPlan high = operand(b.high());
            return f -> new Condition.Between(value.build(f), low.build(f), high.build(f), b.negated());
        }
        if (e instanceof BinaryExpr b && mentionsColumn(b)) {
            return comparison(b);
        }
        if (isColumn(e)) {
            // A bare boolean column: `where = $db.task.done`.
            OperandPlan column = operand(e);
            return f -> new Condition.Compare(column.build(f), Op.EQ, new Operand.Constant(true));
        }
        Eval value = c.expr(e);
        return f -> new Condition.Always(Values.truthy(value.eval(f)));
    }

    private void flatten(BinaryOp op, Expr e, List<Plan> out) {
        if (e instanceof BinaryExpr b && b.op() == op) {
            flatten(op, b.left(), out);
            flatten(op, b.right(), out);
        } else {
            out.add(compile(e));
        }
    }

    private Plan comparison(BinaryExpr b) {
        boolean swap = !isColumnSide(b.left()) && isColumnSide(b.right());
        Expr left = swap ? b.right() : b.left();
        Expr right = swap ? b.left() : b.right();
        Op op = op(b.op(), swap, b);
        OperandPlan l = operand(left);
        OperandPlan r = operand(right);
        boolean ignoreIfNull = b.ignoreIfNull();
        return f -> {
            Operand rhs = r.build(f);
            if (ignoreIfNull && rhs instanceof Operand.Constant k && k.value() == null) {
                return new Condition.Always(true);
            }
            return new Condition.Compare(l.build(f), op, rhs);
        };
    }

    private static Op op(BinaryOp op, boolean swapped, BinaryExpr at) {
        switch (op) {
            case EQ: return Op.EQ;
            case NE: return Op.NE;
            case STRICT_EQ: return Op.STRICT_EQ;
            case STRICT_NE: return Op.STRICT_NE;
            case GT: return swapped ? Op.LT : Op.GT;
            case GE: return swapped ? Op.LE : Op.GE;
            case LT: return swapped ? Op.GT : Op.LT;
            case LE: return swapped ? Op.GE : Op.LE;
            // `$input.tag in $db.post.tags` asks whether the column holds the value.
            case IN: return swapped ? Op.CONTAINS : Op.IN;
            case NOT_IN: return swapped ? Op.NOT_CONTAINS : Op.NOT_IN;
            case CONTAINS: return swapped ? Op.IN : Op.CONTAINS;
            case NOT_CONTAINS: return swapped ? Op.NOT_IN : Op.NOT_CONTAINS;
            case INCLUDES: return Op.INCLUDES;
            case NOT_INCLUDES: return Op.NOT_INCLUDES;
            case LIKE: return Op.LIKE;
            case NOT_LIKE: return Op.NOT_LIKE;
            case ILIKE: return Op.ILIKE;
            case NOT_ILIKE: return Op.NOT_ILIKE;
            case CONCAT: return Op.REGEX;
            case NOT_REGEX: return Op.NOT_REGEX;
            // Full-text search has no index here: it matches case-insensitive substrings.
            case SEARCH: return Op.INCLUDES;
            case NOT_SEARCH: return Op.NOT_INCLUDES;
            case OVERLAPS: return Op.OVERLAPS;
            case NOT_OVERLAPS: return Op.NOT_OVERLAPS;
            case JSON_CONTAINS: return Op.JSON_CONTAINS;
            default:
                throw XsError.runtime(at.span(), "the operator '" + op.symbol() + "' cannot compare a column in a where clause");
        }
    }

    /** A column reference, possibly through database-side filters, or a constant. */
    OperandPlan operand(Expr e) {
        if (isColumn(e)) {
            List<String> path = new ArrayList<>();
            Expr at = e;
            while (at instanceof MemberExpr m) {
                path.add(0, m.name());
                at = m.target();
            }
            if (path.size() < 2) {
                throw XsError.runtime(e.span(), "a column reference needs a table and a field: $db.table.field");
            }
            Operand.Column column = new Operand.Column(path.get(0), String.join(".", path.subList(1, path.size())));
            return f -> column;
        }
        if (e instanceof FilterExpr fe && isColumnSide(fe)) {
            OperandPlan subject = operand(fe.subject());
            List<Eval> args = new ArrayList<>();
            for (Expr a : fe.args()) {
                args.add(c.expr(a));
            }
            String name = fe.name();
            return f -> {
                Operand.Column base = (Operand.Column) subject.build(f);
                List<ColumnFilter> filters = new ArrayList<>(base.filters());
                List<Object> values = new ArrayList<>();
                for (Eval a : args) {
                    values.add(a.eval(f));
                }
                filters.add(new ColumnFilter(name, values));
                return new Operand.Column(base.table(), base.field(), filters);
            };
        }
        if (e instanceof FilterExpr fe && !fe.disabled() && !c.interpreter.filters().has(fe.name())
            && ColumnFilter.isKnown(fe.name())) {
            // A database filter on a value: `$db.post.created_at < ("now"|timestamp_add_days:-14)`.
            OperandPlan subject = operand(fe.subject());
            List<Eval> args = new ArrayList<>();
            for (Expr a : fe.args()) {
                args.add(c.expr(a));
            }
            String name = fe.name();
            return f -> {
                List<Object> values = new ArrayList<>();
                for (Eval a : args) {
                    values.add(a.eval(f));
                }
                Operand.Constant base = (Operand.Constant) subject.build(f);
                try {
                    return new Operand.Constant(new ColumnFilter(name, values).apply(base.value()));
                } catch (xs.db.DbException x) {
                    throw DbStatements.translate(x, fe.span());
                }
            };
        }
        Eval value = c.expr(e);
        return f -> new Operand.Constant(value.eval(f));
    }

    static boolean isColumn(Expr e) {
        Expr at = e;
        while (at instanceof MemberExpr m) {
            at = m.target();
        }
        return at instanceof VarExpr v && v.name().equals("db") && at != e;
    }

    private static boolean isColumnSide(Expr e) {
        return isColumn(e) || (e instanceof FilterExpr f && f.subject() != null && isColumnSide(f.subject()));
    }

    private static boolean mentionsColumn(Expr e) {
        if (isColumnSide(e)) {
            return true;
        }
        if (e instanceof BinaryExpr b) {
            return mentionsColumn(b.left()) || mentionsColumn(b.right());
        }
        if (e instanceof BetweenExpr b) {
            return isColumnSide(b.value());
        }
        if (e instanceof UnaryExpr u) {
            return mentionsColumn(u.operand());
        }
        return false;
    }
}
