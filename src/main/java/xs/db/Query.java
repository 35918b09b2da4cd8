package xs.db;

import java.util.List;
import java.util.Map;

/**
 * A {@code db.query} statement with its attributes already evaluated.
 *
 * <pre>db.query post { where = $db.post.published == true  sort = {created_at: "desc"} } as $posts</pre>
 *
 * @param table  queried table
 * @param where  filter, or null for every row
 * @param sort   sort keys, or null/empty for id order (insertion order)
 * @param ret    return type and paging, or null for a plain list
 * @param output columns to return, in this order, or null/empty for all
 * @param eval   computed columns added to each returned row, or null
 */
public record Query(String table, Condition where, List<Sort> sort, ReturnSpec ret, List<String> output,
                    Map<String, Operand> eval) {
    /** Every row of a table, as a list. */
    public static Query all(String table) {
        return new Query(table, null, null, null, null, null);
    }

    public static Query where(String table, Condition where) {
        return new Query(table, where, null, null, null, null);
    }
}
