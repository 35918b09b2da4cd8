package xs.db.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import xs.db.ColumnSchema;
import xs.db.Condition;
import xs.db.Op;
import xs.db.Operand;
import xs.db.value.Coercion;
import xs.db.value.Comparisons;

/**
 * Turns a {@link Condition} into a predicate over stored rows of one table. Work that does not
 * depend on the row (column slots, filter functions, patterns, typing constants) happens once.
 */
final class ConditionCompiler {
    private final Layout layout;

    ConditionCompiler(Layout layout) {
        this.layout = layout;
    }

    Predicate<Object[]> compile(Condition condition) {
        if (condition == null) return row -> true;
        if (condition instanceof Condition.Always a) {
            boolean v = a.value();
            return row -> v;
        }
        if (condition instanceof Condition.Not n) return compile(n.inner()).negate();
        if (condition instanceof Condition.And and) {
            List<Predicate<Object[]>> parts = compileAll(and.parts());
            return row -> {
                for (Predicate<Object[]> p : parts) if (!p.test(row)) return false;
                return true;
            };
        }
        if (condition instanceof Condition.Or or) {
            List<Predicate<Object[]>> parts = compileAll(or.parts());
            return row -> {
                for (Predicate<Object[]> p : parts) if (p.test(row)) return true;
                return false;
            };
        }
        if (condition instanceof Condition.Between b) return between(b);
        return compare((Condition.Compare) condition);
    }

    private List<Predicate<Object[]>> compileAll(List<Condition> conditions) {
        List<Predicate<Object[]>> out = new ArrayList<>(conditions.size());
        for (Condition c : conditions) out.add(compile(c));
        return out;
    }

    private Predicate<Object[]> compare(Condition.Compare c) {
        Op op = c.op();
        Operand left = c.left(), right = c.right();
        ColumnSchema typedLeft = typed(left), typedRight = typed(right);
        if (typedLeft != null && right instanceof Operand.Constant k) right = new Operand.Constant(Coercion.forComparison(typedLeft, op, k.value()));
        if (typedRight != null && left instanceof Operand.Constant k) left = new Operand.Constant(Coercion.forComparison(typedRight, op, k.value()));
        RowValue a = Operands.compile(layout, left), b = Operands.compile(layout, right);
        Pattern pattern = right instanceof Operand.Constant k ? Comparisons.pattern(op, k.value()) : null;
        return row -> Comparisons.test(op, a.of(row), b.of(row), pattern);
    }

    private Predicate<Object[]> between(Condition.Between b) {
        ColumnSchema typed = typed(b.value());
        RowValue v = Operands.compile(layout, b.value());
        RowValue low = Operands.compile(layout, typedBound(typed, b.low()));
        RowValue high = Operands.compile(layout, typedBound(typed, b.high()));
        boolean negated = b.negated();
        return row -> Comparisons.between(v.of(row), low.of(row), high.of(row)) != negated;
    }

    private Operand typedBound(ColumnSchema typed, Operand bound) {
        if (typed == null || !(bound instanceof Operand.Constant k)) return bound;
        return new Operand.Constant(Coercion.forComparison(typed, Op.GE, k.value()));
    }

    /** The declared column behind a bare column operand, whose type constants are coerced to. */
    private ColumnSchema typed(Operand operand) {
        String column = Operands.bareColumn(layout, operand);
        return column == null ? null : layout.typedColumn(column);
    }
}
