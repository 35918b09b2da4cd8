package xs.ast;

import java.util.List;
import xs.source.Span;

/** {@code switch ($v) { case ("a") {…} break  default {…} }}. */
public record SwitchStmt(Span span, boolean disabled, Expr subject, List<Case> cases, Block otherwise,
                         List<Attribute> attributes) implements Stmt {

    /** One {@code case (value) {…}}; without {@code break} it falls through to the next. */
    public record Case(Span span, Expr value, Block body, boolean breaks) {
    }

    public SwitchStmt {
        cases = List.copyOf(cases);
        attributes = List.copyOf(attributes);
    }

    @Override
    public <R> R accept(StmtVisitor<R> visitor) {
        return visitor.visitSwitch(this);
    }
}
