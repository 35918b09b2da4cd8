package xs.ast;

import java.util.List;
import xs.source.Span;

/** {@code conditional { if (…) {…} elseif (…) {…} else {…} }}. */
public record ConditionalStmt(Span span, boolean disabled, List<Branch> branches, Block otherwise,
                              List<Attribute> attributes) implements Stmt {

    /** One {@code if} or {@code elseif} arm. */
    public record Branch(Span span, Expr condition, Block body) {
    }

    public ConditionalStmt {
        branches = List.copyOf(branches);
        attributes = List.copyOf(attributes);
    }

    @Override
    public <R> R accept(StmtVisitor<R> visitor) {
        return visitor.visitConditional(this);
    }
}
