package xs.ast;

import xs.source.Span;

/**
 * {@code left op right}: arithmetic, {@code ~} concatenation, comparisons, {@code &&},
 * {@code ||}, {@code ??}, {@code ..} ranges and the where-clause operators.
 *
 * @param ignoreIfNull written {@code ==?} (and the like): in a where clause the condition
 *                     drops out when the right side is null
 */
public record BinaryExpr(Span span, BinaryOp op, Expr left, Expr right, boolean ignoreIfNull) implements Expr {
    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitBinary(this);
    }
}
