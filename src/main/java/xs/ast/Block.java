package xs.ast;

import java.util.List;
import xs.source.Span;

/** A brace block of statements, run top to bottom: {@code { var $x {…}  debug.log {…} }}. */
public record Block(Span span, List<Stmt> statements) {
    public Block {
        statements = List.copyOf(statements);
    }
}
