package xs.db.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import xs.db.ColumnSchema;
import xs.db.Condition;
import xs.db.Database;
import xs.db.DbException;
import xs.db.DirectSql;
import xs.db.Op;
import xs.db.Operand;
import xs.db.Query;
import xs.db.TableSchema;
import xs.db.value.Coercion;
import xs.db.value.Values;

/**
 * The PostgreSQL engine behind {@link Database}, for several {@code xs serve} processes that
 * share one database ({@code --db postgresql://...}). Every declared table is a PostgreSQL table
 * with typed columns; values are coerced in Java exactly as the memory engine coerces them, so
 * both store the same values; where clauses become parameterized SQL ({@link PgWhere}).
 *
 * <pre>xs serve app/ --db postgresql://xs:secret@127.0.0.1:5432/app</pre>
 *
 * <p>Tables must be declared: a write to an undeclared table is refused (the memory engine
 * creates it). {@code db.transaction} is one SERIALIZABLE transaction, retried on a
 * serialization failure ({@link PgConnections}).
 */
public final class PostgresDatabase implements Database {
    private final PgConnections connections;
    private final PgDirectQuery directQuery;
    private final String schemaName;
    private final Map<String, PgTable> tables = new ConcurrentHashMap<>();
    /** Differences found between declarations and existing tables, for the caller to report. */
    private final List<String> notices = new ArrayList<>();

    /** Whether close drops the schema: a throwaway database for one test. */
    private boolean dropOnClose;

    private PostgresDatabase(HikariDataSource pool, PgDeadlines deadlines, String schemaName) {
        this.connections = new PgConnections(pool, deadlines);
        this.directQuery = new PgDirectQuery(connections);
        this.schemaName = schemaName;
    }

    /** A database in a fresh schema of its own that close drops again, tables and all. */
    public static PostgresDatabase throwaway(PgSettings settings) {
        PostgresDatabase db = open(settings.withSchema("xs_test_" + java.util.UUID.randomUUID().toString().replace("-", "")));
        db.dropOnClose = true;
        return db;
    }

