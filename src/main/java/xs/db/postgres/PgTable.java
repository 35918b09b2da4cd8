package xs.db.postgres;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import xs.db.ColumnSchema;
import xs.db.DbException;
import xs.db.TableSchema;
import xs.db.value.Coercion;

/**
 * A declared table as PostgreSQL holds it: its columns with their SQL types, and the
 * conversions between xs values (epoch-ms timestamps, text dates, Lists and Maps) and JDBC.
 *
 * <pre>table user { schema { int id  text name  timestamp created_at?=now  json meta } }</pre>
 */
final class PgTable {
    /** The jsonb column holding every field of an implicit table but id and created_at. */
    static final String DOC = "xs_doc";
    /**
     * The insertion order of a table with uuid ids, which their ids do not give: rows come in
     * this order without a sort, and it breaks ties of a sort, as row order does in memory.
     */
    static final String SEQ = "xs_seq";

    final String name;
    /** The declaration; null for an implicit table (created by a write, schemaless). */
    final TableSchema schema;
    /** id first, then the declared columns in order. */
    final List<ColumnSchema> columns;
    private final Map<String, ColumnSchema> byName = new LinkedHashMap<>();

    /**
     * A table written without a declaration: id and created_at (set at insert, as the memory
     * engine does) as columns, every other field in one jsonb document.
     */
    static PgTable implicit(String name) {
        return new PgTable(name);
    }

    private PgTable(String name) {
        this.name = name;
        this.schema = null;
        this.columns = List.of(ColumnSchema.of("id", "int"), ColumnSchema.of("created_at", "timestamp"));
        for (ColumnSchema c : columns) {
            byName.put(c.name(), c);
        }
    }

    boolean isImplicit() {
        return schema == null;
    }

    PgTable(TableSchema schema) {
        this.name = schema.name();
        this.schema = schema;
        List<ColumnSchema> cols = new ArrayList<>();
        ColumnSchema id = null;
        for (ColumnSchema c : schema.columns()) {
            if (c.name().equals("id")) {
                id = c;
            } else {
                cols.add(c);
            }
        }
        if (id == null) {
            id = ColumnSchema.of("id", "int");
        }
        if (!id.type().equals("int") && !id.type().equals("uuid")) {
            throw new DbException(DbException.Kind.BAD_QUERY, "id",
                "the id column of table \"" + name + "\" must be int or uuid, not " + id.type());
        }
        cols.add(0, id);
        this.columns = List.copyOf(cols);
        for (ColumnSchema c : columns) {
            byName.put(c.name(), c);
        }
    }

    boolean uuidIds() {
        return columns.get(0).type().equals("uuid");
    }

    /** The column rows are ordered by when nothing else decides: id, or the insertion order of uuid ids. */
    String orderColumn() {
        return uuidIds() ? quote(SEQ) : "\"id\"";
    }

    ColumnSchema column(String column) {
        return byName.get(column);
    }

    /** A quoted SQL identifier: double quotes, inner quotes doubled. */
    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    String quoted() {
        return quote(name);
    }

    /** The SQL type a column is stored as. */
    static String sqlType(ColumnSchema c) {
        if (c.array()) {
            return "jsonb";
        }
        return switch (c.type()) {
            case "int" -> "int8";
            case "decimal" -> "numeric";
            case "bool" -> "boolean";
            case "timestamp" -> "timestamptz";
            case "date" -> "date";
            case "uuid" -> "uuid";
            case "text", "email", "password", "enum" -> "text";
            default -> "jsonb";
        };
    }

    /** Whether a column is stored as jsonb (json, object, arrays, vectors, files, geo types). */
    static boolean isJson(ColumnSchema c) {
        return sqlType(c).equals("jsonb");
    }

