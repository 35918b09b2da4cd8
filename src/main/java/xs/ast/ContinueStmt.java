package xs.ast;

import xs.source.Span;

/** {@code continue}: starts the next iteration of the innermost loop. */
public record ContinueStmt(Span span, boolean disabled) implements Stmt {
    @Override
    public <R> R accept(StmtVisitor<R> visitor) {
        return visitor.visitContinue(this);
    }
}