    /**
     * Connects to {@code postgresql://USER:PASS@HOST:PORT/DB}; with a schema name, every table
     * lives in that schema (created when missing). Fails with UNAVAILABLE when the server cannot
     * be reached.
     */
    public static PostgresDatabase open(PgSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.jdbcUrl());
        if (settings.user() != null) {
            config.setUsername(settings.user());
        }
        if (settings.password() != null) {
            config.setPassword(settings.password());
        }
        config.setMaximumPoolSize(settings.poolSize());
        config.setConnectionTimeout(settings.connectTimeoutMillis());
        // Connecting (also when the pool replaces a connection lost with the server) waits no longer than a statement
        // would for a connection: the TCP connect, the whole log-in, and each read on the way (a server that accepts
        // and never answers). Each statement then sets its own read timeout (PgDeadlines); a cancel request gets as long.
        config.setDataSourceProperties(timeouts(settings));
        config.setPoolName("xs-postgres");
        if (settings.schema() != null) {
            config.setConnectionInitSql("SET search_path TO " + PgTable.quote(settings.schema()));
        }
        HikariDataSource pool;
        try {
            if (settings.schema() != null) {
                createSchema(settings);
            }
            pool = new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException | SQLException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new DbException(DbException.Kind.UNAVAILABLE, null, "cannot connect to PostgreSQL at "
                + settings.shown() + ": " + cause.getMessage(), e);
        }
        return new PostgresDatabase(pool, new PgDeadlines(settings.connectTimeoutMillis(), settings.statementMillis()),
            settings.schema());
    }

    /** The driver's timeouts, all {@code --db-timeout} rounded up to whole seconds (the driver's unit). */
    private static java.util.Properties timeouts(PgSettings settings) {
        String seconds = String.valueOf(Math.max(1, (settings.connectTimeoutMillis() + 999) / 1000));
        java.util.Properties p = new java.util.Properties();
        for (String property : List.of("connectTimeout", "loginTimeout", "socketTimeout", "cancelSignalTimeout")) {
            p.setProperty(property, seconds);
        }
        return p;
    }

    private static void createSchema(PgSettings settings) throws SQLException {
        java.util.Properties p = timeouts(settings);
        if (settings.user() != null) {
            p.setProperty("user", settings.user());
        }
        if (settings.password() != null) {
            p.setProperty("password", settings.password());
        }
        try (Connection c = java.sql.DriverManager.getConnection(settings.jdbcUrl(), p);
             Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA IF NOT EXISTS " + PgTable.quote(settings.schema()));
        }
    }

    /** Drops the schema this database was opened with (and every table in it). */
    public void dropSchema() {
        if (schemaName == null) {
            throw new IllegalStateException("opened without a schema of its own");
        }
        connections.call("(schema)", c -> {
            try (Statement st = c.createStatement()) {
                st.execute("DROP SCHEMA IF EXISTS " + PgTable.quote(schemaName) + " CASCADE");
            }
            return null;
        });
    }

    /** The schemas of this database whose names start with prefix (named data sources), without the prefix. */
    public List<String> schemasStartingWith(String prefix) {
        return connections.call("(schema)", c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                "SELECT schema_name FROM information_schema.schemata WHERE starts_with(schema_name, ?)")) {
                ps.setString(1, prefix);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1).substring(prefix.length()));
                    }
                }
            }
            return out;
        });
    }

    /** What differed between the declarations and the tables found, one line each. */
    public synchronized List<String> notices() {
        return List.copyOf(notices);
    }

    // ---- schema ---------------------------------------------------------------------------

    @Override
    public void define(TableSchema schema) {
        PgTable table = new PgTable(schema);
        connections.transaction(() -> connections.call(schema.name(), c -> {
            Map<String, String> existing = existingColumns(c, schema.name());
            if (existing.isEmpty()) {
                try (Statement st = c.createStatement()) {
                    st.execute(table.createSql());
                }
                createIndexes(c, table);
                for (Map<String, Object> item : schema.items()) {
                    insert(c, table, item);
                }
            } else {
                reconcile(c, table, existing);
                createIndexes(c, table);
            }
            return null;
        }));
        tables.put(schema.name(), table);
    }

    private Map<String, String> existingColumns(Connection c, String table) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT column_name, udt_name FROM information_schema.columns "
            + "WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return out;
    }

    /** Adds declared columns the table lacks; reports, never drops or retypes, the others. */
    private void reconcile(Connection c, PgTable table, Map<String, String> existing) throws SQLException {
        for (ColumnSchema column : table.columns) {
            String want = PgTable.sqlType(column);
            String have = existing.get(column.name());
            if (have == null) {
                try (Statement st = c.createStatement()) {
                    st.execute("ALTER TABLE " + table.quoted() + " ADD COLUMN " + PgTable.quote(column.name()) + " " + want);
                }
                notice("table " + table.name + ": added column " + column.name() + " " + want);
            } else if (!sameType(want, have)) {
                notice("table " + table.name + ": column " + column.name() + " is " + have + " in PostgreSQL but declared "
                    + column.type() + " (" + want + "); left as it is");
            }
        }
        if (table.uuidIds() && !existing.containsKey(PgTable.SEQ)) {
            try (Statement st = c.createStatement()) {
                st.execute("ALTER TABLE " + table.quoted() + " ADD COLUMN " + PgTable.quote(PgTable.SEQ) + " bigserial");
            }
        }
        for (String column : existing.keySet()) {
            if (table.column(column) == null && !column.equals(PgTable.SEQ)) {
                notice("table " + table.name + ": column " + column + " is not declared; its data is kept");
            }
        }
    }

    private static boolean sameType(String want, String have) {
        return want.equals(have) || (want.equals("int8") && have.equals("int8")) || (want.equals("boolean") && have.equals("bool"));
    }

    private synchronized void notice(String line) {
        notices.add(line);
    }

    private static void createIndexes(Connection c, PgTable table) throws SQLException {
        for (var index : table.schema.indexes()) {
            if (index.fields().isEmpty() || index.fields().equals(List.of("id"))) {
                continue;
            }
            boolean gin = index.type().equals("gin");
            if (!index.lookup() && !gin) {
                continue;
            }
            List<String> cols = new ArrayList<>();
            for (String f : index.fields()) {
                ColumnSchema column = table.column(f);
                if (column == null) {
                    throw new DbException(DbException.Kind.BAD_QUERY, f, "index on unknown column " + table.name + "." + f);
                }
                if (gin && !PgTable.isJson(column)) {
                    gin = false;
                }
                cols.add(PgTable.quote(f));
            }
            String name = PgTable.quote(table.name + "_" + String.join("_", index.fields()) + (index.unique() ? "_key" : "_idx"));
            try (Statement st = c.createStatement()) {
                st.execute("CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX IF NOT EXISTS " + name + " ON "
                    + table.quoted() + (gin ? " USING gin " : " ") + "(" + String.join(", ", cols) + ")");
            }
        }
    }

    /** The declared and written tables, and those other processes made in the same schema. */
    @Override
    public Set<String> tables() {
        Set<String> out = new LinkedHashSet<>(tables.keySet());
        out.addAll(connections.call("(catalog)", c -> {
            List<String> names = new ArrayList<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = "
                     + "current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            return names;
        }));
        return out;
    }

    @Override
    public Optional<TableSchema> schema(String table) {
        PgTable t = tables.get(table);
        return t == null ? Optional.empty() : Optional.ofNullable(t.schema);
    }

    @Override
    public boolean isImplicit(String table) {
        PgTable t = tables.get(table);
        return t != null && t.isImplicit();
    }

    @Override
    public void seed(Map<String, List<Map<String, Object>>> data) {
        transaction(() -> {
            for (Map.Entry<String, List<Map<String, Object>>> e : data.entrySet()) {
                PgTable t = writable(e.getKey());
                connections.call(t.name, c -> {
                    for (Map<String, Object> row : e.getValue()) {
                        insert(c, t, row);
                    }
                    return null;
                });
            }
            return null;
        });
    }

    // ---- single-row statements ------------------------------------------------------------

    @Override
    public Map<String, Object> get(String table, String field, Object value) {
        PgTable t = existing(table);
        return connections.call(table, c -> first(c, t, field, value, false));
    }

    @Override
    public boolean has(String table, String field, Object value) {
        return get(table, field, value) != null;
    }

    @Override
    public Map<String, Object> add(String table, Map<String, Object> data) {
        PgTable t = writable(table);
        return connections.call(table, c -> insert(c, t, data == null ? Map.of() : data));
    }

    @Override
    public Map<String, Object> edit(String table, String field, Object value, Map<String, Object> data) {
        PgTable t = existing(table);
        return inTransaction(() -> connections.call(table, c -> update(c, t, found(c, t, field, value), data)));
    }

    @Override
    public Map<String, Object> addOrEdit(String table, String field, Object value, Map<String, Object> data) {
        PgTable t = writable(table);
        return inTransaction(() -> connections.call(table, c -> {
            Map<String, Object> row = first(c, t, field, value, true);
            if (row != null) {
                return update(c, t, row, data);
            }
            Map<String, Object> withKey = new LinkedHashMap<>(data == null ? Map.of() : data);
            withKey.put(field == null ? "id" : field, value);
            return insert(c, t, withKey);
        }));
    }

    @Override
    public void delete(String table, String field, Object value) {
        PgTable t = existing(table);
        inTransaction(() -> connections.call(table, c -> {
            Map<String, Object> row = found(c, t, field, value);
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + t.quoted() + " WHERE \"id\" = ?")) {
                t.bind(ps, 1, t.columns.get(0), row.get("id"));
                ps.executeUpdate();
            }
            return null;
        }));
    }

    @Override
    public void truncate(String table, boolean resetIds) {
        PgTable t = existing(table);
        connections.call(table, c -> {
            try (Statement st = c.createStatement()) {
                st.execute("TRUNCATE " + t.quoted() + (resetIds ? " RESTART IDENTITY" : ""));
            }
            return null;
        });
    }

    // ---- queries and bulk statements ------------------------------------------------------

    @Override
    public Object query(Query query) {
        PgTable t = existing(query.table());
        return connections.call(query.table(), c -> new PgQuery(t, query).run(c));
    }

    @Override
    public long bulkAdd(String table, List<Map<String, Object>> items) {
        PgTable t = writable(table);
        return inTransaction(() -> connections.call(table, c -> {
            for (Map<String, Object> item : items) {
                insert(c, t, item);
            }
            return (long) items.size();
        }));
    }

    @Override
    public long bulkUpdate(String table, List<Map<String, Object>> items) {
        PgTable t = existing(table);
        return inTransaction(() -> connections.call(table, c -> {
            long updated = 0;
            for (Map<String, Object> item : items) {
                Object id = item.get("id");
                if (id == null) {
                    throw new DbException(DbException.Kind.BAD_QUERY, "id", "bulk update item without id for table " + table);
                }
                Map<String, Object> row = first(c, t, "id", id, true);
                if (row != null) {
                    update(c, t, row, item);
                    updated++;
                }
            }
            return updated;
        }));
    }

    @Override
    public long bulkDelete(String table, Condition where) {
        PgTable t = existing(table);
        return connections.call(table, c -> {
            List<PgWhere.Param> params = new ArrayList<>();
            String sql = "DELETE FROM " + t.quoted() + " WHERE " + new PgWhere(t, params).compile(where);
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                PgWhere.bind(t, ps, params, 1);
                return (long) ps.executeUpdate();
            }
        });
    }

    @Override
    public <T> T transaction(Supplier<T> body) {
        return connections.transaction(body);
    }

    @Override
    public Optional<DirectSql> directSql() {
        return Optional.of(directQuery);
    }

    @Override
    public boolean timed() {
        return true;
    }

    @Override
    public void close() {
        try {
            if (dropOnClose) {
                dropSchema();
            }
        } finally {
            connections.close();
        }
    }

    // ---- plumbing -------------------------------------------------------------------------

    /** A statement of several SQL statements runs as one transaction (joining the caller's). */
    private <T> T inTransaction(Supplier<T> body) {
        return connections.inTransaction() ? body.get() : connections.transaction(body);
    }

    /** A declared table, or an implicit one written before (by this process or another). */
    private PgTable existing(String table) {
        PgTable t = tables.get(table);
        if (t == null) {
            t = connections.call(table, c -> existingColumns(c, table).containsKey(PgTable.DOC) ? PgTable.implicit(table) : null);
            if (t == null) {
                throw new DbException(DbException.Kind.UNKNOWN_TABLE, "unknown table \"" + table + "\"");
            }
            tables.putIfAbsent(table, t);
        }
        return t;
    }

    /** A table to write to: an undeclared one is created, schemaless, as in the memory engine. */
    private PgTable writable(String table) {
        PgTable t = tables.get(table);
        if (t != null) {
            return t;
        }
        PgTable created = PgTable.implicit(table);
        connections.call(table, c -> {
            try (Statement st = c.createStatement()) {
                st.execute(created.createSql());
            }
            return null;
        });
        tables.putIfAbsent(table, created);
        return tables.get(table);
    }

    /** The first row (in id order) whose field equals value, or null; locked for update when asked. */
    private Map<String, Object> first(Connection c, PgTable t, String field, Object value, boolean lock) throws SQLException {
        List<PgWhere.Param> params = new ArrayList<>();
        Condition where = new Condition.Compare(new Operand.Column(null, field == null ? "id" : field), Op.EQ,
            new Operand.Constant(value));
        String sql = "SELECT * FROM " + t.quoted() + " WHERE " + new PgWhere(t, params).compile(where)
            + " ORDER BY " + t.orderColumn() + " LIMIT 1" + (lock ? " FOR UPDATE" : "");
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            PgWhere.bind(t, ps, params, 1);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? t.read(rs) : null;
            }
        }
    }

    private Map<String, Object> found(Connection c, PgTable t, String field, Object value) throws SQLException {
        Map<String, Object> row = first(c, t, field, value, true);
        if (row == null) {
            String name = field == null ? "id" : field;
            throw new DbException(DbException.Kind.NOT_FOUND, name, "no row in table \"" + t.name + "\" with " + name
                + " = " + Values.describe(value));
        }
        return row;
    }

    /** Inserts a row: declared columns coerced, defaults for missing ones; a given id advances the sequence. */
    private Map<String, Object> insert(Connection c, PgTable t, Map<String, Object> data) throws SQLException {
        if (t.isImplicit()) {
            return insertImplicit(c, t, data);
        }
        List<String> names = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        List<ColumnSchema> types = new ArrayList<>();
        Object id = data.get("id");
        if (id != null) {
            names.add("\"id\"");
            values.add(t.coerce(t.columns.get(0), id));
            types.add(t.columns.get(0));
        }
        for (ColumnSchema column : t.columns.subList(1, t.columns.size())) {
            names.add(PgTable.quote(column.name()));
            values.add(data.containsKey(column.name()) ? t.coerce(column, data.get(column.name()))
                : Coercion.defaultFor(column, column.name()));
            types.add(column);
        }
        String sql = names.isEmpty() ? "INSERT INTO " + t.quoted() + " DEFAULT VALUES RETURNING *"
            : "INSERT INTO " + t.quoted() + " (" + String.join(", ", names) + ") VALUES ("
                + String.join(", ", java.util.Collections.nCopies(names.size(), "?")) + ") RETURNING *";
        Map<String, Object> row;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.size(); i++) {
                t.bind(ps, i + 1, types.get(i), values.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                row = t.read(rs);
            }
        }
        if (id != null && !t.uuidIds()) {
            advanceSequence(c, t);
        }
        return row;
    }

    /** After an insert with a given id, later ids continue after the largest, as in the memory engine. */
    private static void advanceSequence(Connection c, PgTable t) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT setval(pg_get_serial_sequence(?, 'id'), "
            + "GREATEST((SELECT max(\"id\") FROM " + t.quoted() + "), 1))")) {
            ps.setString(1, t.quoted());
            ps.executeQuery().close();
        }
    }

    /** An implicit table's row: id and created_at as columns (created_at now unless given), the rest as jsonb. */
    private Map<String, Object> insertImplicit(Connection c, PgTable t, Map<String, Object> data) throws SQLException {
        Object id = data.get("id");
        Object createdAt = data.containsKey("created_at") ? Coercion.tryCoerce(t.column("created_at"), data.get("created_at"))
            : (Object) System.currentTimeMillis();
        Map<String, Object> doc = new LinkedHashMap<>();
        data.forEach((k, v) -> {
            if (!k.equals("id") && !k.equals("created_at")) {
                doc.put(k, Values.copy(v));
            }
        });
        String sql = "INSERT INTO " + t.quoted() + " (" + (id != null ? "\"id\", " : "") + "\"created_at\", "
            + PgTable.quote(PgTable.DOC) + ") VALUES (" + (id != null ? "?, " : "") + "?, ?::jsonb) RETURNING *";
        Map<String, Object> row;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            if (id != null) {
                t.bind(ps, i++, t.columns.get(0), t.coerce(t.columns.get(0), id));
            }
            t.bind(ps, i++, t.column("created_at"), createdAt);
            ps.setString(i, JsonText.write(doc));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                row = t.read(rs);
            }
        }
        if (id != null) {
            advanceSequence(c, t);
        }
        return row;
    }

    /** Replaces the given declared fields of a row (id never changes); returns the new row. */
    private Map<String, Object> update(Connection c, PgTable t, Map<String, Object> row, Map<String, Object> data)
        throws SQLException {
        List<String> sets = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        List<ColumnSchema> types = new ArrayList<>();
        if (t.isImplicit()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            (data == null ? Map.<String, Object>of() : data).forEach((k, v) -> {
                if (!k.equals("id") && !k.equals("created_at")) {
                    doc.put(k, Values.copy(v));
                }
            });
            sets.add(PgTable.quote(PgTable.DOC) + " = " + PgTable.quote(PgTable.DOC) + " || ?::jsonb");
            values.add(doc);
            types.add(ColumnSchema.of(PgTable.DOC, "json"));
        }
        for (Map.Entry<String, Object> e : (data == null ? Map.<String, Object>of() : data).entrySet()) {
            ColumnSchema column = t.column(e.getKey());
            if (column == null || column.name().equals("id")) {
                continue;
            }
            sets.add(PgTable.quote(column.name()) + " = ?");
            values.add(t.coerce(column, e.getValue()));
            types.add(column);
        }
        if (sets.isEmpty()) {
            return row;
        }
        String sql = "UPDATE " + t.quoted() + " SET " + String.join(", ", sets) + " WHERE \"id\" = ? RETURNING *";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            for (; i <= values.size(); i++) {
                t.bind(ps, i, types.get(i - 1), values.get(i - 1));
            }
            t.bind(ps, i, t.columns.get(0), row.get("id"));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return t.read(rs);
            }
        }
    }
}
