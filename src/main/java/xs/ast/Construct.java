package xs.ast;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import xs.source.Span;

/**
 * A top-level declaration: {@code function "f" {…}}, {@code query "x" verb=GET {…}},
 * {@code table user {…}}, {@code realtime_channel "room:*" {…}}, {@code realtime_trigger …}
 * and every other kind Xano exports. One record serves all kinds; the kind is a word.
 */
public record Construct(Span span, String kind, Span kindSpan, String name, Span nameSpan, String verb,
                        List<Member> members) implements Node {

    public Construct {
        members = List.copyOf(members);
    }

    public Optional<Expr> attribute(String key) {
        return Members.attribute(members, key);
    }

    public Optional<DeclBlock> input() {
        return Members.declBlock(members, "input");
    }

    public Optional<DeclBlock> schema() {
        return Members.declBlock(members, "schema");
    }

    public Optional<Block> stack() {
        return Members.stack(members);
    }

    /** Sub-blocks such as {@code test "name" {…}}: statements at construct level. */
    public List<GenericStmt> subBlocks(String name) {
        List<GenericStmt> out = new ArrayList<>();
        for (Member m : members) {
            if (m instanceof GenericStmt g && g.name().equals(name) && !g.disabled()) {
                out.add(g);
            }
        }
        return out;
    }

    /** The name to show in messages: {@code function "f"}. */
    public String title() {
        return name == null ? kind : kind + " \"" + name + "\"";
    }
}
