package xs.ast;

import java.util.List;
import xs.source.Span;

/**
 * {@code foreach ($list) { each as $item {…} }}, {@code for (10) { each as $i {…} }} or
 * {@code while ($c) { each {…} }}.
 *
 * @param element the {@code each as} variable; null when not named
 */
public record LoopStmt(Span span, boolean disabled, Kind kind, Expr subject, Expr element, Block body,
                       List<Attribute> attributes) implements Stmt {

    public enum Kind { FOREACH, FOR, WHILE }

    public LoopStmt {
        attributes = List.copyOf(attributes);
    }

    @Override
    public <R> R accept(StmtVisitor<R> visitor) {
        return visitor.visitLoop(this);
    }
}
