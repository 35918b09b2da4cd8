package xs.ast;

import xs.source.Span;

/** {@code target[index]}: {@code $list[0]}, {@code $obj["key"]}. */
public record IndexExpr(Span span, Expr target, Expr index) implements Expr {
    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitIndex(this);
    }
}
