/**
 * The embedded database behind XanoScript's {@code db.*} statements; knows nothing of the
 * interpreter, the AST or ANTLR.
 *
 * <pre>db.query user { where = $db.user.email == $input.email  return = {type: "single"} } as $user</pre>
 *
 * <p>Entry point: {@link xs.db.Database}. The caller translates declarations into
 * {@link xs.db.TableSchema} records and where clauses into {@link xs.db.Condition} trees whose
 * leaves are {@link xs.db.Operand}s (columns or already-evaluated constants).
 *
 * <p>Decisions worth knowing:
 * <ul>
 *   <li>Loose equality is PHP-like for numbers ({@code 1 == "1"}) but exact between two texts, and
 *       null equals only null. A constant compared with a typed column is first coerced to the
 *       column's type when possible, so scans and index lookups agree.
 *   <li>Rows without a sort come back in insertion order (id order for int ids). Nulls sort last
 *       in ascending order, first in descending order.
 *   <li>A failed insert leaves no trace, not even a consumed id.
 *   <li>Durable mode replays at open, into schemaless tables; {@code define} afterwards applies
 *       the schema and seeds {@code items} only into tables the store did not have.
 * </ul>
 */
package xs.db;
