package xs.db;

/**
 * Sort direction of a {@code db.query} sort entry.
 *
 * <pre>sort = {created_at: "desc"}</pre>
 */
public enum Direction {
    ASC, DESC, RAND
}
