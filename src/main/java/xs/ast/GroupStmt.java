package xs.ast;

import java.util.List;
import xs.source.Span;

/** {@code group { description = "…"  stack {…} }}: organisation only, no scope. */
public record GroupStmt(Span span, boolean disabled, Block body, List<Attribute> attributes) implements Stmt {

    public GroupStmt {
        attributes = List.copyOf(attributes);
    }

    @Override
    public <R> R accept(StmtVisitor<R> visitor) {
        return visitor.visitGroup(this);
    }
}
