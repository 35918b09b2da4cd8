package xs.ast;

import xs.source.Span;

/** {@code now}: the current time as epoch milliseconds. */
public record NowExpr(Span span) implements Expr {
    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitNow(this);
    }
}
