/**
 * The embedded database engine: every table in memory behind one read/write lock, with hash
 * indexes, optionally journaled to a folder ({@code xs serve --data-dir DIR}).
 *
 * <pre>db.add user { data = {email: $input.email} } as $user</pre>
 *
 * <p>Entry point: {@link xs.db.memory.MemoryDatabase}. Decisions worth knowing:
 * <ul>
 *   <li>A failed insert leaves no trace, not even a consumed id.
 *   <li>Durable mode replays at open, into schemaless tables; {@code define} afterwards applies
 *       the schema and seeds {@code items} only into tables the store did not have.
 * </ul>
 */
package xs.db.memory;
