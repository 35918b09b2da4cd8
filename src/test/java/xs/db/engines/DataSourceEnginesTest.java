package xs.db.engines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xs.db.ColumnSchema;
import xs.db.Database;
import xs.db.DbException;
import xs.db.Query;
import xs.db.TableSchema;
import xs.db.hooks.WriteHooks;
import xs.testing.PostgresServer;

/**
 * Each engine's named data sources: a new one has live's declared tables without their items,
 * keeps its rows apart from live's, and (durable engines) is found again after a restart, in a
 * subfolder of the data directory or a PostgreSQL schema of its own.
 */
class DataSourceEnginesTest {
    @TempDir
    Path dir;

    private static TableSchema task() {
        return new TableSchema("task", List.of(ColumnSchema.of("id", "int"), ColumnSchema.of("title", "text")), null,
            List.of(Map.of("id", 1L, "title", "seed")), false);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> titles(Database db) {
        List<Object> out = new ArrayList<>();
        for (Object row : (List<Object>) db.query(Query.all("task"))) {
            out.add(((Map<String, Object>) row).get("title"));
        }
        return out;
    }

    @Test
    void inMemoryDataSourcesAreSeparateAndStartEmptyWithLivesTables() {
        try (WriteHooks live = Engines.inMemory()) {
            live.define(task());
            List<String> told = new ArrayList<>();
            live.addListener(change -> told.add(change.datasource() + ":" + change.action().word()));
            Database test = live.dataSource("test");
            assertSame(test, live.dataSource("test"), "opened once");
            assertSame(live, test.dataSource("live"), "every data source reaches the others");
            assertEquals(List.of(), titles(test), "a new data source has none of live's items");
            assertEquals(1L, test.add("task", Map.of("title", "t")).get("id"));
            assertEquals(List.of("seed"), titles(live));
            assertEquals(List.of("t"), titles(test));
            assertEquals(List.of("test:insert"), told, "live's listeners hear every data source");
            assertEquals(List.of("live", "test"), live.dataSources());

            live.define(new TableSchema("note", List.of(ColumnSchema.of("body", "text")), null, List.of(), false));
            assertTrue(test.tables().contains("note"), "a table declared later reaches the open data sources");

            DbException bad = assertThrows(DbException.class, () -> live.dataSource("a/b"));
            assertTrue(bad.getMessage().contains("\"a/b\" is not usable"), bad.getMessage());
        }
    }

    @Test
    void aDurableDataSourceLivesInItsOwnSubfolderAndIsFoundAgain() {
        Path data = dir.resolve("data");
        try (WriteHooks live = Engines.durable(data)) {
            live.define(task());
            live.dataSource("staging").add("task", Map.of("title", "kept"));
        }
        assertTrue(Files.isDirectory(data.resolve("datasources").resolve("staging")));
        try (WriteHooks live = Engines.durable(data)) {
            live.define(task());
            assertEquals(List.of("live", "staging"), live.dataSources(), "found on disk before it is opened");
            assertEquals(List.of("seed"), titles(live));
            assertEquals(List.of("kept"), titles(live.dataSource("staging")));
        }
    }

    @Test
    void postgresKeepsEachDataSourceInASchemaOfItsOwn() throws Exception {
        PostgresServer server = PostgresServer.shared();
        String jdbc = "jdbc:" + server.url().replace("xs@", "");
        String database = "ds_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = DriverManager.getConnection(jdbc, "xs", null); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + database);
        }
        String url = server.url().replace("/postgres", "/" + database);
        try {
            try (WriteHooks live = Engines.postgres(url)) {
                live.define(task());
                assertEquals(1L, live.dataSource("test").add("task", Map.of("title", "t")).get("id"));
                assertEquals(List.of("seed"), titles(live));
            }
            assertEquals(List.of("xs_datasource_test"), schemas(jdbc, database, "xs_datasource_"));
            try (WriteHooks live = Engines.postgres(url)) {
                live.define(task());
                assertEquals(List.of("live", "test"), live.dataSources());
                assertEquals(List.of("t"), titles(live.dataSource("test")));
            }
            try (WriteHooks once = Engines.throwaway(url)) {
                once.define(task());
                once.dataSource("test").add("task", Map.of("title", "gone"));
            }
            assertEquals(List.of(), schemas(jdbc, database, "xs_test_"), "a throwaway database's data sources go with it");
        } finally {
            try (Connection c = DriverManager.getConnection(jdbc, "xs", null); Statement st = c.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }

    private static List<String> schemas(String jdbc, String database, String prefix) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbc.replace("/postgres", "/" + database), "xs", null);
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE '"
                 + prefix + "%' ORDER BY 1")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
