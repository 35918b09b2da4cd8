package xs.ast;

import xs.source.Span;

/** {@code ...$list} inside an array literal: its elements are inserted in place. */
public record SpreadExpr(Span span, Expr value) implements Expr {
    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitSpread(this);
    }
}
