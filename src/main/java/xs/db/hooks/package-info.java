/**
 * The layer above every database engine: hashing {@code password} columns and telling
 * listeners (table triggers) about applied writes. Entry point: {@link xs.db.hooks.WriteHooks}.
 *
 * <pre>table_trigger audit { table = "user"  actions = {insert: true}  stack { ... } }</pre>
 */
package xs.db.hooks;
