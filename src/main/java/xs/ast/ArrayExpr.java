package xs.ast;

import java.util.List;
import xs.source.Span;

/** {@code [1, 2, ...$more]}: an array literal. */
public record ArrayExpr(Span span, List<Expr> elements) implements Expr {
    public ArrayExpr {
        elements = List.copyOf(elements);
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitArray(this);
    }
}
