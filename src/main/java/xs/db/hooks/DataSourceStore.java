package xs.db.hooks;

import java.util.List;
import xs.db.Database;
import xs.db.DbException;

/**
 * Where an engine keeps the data sources other than {@code live}: an engine of the same kind
 * for each name (a memory database, a subfolder of the data directory, a PostgreSQL schema).
 * {@code xs.db.engines.Engines} makes one per engine; {@link DataSources} opens each on first use.
 *
 * <pre>db.set_datasource { value = "test" }   // opens the store's "test" the first time</pre>
 */
public interface DataSourceStore {
    /** Opens the engine of a data source (creating it when missing), not yet given any table. */
    Database open(String name);

    /** The data sources kept from earlier runs (folders, schemas), in any order; empty when none can be. */
    List<String> existing();

    /** A database with the live data source only: any other name is refused. */
    DataSourceStore NONE = new DataSourceStore() {
        @Override
        public Database open(String name) {
            throw new DbException(DbException.Kind.BAD_QUERY, "this database holds only the live data source, not \""
                + name + "\"");
        }

        @Override
        public List<String> existing() {
            return List.of();
        }
    };
}
