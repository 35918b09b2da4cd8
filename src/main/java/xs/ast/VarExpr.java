package xs.ast;

import xs.source.Span;

/**
 * A variable: {@code $x} (name "x"), {@code $input}, {@code $auth}, {@code $env}, {@code $db},
 * {@code $this}, or {@code $$} (name "$"), the current element in higher-order filters.
 * {@code $var.x} is read as {@code $x}.
 */
public record VarExpr(Span span, String name) implements Expr {
    public static final String ELEMENT = "$";
    /** Stands for a statement's result in filters written after its target: {@code as $ids|get:"id"}. */
    public static final String STATEMENT_RESULT = "%result";

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitVar(this);
    }
}
