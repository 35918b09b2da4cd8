package xs.db;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The database behind XanoScript's {@code db.*} statements, as the interpreter, the console and
 * the command line see it. Engines implement it in packages of their own ({@code xs.db.memory});
 * callers hold the engine wrapped by {@code xs.db.hooks.WriteHooks}, which hashes password
 * columns and tells table listeners about writes, the same for every engine.
 *
 * <pre>db.add user { data = {email: $input.email} } as $user</pre>
 *
 * <p>Values are plain Java (null, Boolean, Long, BigDecimal, String, List, LinkedHashMap);
 * timestamps are epoch-ms Longs. Every row handed out is a fresh map, columns in schema order
 * with {@code id} first, that the caller may change freely. Failures are {@link DbException}s;
 * a failing statement or transaction leaves no trace. Implementations are thread-safe.
 */
public interface Database extends AutoCloseable {

    // ---- schema ---------------------------------------------------------------------------

    /**
     * Declares a table. A new table gets its {@code items} rows; a table that already exists
     * keeps its rows, re-laid out for the schema. Not part of any transaction.
     */
    void define(TableSchema schema);

    /** Table names, declared or written, in order of appearance. */
    Set<String> tables();

    /** The declared schema of a table; empty for implicit and unknown tables. */
    Optional<TableSchema> schema(String table);

    /** Whether a table exists only because it was written to (no declaration). False when unknown. */
    boolean isImplicit(String table);

    /** Loads {@code {"table": [rows...]}} as one transaction; rows may carry ids, later ids continue after the max. */
    void seed(Map<String, List<Map<String, Object>>> data);

    // ---- single-row statements ------------------------------------------------------------

    /** {@code db.get}: the first row whose field (null: id) equals value, or null. */
    Map<String, Object> get(String table, String field, Object value);

    /** {@code db.has}: whether a row's field equals value. */
    boolean has(String table, String field, Object value);

    /** {@code db.add}: inserts a row and returns it. An implicit table is created on first write. */
    Map<String, Object> add(String table, Map<String, Object> data);

    /** {@code db.edit}: updates the given fields of the first matching row; NOT_FOUND when none matches. */
    Map<String, Object> edit(String table, String field, Object value, Map<String, Object> data);

    /** {@code db.patch}: like {@link #edit}, the data may come from any expression. */
    default Map<String, Object> patch(String table, String field, Object value, Map<String, Object> data) {
        return edit(table, field, value, data);
    }

    /** {@code db.add_or_edit}: edits the matching row, or adds data with field = value. */
    Map<String, Object> addOrEdit(String table, String field, Object value, Map<String, Object> data);

    /** {@code db.del}: deletes the first matching row; NOT_FOUND when none matches. */
    void delete(String table, String field, Object value);

    /** {@code db.truncate}: deletes every row; with resetIds the next int id is 1 again. */
    void truncate(String table, boolean resetIds);

    // ---- queries and bulk statements ------------------------------------------------------

    /** {@code db.query}: a list, a paging envelope, a single row or null, a Long count or a Boolean. */
    Object query(Query query);

    /** {@code db.bulk.add}: inserts every item, all or none; returns how many. */
    long bulkAdd(String table, List<Map<String, Object>> items);

    /** {@code db.bulk.update}: updates the given fields of each item's row (by its id); returns rows updated. */
    long bulkUpdate(String table, List<Map<String, Object>> items);

    /** {@code db.bulk.patch}: same as {@link #bulkUpdate}. */
    default long bulkPatch(String table, List<Map<String, Object>> items) {
        return bulkUpdate(table, items);
    }

    /** {@code db.bulk.delete}: deletes every row the condition matches; returns how many. */
    long bulkDelete(String table, Condition where);

    /**
     * {@code db.transaction}: runs body with every write in it applied all or nothing, isolated
     * from other callers' writes. When body throws, each write it made is undone and the
     * exception propagates. A nested call joins the outer transaction; if the nested body
     * throws, only its own writes are undone.
     */
    <T> T transaction(Supplier<T> body);

    // ---- data sources ----------------------------------------------------------------------

    /** The data source every run starts in, unless a request's {@code X-Data-Source} names another. */
    String LIVE = "live";

    /**
     * The same declared tables in another data source ({@code db.set_datasource},
     * {@code X-Data-Source}), opened on first use; {@link #LIVE} is the default one. An engine
     * that holds a single data source has only {@code live}, and says so for any other name.
     */
    default Database dataSource(String name) {
        if (LIVE.equals(name)) {
            return this;
        }
        throw new DbException(DbException.Kind.BAD_QUERY, "this database holds only the live data source, not \""
            + name + "\"");
    }

    /** The names of the data sources that exist (opened now or kept from earlier runs), live first. */
    default List<String> dataSources() {
        return List.of(LIVE);
    }

    /** {@code db.direct_query}: raw SQL, when the engine has a SQL server behind it (PostgreSQL); empty otherwise. */
    default Optional<DirectSql> directSql() {
        return Optional.empty();
    }

    /**
     * Whether statements wait on a server and honour {@link TimeLeft} (PostgreSQL cancels what
     * outlives its run); an engine in this process answers at once, so nothing bounds its calls.
     */
    default boolean timed() {
        return false;
    }

    /** Releases the engine's resources (journal, connections); further calls fail. */
    @Override
    void close();
}
