package xs.ast;

import xs.source.Span;

/** {@code !x} (logical not) or {@code -x} (negation). */
public record UnaryExpr(Span span, String op, Expr operand) implements Expr {
    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitUnary(this);
    }
}
