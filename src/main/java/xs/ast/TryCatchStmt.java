package xs.ast;

import java.util.List;
import xs.source.Span;

/** {@code try_catch { try {…} catch {…} finally {…} }}; catch and finally may be absent. */
public record TryCatchStmt(Span span, boolean disabled, Block tryBlock, Block catchBlock, Block finallyBlock,
                           List<Attribute> attributes) implements Stmt {

    public TryCatchStmt {
        attributes = List.copyOf(attributes);
    }

    @Override
    public <R> R accept(StmtVisitor<R> visitor) {
        return visitor.visitTryCatch(this);
    }
}
