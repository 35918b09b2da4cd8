package xs.db.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import xs.RunCases;
import xs.db.engines.Engines;
import xs.db.hooks.WriteHooks;
import xs.testing.PostgresServer;

/**
 * The database corpus (tests/db) against the PostgreSQL engine, each case in a schema of its
 * own on a throwaway cluster: the same cases, the same expected results as in memory (named
 * data sources are schemas of their own too); and the cases of tests/postgres, which only
 * PostgreSQL runs.
 */
class PostgresCorpusTest {
    @TestFactory
    Stream<DynamicTest> corpusOnPostgres() throws IOException, InterruptedException {
        return cases(Path.of("tests/db"));
    }

    /** The cases only PostgreSQL runs (db.direct_query). */
    @TestFactory
    Stream<DynamicTest> postgresOnlyCorpus() throws IOException, InterruptedException {
        return cases(Path.of("tests/postgres"));
    }

    private static Stream<DynamicTest> cases(Path folder) throws IOException, InterruptedException {
        PostgresServer server = PostgresServer.shared();
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".xs")).sorted().toList()) {
                for (RunCases.Case c : RunCases.of(file)) {
                    tests.add(DynamicTest.dynamicTest(c.name(), () -> {
                        PgSettings settings = PgSettings.parse(server.url()).withPool(2, 10_000);
                        PostgresDatabase db = PostgresDatabase.open(settings.withSchema(PostgresServer.schemaName()));
                        // Other data sources (tests/db/datasources.xs) in throwaway schemas, dropped on close.
                        try (WriteHooks hooked = new WriteHooks(db, Engines.throwawaySchemas(settings))) {
                            try {
                                c.verify(hooked);
                            } finally {
                                db.dropSchema();
                            }
                        }
                    }));
                }
            }
        }
        return tests.stream();
    }
}
