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
import xs.db.hooks.WriteHooks;
import xs.testing.PostgresServer;

/**
 * The database corpus (tests/db) against the PostgreSQL engine, each case in a schema of its
 * own on a throwaway cluster: the same cases, the same expected results as in memory.
 */
class PostgresCorpusTest {
    @TestFactory
    Stream<DynamicTest> corpusOnPostgres() throws IOException, InterruptedException {
        PostgresServer server = PostgresServer.shared();
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(Path.of("tests/db"))) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".xs")).sorted().toList()) {
                for (RunCases.Case c : RunCases.of(file)) {
                    tests.add(DynamicTest.dynamicTest(c.name(), () -> {
                        PostgresDatabase db = PostgresDatabase.open(PgSettings.parse(server.url())
                            .withSchema(PostgresServer.schemaName()).withPool(2, 10_000));
                        try (WriteHooks hooked = new WriteHooks(db)) {
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
