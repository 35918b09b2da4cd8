package xs.db.engines;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import xs.db.ColumnSchema;
import xs.db.Condition;
import xs.db.Database;
import xs.db.IndexSchema;
import xs.db.Op;
import xs.db.Operand;
import xs.db.Query;
import xs.db.TableSchema;
import xs.db.hooks.WriteHooks;
import xs.testing.PostgresServer;

/**
 * Where the engines knowingly differ: {@code ==} and {@code in} on a whole declared json column
 * with a list or object. The memory engine compares loosely, element by element ({@code [1]}
 * equals {@code ["1"]}); PostgreSQL compares the jsonb values exactly, so a btree index on the
 * column serves the lookup (a loose comparison cannot use one). A path into the column, or a field
 * of an undeclared table, compares loosely on both (tests/db/engine_agreement.xs). README,
 * "Several processes": the same difference in words.
 */
class JsonColumnEqualityTest {
    private static TableSchema doc() {
        return new TableSchema("doc", List.of(ColumnSchema.of("name", "text"), ColumnSchema.of("data", "json")),
            List.of(new IndexSchema("btree", List.of("data"))), List.of(), false);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> names(Database db, Op op, Object value) {
        Condition where = new Condition.Compare(new Operand.Column(null, "data"), op, new Operand.Constant(value));
        List<Object> out = new ArrayList<>();
        for (Object row : (List<Object>) db.query(Query.where("doc", where))) {
            out.add(((Map<String, Object>) row).get("name"));
        }
        return out;
    }

    private static Map<String, List<Object>> results(Database db) {
        db.define(doc());
        db.add("doc", Map.of("name", "numbers", "data", List.of(1L, 2L)));
        db.add("doc", Map.of("name", "texts", "data", List.of("1", "2")));
        db.add("doc", Map.of("name", "object", "data", Map.of("n", 1L)));
        db.add("doc", Map.of("name", "object text", "data", Map.of("n", "1")));
        return Map.of(
            "eq_list", names(db, Op.EQ, List.of(1L, 2L)),
            "eq_object", names(db, Op.EQ, Map.of("n", 1L)),
            "in", names(db, Op.IN, List.of(List.of("1", "2"), Map.of("n", "1"))));
    }

    @Test
    void theMemoryEngineComparesAWholeJsonColumnLoosely() {
        try (WriteHooks db = Engines.inMemory()) {
            assertEquals(Map.of(
                "eq_list", List.of("numbers", "texts"),
                "eq_object", List.of("object", "object text"),
                "in", List.of("numbers", "texts", "object", "object text")), results(db));
        }
    }

    @Test
    void postgresComparesAWholeJsonColumnExactlySoItsIndexServes() throws Exception {
        try (WriteHooks db = Engines.throwaway(PostgresServer.shared().url())) {
            assertEquals(Map.of(
                "eq_list", List.of("numbers"),
                "eq_object", List.of("object"),
                "in", List.of("texts", "object text")), results(db));
        }
    }
}
