package xs.ast;

import xs.source.Span;

/** {@code $db.t.price between 10:100} (or {@code not between}). */
public record BetweenExpr(Span span, Expr value, Expr low, Expr high, boolean negated) implements Expr {
    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitBetween(this);
    }
}
