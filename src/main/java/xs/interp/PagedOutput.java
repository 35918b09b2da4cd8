package xs.interp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code output} of a paged {@code db.query} as Xano writes it: the envelope's keys beside
 * {@code items.COLUMN} for the rows' columns.
 * <pre>db.query score { return = {type: "list", paging: {page: 1, per_page: 15}}
 *   output = ["itemsReceived", "curPage", "items.score", "items.user_id"] } as $page</pre>
 *
 * @param rows the columns of each row (null: every column)
 * @param envelope the envelope keys kept, {@code items} among them when rows are asked for
 */
record PagedOutput(List<String> rows, Set<String> envelope) {
    private static final Set<String> ENVELOPE = Set.of("itemsReceived", "curPage", "nextPage", "prevPage", "offset",
        "perPage", "itemsTotal", "pageTotal", "items");

    /** The split of a paged query's output, or null when it names no envelope key (plain columns). */
    static PagedOutput of(List<String> output) {
        if (output == null || output.stream().noneMatch(c -> c.startsWith("items.") || ENVELOPE.contains(c))) {
            return null;
        }
        List<String> rows = new ArrayList<>();
        Set<String> envelope = new java.util.LinkedHashSet<>();
        for (String c : output) {
            if (c.startsWith("items.")) {
                rows.add(c.substring("items.".length()));
                envelope.add("items");
            } else {
                envelope.add(c);
            }
        }
        return new PagedOutput(rows.isEmpty() ? null : rows, envelope);
    }

    /** The envelope with only the keys asked for. */
    Object envelope(Object result) {
        if (!(result instanceof Map<?, ?> m)) {
            return result;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> {
            if (envelope.contains(String.valueOf(k))) {
                out.put(String.valueOf(k), v);
            }
        });
        return out;
    }
}
