package xs.db;

import java.util.List;
import xs.db.value.ColumnFilters;

/**
 * A database-side filter applied to a column inside a where clause or eval.
 *
 * <pre>($db.user.name|to_lower) == "ada"</pre>
 *
 * @param name filter name, e.g. to_lower, add, timestamp_year
 * @param args evaluated argument values
 */
public record ColumnFilter(String name, List<Object> args) {
    public ColumnFilter {
        args = args == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(args));
    }

    public ColumnFilter(String name, Object... args) {
        this(name, java.util.Arrays.asList(args));
    }

    /** Whether the database can apply a filter of this name to a column. */
    public static boolean isKnown(String name) {
        return ColumnFilters.isKnown(name);
    }

    /** Applies the filter to one value, as the database would to a column's value. */
    public Object apply(Object value) {
        return ColumnFilters.compile(this).apply(value);
    }
}
