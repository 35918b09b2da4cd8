package xs.ast;

import java.util.List;
import java.util.Optional;
import xs.source.Span;

/**
 * One typed field of an {@code input} or table {@code schema} block:
 * {@code text[] tags? filters=trim|max:10 { description = "…" }}.
 *
 * @param nullable   {@code ?} after the type: the value may be null
 * @param optional   {@code ?} after the name (or a default): the field may be omitted
 * @param minItems   for {@code text[1:10]}, the size range; null otherwise
 * @param members    the attribute block: description, values (enum), table, nested schema
 */
public record InputDecl(
        Span span,
        boolean disabled,
        String type,
        Span typeSpan,
        boolean array,
        Long minItems,
        Long maxItems,
        boolean nullable,
        String name,
        Span nameSpan,
        boolean optional,
        Expr defaultValue,
        List<InputFilter> filters,
        List<Member> members) implements Node {

    public InputDecl {
        filters = List.copyOf(filters);
        members = List.copyOf(members);
    }

    public Optional<Expr> attribute(String key) {
        return Members.attribute(members, key);
    }

    /** The nested {@code schema { … }} of an object field, if any. */
    public Optional<DeclBlock> schema() {
        return Members.declBlock(members, "schema");
    }
}
