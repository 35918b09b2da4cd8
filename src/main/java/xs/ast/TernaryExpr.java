package xs.ast;

import xs.source.Span;

/** {@code condition ? then : otherwise}. */
public record TernaryExpr(Span span, Expr condition, Expr then, Expr otherwise) implements Expr {
    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitTernary(this);
    }
}
