package xs.db;

import java.util.List;

/**
 * One side of a where-clause comparison: a column of the queried table or an already evaluated value.
 *
 * <pre>($db.post.title|to_lower) includes $input.q</pre>
 */
public sealed interface Operand {
    /**
     * A column reference such as {@code $db.user.email}.
     *
     * @param table   the table named in the reference; the queried table is always meant
     * @param field   column name, or a dotted path into a json column ({@code meta.color})
     * @param filters database-side filters applied in order
     */
    record Column(String table, String field, List<ColumnFilter> filters) implements Operand {
        public Column {
            filters = filters == null ? List.of() : List.copyOf(filters);
        }

        public Column(String table, String field) {
            this(table, field, List.of());
        }
    }

    /** A value computed by the caller, e.g. {@code $input.email} or a literal. */
    record Constant(Object value) implements Operand {
    }
}
