package xs.ast;

import xs.source.Span;

/** {@code stack { … }}: the statements a construct (or group, transaction, trigger) runs. */
public record StackClause(Span span, Block block) implements Member {
}
