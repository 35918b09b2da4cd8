package xs.ast;

import java.util.List;
import java.util.Optional;
import xs.source.Span;

/**
 * A statement of the common shape {@code name arg if (cond) verb=X { members } as $target}:
 * {@code db.get user { field_value = 1 } as $u}, {@code var $x { value = 1 }},
 * {@code function.run "f" as $r}, {@code array.find $list if ($this > 1) as $hit}.
 *
 * @param argument  the positional argument: a name or string (as a {@link Literal}), a
 *                  variable path, or a parenthesised expression; null when absent
 * @param condition the {@code if (…)} of array statements; null when absent
 * @param target    the {@code as $var} path; null when absent
 * @param resultFilters filters written after the target ({@code as $ids|get:"id"}), applied to the
 *                  result before it is stored; their innermost subject is a VarExpr named
 *                  {@link VarExpr#STATEMENT_RESULT}; null when absent
 */
public record GenericStmt(Span span, boolean disabled, String name, Span nameSpan, Expr argument,
                          Expr condition, String verb, List<Member> members, Expr target,
                          Expr resultFilters) implements Stmt {

    public GenericStmt {
        members = List.copyOf(members);
    }

    public Optional<Expr> attribute(String key) {
        return Members.attribute(members, key);
    }

    public Optional<Block> stack() {
        return Members.stack(members);
    }

    @Override
    public <R> R accept(StmtVisitor<R> visitor) {
        return visitor.visitGeneric(this);
    }
}
