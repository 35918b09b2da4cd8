package xs.ast;

import xs.source.Span;

/** {@code key = value}: one setting of a construct or statement, e.g. {@code response = $user}. */
public record Attribute(Span span, String key, Span keySpan, Expr value, boolean disabled) implements Member {
}
