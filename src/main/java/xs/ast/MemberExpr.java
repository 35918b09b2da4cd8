package xs.ast;

import xs.source.Span;

/** {@code target.name}: a field of an object ({@code $user.email}); missing fields are null. */
public record MemberExpr(Span span, Expr target, String name) implements Expr {
    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitMember(this);
    }
}
