/**
 * Picks and opens a database engine for the command line; the only place outside the engines'
 * own packages that names one. Entry point: {@link xs.db.engines.Engines}.
 *
 * <pre>xs serve app/ --data-dir data/</pre>
 */
package xs.db.engines;
