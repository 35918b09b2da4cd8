package xs.db;

/**
 * One sort key of a {@code db.query}.
 *
 * <pre>sort = {user.created_at: "desc"}</pre>
 *
 * @param field column name, optionally prefixed with the table name, or a dotted json path
 * @param dir   direction; nulls sort as the largest value (after everything in ASC)
 */
public record Sort(String field, Direction dir) {
}
