package xs.db.postgres;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Savepoint;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import xs.db.DbException;
import xs.db.DirectSql;

/**
 * {@code db.direct_query} on PostgreSQL: the statements of a {@link SqlTemplate} run on this
 * thread's transaction or a pooled connection, their rows read as xs values the way the engine
 * reads its own columns (int8 as Long, numeric as BigDecimal, timestamptz as epoch ms, jsonb as
 * Lists and Maps).
 *
 * <pre>db.direct_query { sql = "SELECT count(*) AS n FROM note"  response_type = "single" } as $count</pre>
 *
 * <p>Arguments are bound with no declared type, as text PostgreSQL reads in the type the SQL
 * needs there ({@code id = ?} with "5" or 5 compares numbers), as Xano's PHP driver binds them.
 */
final class PgDirectQuery implements DirectSql {
    private static final Pattern UNTYPED = Pattern.compile("parameter \\$(\\d+)");
    private final PgConnections connections;

    PgDirectQuery(PgConnections connections) {
        this.connections = connections;
    }

    @Override
    public List<Map<String, Object>> run(String sql, List<Object> args) {
        SqlTemplate.Prepared prepared = SqlTemplate.prepare(sql, args);
        if (prepared.statements().isEmpty()) {
            return List.of();
        }
        Supplier<List<Map<String, Object>>> all = () -> connections.call("(direct_query)", c -> {
            List<Map<String, Object>> rows = List.of();
            for (SqlTemplate.Statement statement : prepared.statements()) {
                rows = execute(c, prepared, statement);
            }
            return rows;
        });
        return prepared.statements().size() == 1 || connections.inTransaction() ? all.get() : connections.transaction(all);
    }

    private static List<Map<String, Object>> execute(Connection c, SqlTemplate.Prepared prepared, SqlTemplate.Statement statement)
        throws SQLException {
        Set<Integer> asText = new HashSet<>();
        while (true) {
            Savepoint savepoint = c.getAutoCommit() ? null : c.setSavepoint();
            try {
                List<Map<String, Object>> rows = attempt(c, statement, asText);
                if (savepoint != null) {
                    c.releaseSavepoint(savepoint);
                }
                return rows;
            } catch (SQLException e) {
                if (savepoint != null) {
                    c.rollback(savepoint);
                }
                Integer untyped = untypedParameter(e);
                if (untyped == null || !asText.add(untyped)) {
                    throw refused(e, prepared, statement);
                }
            }
        }
    }

