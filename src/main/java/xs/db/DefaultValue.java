package xs.db;

/**
 * Markers for column defaults that are computed at write time rather than stored literally.
 *
 * <pre>timestamp created_at?=now</pre>
 */
public enum DefaultValue {
    /** The current time, in epoch milliseconds, taken when the row is written. */
    NOW
}
