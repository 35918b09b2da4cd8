package xs.ast;

import java.util.List;
import xs.source.Span;

/** {@code {id: $m.id, "a b": 2, ...$rest}}: an ordered object literal. */
public record ObjectExpr(Span span, List<Entry> entries) implements Expr {

    /**
     * One entry. A spread entry ({@code ...$x}) has a null key; a disabled one ({@code !k: v})
     * is skipped.
     */
    public record Entry(Span span, String key, Expr value, boolean disabled) {
        public boolean isSpread() {
            return key == null;
        }
    }

    public ObjectExpr {
        entries = List.copyOf(entries);
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitObject(this);
    }
}
