package xs.ast;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Lookups over a member list, shared by constructs, statements and declarations. */
public final class Members {
    private Members() {
    }

    /** The value of the last enabled {@code key = value} with this key. */
    public static Optional<Expr> attribute(List<Member> members, String key) {
        Expr found = null;
        for (Member m : members) {
            if (m instanceof Attribute a && !a.disabled() && a.key().equals(key)) {
                found = a.value();
            }
        }
        return Optional.ofNullable(found);
    }

    public static Optional<Attribute> attributeNode(List<Member> members, String key) {
        Attribute found = null;
        for (Member m : members) {
            if (m instanceof Attribute a && !a.disabled() && a.key().equals(key)) {
                found = a;
            }
        }
        return Optional.ofNullable(found);
    }

    public static List<Attribute> attributes(List<Member> members) {
        List<Attribute> out = new ArrayList<>();
        for (Member m : members) {
            if (m instanceof Attribute a) {
                out.add(a);
            }
        }
        return out;
    }

    public static Optional<DeclBlock> declBlock(List<Member> members, String kind) {
        for (Member m : members) {
            if (m instanceof DeclBlock d && d.kind().equals(kind)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    public static Optional<Block> stack(List<Member> members) {
        for (Member m : members) {
            if (m instanceof StackClause s) {
                return Optional.of(s.block());
            }
        }
        return Optional.empty();
    }

    /** Nested statements of a block, such as the {@code expect.*} lines of a test. */
    public static List<Stmt> statements(List<Member> members) {
        List<Stmt> out = new ArrayList<>();
        for (Member m : members) {
            if (m instanceof Stmt s) {
                out.add(s);
            }
        }
        return out;
    }
}
