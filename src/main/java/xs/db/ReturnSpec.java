package xs.db;

/**
 * The {@code return} attribute of a {@code db.query}.
 *
 * <pre>return = {type: "count"}</pre>
 *
 * @param type   list, single, count or exists
 * @param paging paging of a list, or null
 */
public record ReturnSpec(String type, Paging paging) {
    public static ReturnSpec list() {
        return new ReturnSpec("list", null);
    }
}
