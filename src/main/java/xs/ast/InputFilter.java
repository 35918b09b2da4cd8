package xs.ast;

import java.util.List;
import xs.source.Span;

/**
 * One input filter of a declaration, {@code max:1000} in {@code filters=trim|max:1000}.
 * Arguments are literal values: String, Long, BigDecimal, Boolean, null or {@link RegexLiteral}.
 */
public record InputFilter(Span span, String name, boolean disabled, List<Object> args) implements Node {
    public InputFilter {
        args = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(args));
    }
}