    /**
     * The parameter PostgreSQL could not type ({@code ? IS NULL} alone says nothing of its
     * type): the statement runs again with it bound as text, as a quoted literal would read.
     */
    private static Integer untypedParameter(SQLException e) {
        if (!"42P18".equals(e.getSQLState()) || e.getMessage() == null) {
            return null;
        }
        Matcher m = UNTYPED.matcher(e.getMessage());
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    private static List<Map<String, Object>> attempt(Connection c, SqlTemplate.Statement statement, Set<Integer> asText)
        throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(statement.sql())) {
            for (int i = 0; i < statement.args().size(); i++) {
                bind(ps, i + 1, statement.args().get(i), asText.contains(i + 1));
            }
            boolean rowsFirst = ps.execute();
            for (boolean hasRows = rowsFirst; ; hasRows = ps.getMoreResults()) {
                if (hasRows) {
                    try (ResultSet rs = ps.getResultSet()) {
                        return read(rs);
                    }
                }
                if (ps.getUpdateCount() == -1) {
                    return List.of();
                }
            }
        }
    }

    /** Every argument as untyped text (json for lists and objects), null as an untyped NULL; or as text when asked. */
    private static void bind(PreparedStatement ps, int index, Object value, boolean text) throws SQLException {
        if (value == null) {
            ps.setNull(index, text ? Types.VARCHAR : Types.OTHER);
        } else if (text) {
            ps.setString(index, SqlTemplate.rawText(value));
        } else {
            ps.setObject(index, SqlTemplate.rawText(value), Types.OTHER);
        }
    }

    private static List<Map<String, Object>> read(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        int columns = meta.getColumnCount();
        List<Map<String, Object>> rows = new ArrayList<>();
        while (rs.next()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 1; i <= columns; i++) {
                row.put(meta.getColumnLabel(i), value(rs, i, meta.getColumnType(i), meta.getColumnTypeName(i)));
            }
            rows.add(row);
        }
        return rows;
    }

    /** One column as an xs value, by its SQL type. */
    static Object value(ResultSet rs, int i, int type, String typeName) throws SQLException {
        Object raw = rs.getObject(i);
        if (raw == null) {
            return null;
        }
        switch (typeName) {
            case "timestamptz":
                return rs.getObject(i, OffsetDateTime.class).toInstant().toEpochMilli();
            case "timestamp":
                return rs.getTimestamp(i, java.util.Calendar.getInstance(java.util.TimeZone.getTimeZone(ZoneOffset.UTC))).getTime();
            case "json", "jsonb":
                return JsonText.read(raw.toString());
            case "date":
                return rs.getString(i);
            default:
                break;
        }
        return switch (type) {
            case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> ((Number) raw).longValue();
            case Types.NUMERIC, Types.DECIMAL, Types.DOUBLE, Types.REAL, Types.FLOAT -> decimal(rs.getString(i));
            case Types.BIT, Types.BOOLEAN -> raw instanceof Boolean ? raw : rs.getString(i);
            case Types.ARRAY -> array(rs.getArray(i));
            default -> rs.getString(i);
        };
    }

    /** A number as BigDecimal; NaN and the infinities (which have none) as text. */
    private static Object decimal(String text) {
        try {
            return new BigDecimal(text.replace("$", "").replace(",", ""));
        } catch (NumberFormatException e) {
            return text;
        }
    }

    private static List<Object> array(Array array) throws SQLException {
        List<Object> out = new ArrayList<>();
        try (ResultSet rs = array.getResultSet()) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                out.add(value(rs, 2, meta.getColumnType(2), meta.getColumnTypeName(2)));
            }
        }
        return out;
    }

    /**
     * A statement PostgreSQL refused, as a message that names the place in the SQL; a lost
     * connection or a duplicate key goes back as the engine's other errors do.
     */
    private static RuntimeException refused(SQLException e, SqlTemplate.Prepared prepared, SqlTemplate.Statement statement) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (e instanceof SQLTransientConnectionException || state.startsWith("08") || state.startsWith("57P")
            || state.equals("23505") || state.equals("40001") || state.equals("40P01")) {
            return PgErrors.translate(e, "(direct_query)");
        }
        ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        if (server == null) {
            return new DbException(DbException.Kind.BAD_QUERY, null, "PostgreSQL refused the SQL: " + e.getMessage(), e);
        }
        StringBuilder message = new StringBuilder("PostgreSQL refused the SQL");
        if (server.getPosition() > 0) {
            int at = statement.offset() + SqlTemplate.fromServerPosition(statement.sql(), server.getPosition());
            message.append(' ').append(where(prepared.text(), at));
        }
        message.append(": ").append(server.getMessage());
        if (server.getHint() != null) {
            message.append(" (hint: ").append(server.getHint()).append(')');
        }
        return new DbException(DbException.Kind.BAD_QUERY, null, message.toString(), e);
    }

    /** "at line 2, column 10 (`FORM note`)": the place and the start of the SQL's text there. */
    static String where(String text, int at) {
        int lineStart = text.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
        if (at == 0) {
            lineStart = 0;
        }
        int line = 1;
        for (int i = 0; i < lineStart; i++) {
            line += text.charAt(i) == '\n' ? 1 : 0;
        }
        int lineEnd = text.indexOf('\n', at);
        String rest = text.substring(Math.min(at, text.length()), lineEnd < 0 ? text.length() : lineEnd).strip();
        if (rest.length() > 40) {
            rest = rest.substring(0, 40) + "…";
        }
        return "at line " + line + ", column " + (at - lineStart + 1) + (rest.isEmpty() ? "" : " (near `" + rest + "`)");
    }
}
