package xs.db;

import java.util.List;
import java.util.Map;

/**
 * SQL sent straight to the database server, for {@code db.direct_query}; only an engine with a
 * SQL server behind it offers it ({@link Database#directSql()}).
 *
 * <pre>db.direct_query { sql = "SELECT * FROM note WHERE id = ?"  arg = 1  response_type = "single" } as $note</pre>
 *
 * <p>Each {@code ?} of the SQL takes the next argument as a bound parameter; each {@code ?:raw}
 * pastes the next argument into the SQL as text, unquoted; {@code ??} is a literal {@code ?}.
 * Rows come back as the engine's rows do: Long, BigDecimal, String, Boolean, epoch-ms timestamps,
 * json as Lists and Maps. Writes made this way bypass password hashing and table triggers.
 */
public interface DirectSql {
    /**
     * Runs the SQL (one statement, or several separated by {@code ;}, run in one transaction)
     * and returns the rows of the last statement; none for a statement that returns no rows.
     * A refused statement is a DbException whose message names the position in the SQL.
     */
    List<Map<String, Object>> run(String sql, List<Object> args);
}
