/**
 * What values mean to every database engine: coercion of written values to column types,
 * loose and strict equality, ordering, the where-clause operators and the database-side column
 * filters, so two engines answer a statement alike.
 *
 * <pre>db.add item { data = {qty: "5"} }   // stored as the int 5</pre>
 */
package xs.db.value;
