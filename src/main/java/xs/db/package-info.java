/**
 * The database API behind XanoScript's {@code db.*} statements: the {@link xs.db.Database}
 * interface and the types it speaks; knows nothing of the interpreter, the AST or ANTLR.
 *
 * <pre>db.query user { where = $db.user.email == $input.email  return = {type: "single"} } as $user</pre>
 *
 * <p>The caller translates declarations into {@link xs.db.TableSchema} records and where
 * clauses into {@link xs.db.Condition} trees whose leaves are {@link xs.db.Operand}s (columns or
 * already-evaluated constants). Below the API, each engine has a package of its own
 * ({@code xs.db.memory}, {@code xs.db.postgres}); {@code xs.db.value} holds the value semantics
 * every engine shares (coercion to column types, loose equality, database-side filters);
 * {@code xs.db.hooks} is the layer above every engine (password hashing, table listeners);
 * {@code xs.db.engines} picks and opens an engine. Only the engine packages themselves and
 * {@code xs.db.engines} name an engine.
 *
 * <p>Decisions worth knowing:
 * <ul>
 *   <li>Loose equality is PHP-like for numbers ({@code 1 == "1"}) but exact between two texts, and
 *       null equals only null. A constant compared with a typed column is first coerced to the
 *       column's type when possible, so scans and index lookups agree.
 *   <li>Rows without a sort come back in insertion order (id order for int ids). Nulls sort last
 *       in ascending order, first in descending order.
 *   <li>{@code password} columns hold bcrypt hashes ({@link xs.db.Passwords}), never plain text.
 * </ul>
 */
package xs.db;
