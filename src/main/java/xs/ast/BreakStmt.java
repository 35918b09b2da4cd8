package xs.ast;

import xs.source.Span;

/** {@code break}: leaves the innermost loop. */
public record BreakStmt(Span span, boolean disabled) implements Stmt {
    @Override
    public <R> R accept(StmtVisitor<R> visitor) {
        return visitor.visitBreak(this);
    }
}
