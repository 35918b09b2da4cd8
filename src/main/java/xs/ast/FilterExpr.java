package xs.ast;

import java.util.List;
import xs.source.Span;

/**
 * One filter applied to a subject: {@code $list|map:$$.total} is a FilterExpr named "map" with
 * subject {@code $list} and one argument. A chain nests: {@code $l|map:$$.t|sum} is
 * {@code sum(map($l, $$.t))}. The subject is null in {@code (|uuid)}.
 */
public record FilterExpr(Span span, Expr subject, String name, Span nameSpan, boolean disabled,
                         List<Expr> args) implements Expr {

    public FilterExpr {
        args = List.copyOf(args);
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitFilter(this);
    }
}
