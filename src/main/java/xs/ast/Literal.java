package xs.ast;

import xs.source.Span;

/**
 * A constant: {@code 42}, {@code 1.5}, {@code "text"}, {@code true}, {@code null}, a bare word
 * ({@code desc} in {@code |sort:x:text:desc}) or an unquoted timestamp (as epoch ms).
 * The value is null, Boolean, Long, BigDecimal or String.
 *
 * @param bare true for a bare word, which is a string the author did not quote
 */
public record Literal(Span span, Object value, boolean bare) implements Expr {
    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitLiteral(this);
    }
}
