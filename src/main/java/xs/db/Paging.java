package xs.db;

/**
 * The {@code paging} block of a {@code db.query} return.
 *
 * <pre>return = {type: "list", paging: {page: 2, per_page: 25, totals: true}}</pre>
 *
 * @param page    1-based page number
 * @param perPage rows per page, at least 1
 * @param offset  rows skipped before the first page
 * @param totals  whether the envelope also carries itemsTotal and pageTotal
 */
public record Paging(long page, long perPage, long offset, boolean totals) {
}
