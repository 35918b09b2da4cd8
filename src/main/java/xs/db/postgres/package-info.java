/**
 * The PostgreSQL database engine, for several {@code xs serve} processes sharing one database
 * ({@code --db postgresql://...}). Entry point: {@link xs.db.postgres.PostgresDatabase}.
 *
 * <pre>db.query post { where = $db.post.title includes $input.q } as $posts   // ... WHERE strpos(lower(...), lower(?)) > 0</pre>
 *
 * <p>Decisions worth knowing:
 * <ul>
 *   <li>Declared tables have typed columns (timestamps as timestamptz, epoch milliseconds at the
 *       edge; json, objects and arrays as jsonb); a table written without a declaration keeps id
 *       and created_at as columns and every other field in one jsonb document.
 *   <li>Written values are coerced in Java by the memory engine's rules ({@code xs.db.value}),
 *       so both engines store the same values and report the same input errors.
 *   <li>Without a sort, rows come in id order; an id consumed by a failed insert may be skipped.
 *   <li>{@code db.transaction} is SERIALIZABLE and runs again after a serialization failure;
 *       each statement inside runs under a savepoint, so a failed one is undone alone.
 * </ul>
 */
package xs.db.postgres;
