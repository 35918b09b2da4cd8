package xs.ast;

import java.util.List;
import xs.source.Span;

/** {@code input { int id }} or {@code schema { text name }}: typed field declarations. */
public record DeclBlock(Span span, String kind, List<InputDecl> decls) implements Member {
    public DeclBlock {
        decls = List.copyOf(decls);
    }
}