    /** CREATE TABLE for this table. */
    String createSql() {
        if (isImplicit()) {
            return "CREATE TABLE IF NOT EXISTS " + quoted() + " (\"id\" bigserial PRIMARY KEY, \"created_at\" timestamptz, "
                + quote(DOC) + " jsonb NOT NULL DEFAULT '{}')";
        }
        StringBuilder sql = new StringBuilder("CREATE TABLE ").append(quoted()).append(" (");
        sql.append(uuidIds() ? "\"id\" uuid PRIMARY KEY DEFAULT gen_random_uuid(), " + quote(SEQ) + " bigserial"
            : "\"id\" bigserial PRIMARY KEY");
        for (ColumnSchema c : columns.subList(1, columns.size())) {
            sql.append(", ").append(quote(c.name())).append(' ').append(sqlType(c));
        }
        return sql.append(')').toString();
    }

    /** A coerced value (as Coercion gives it) bound as a statement parameter. */
    void bind(PreparedStatement ps, int index, ColumnSchema c, Object value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.NULL);
            return;
        }
        String type = sqlType(c);
        switch (type) {
            case "timestamptz" -> ps.setObject(index, OffsetDateTime.ofInstant(Instant.ofEpochMilli((Long) value), ZoneOffset.UTC));
            case "date" -> ps.setObject(index, LocalDate.parse((String) value));
            case "uuid" -> ps.setObject(index, UUID.fromString(value.toString()));
            case "jsonb" -> ps.setObject(index, JsonText.write(value), Types.OTHER);
            default -> ps.setObject(index, value);
        }
    }

    /** A value coerced to a column's type; an error names the table as the memory engine does. */
    Object coerce(ColumnSchema c, Object value) {
        try {
            return Coercion.coerce(c, value, c.name());
        } catch (DbException e) {
            throw new DbException(e.kind(), e.field(), e.getMessage() + " in table " + name);
        }
    }

    /** The current row of a result set as an xs row: id first, columns in schema order. */
    LinkedHashMap<String, Object> read(ResultSet rs) throws SQLException {
        return layout(rs.getMetaData()).read(rs);
    }

    /** Where this table's columns sit in a result set, found once for all its rows. */
    Layout layout(ResultSetMetaData meta) throws SQLException {
        Map<String, Integer> positions = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            positions.put(meta.getColumnLabel(i), i);
        }
        int[] at = new int[columns.size()];
        for (int i = 0; i < at.length; i++) {
            at[i] = positions.getOrDefault(columns.get(i).name(), 0);
        }
        return new Layout(at, isImplicit() ? positions.getOrDefault(DOC, 0) : 0);
    }

    /** Result-set positions of the columns (0: absent) and of the jsonb document of an implicit table. */
    final class Layout {
        private final int[] at;
        private final int doc;

        private Layout(int[] at, int doc) {
            this.at = at;
            this.doc = doc;
        }

        LinkedHashMap<String, Object> read(ResultSet rs) throws SQLException {
            LinkedHashMap<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < at.length; i++) {
                if (at[i] > 0) {
                    row.put(columns.get(i).name(), value(rs, at[i], columns.get(i)));
                }
            }
            String text = doc > 0 ? rs.getString(doc) : null;
            if (text != null && JsonText.read(text) instanceof Map<?, ?> fields) {
                fields.forEach((k, v) -> row.putIfAbsent(String.valueOf(k), v));
            }
            return row;
        }
    }

    /** One column of the current row as an xs value. */
    static Object value(ResultSet rs, int index, ColumnSchema c) throws SQLException {
        Object raw = rs.getObject(index);
        if (raw == null) {
            return null;
        }
        return switch (sqlType(c)) {
            case "int8" -> ((Number) raw).longValue();
            case "numeric" -> (BigDecimal) raw;
            case "timestamptz" -> rs.getObject(index, OffsetDateTime.class).toInstant().toEpochMilli();
            case "date" -> raw instanceof Date d ? d.toLocalDate().toString() : raw.toString();
            case "uuid", "text" -> raw.toString();
            case "jsonb" -> JsonText.read(raw.toString());
            default -> raw;
        };
    }
}
