package xs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xs.db.Database;
import xs.db.engines.Engines;
import xs.interp.Json;

/**
 * {@code xs data export} turns a kept database (live or a named data source) into a --data seed;
 * {@code --env-file} reads dotenv values.
 */
class DataCommandTest {
    @TempDir
    Path dir;

    @Test
    void exportWritesEveryTableAsOneSeedFileThatSeedsAgain() throws Exception {
        Path data = dir.resolve("state");
        try (Database db = Engines.durable(data)) {
            db.add("note", Map.of("text", "first"));
            db.add("note", Map.of("text", "second"));
            db.add("tag", Map.of("name", "x"));
        }
        Path seed = dir.resolve("seed.json");
        Cli.Result r = Cli.run("data", "export", "--data-dir", data.toString(), "--out", seed.toString());
        assertEquals(0, r.code(), r.err());
        @SuppressWarnings("unchecked")
        Map<String, List<Map<String, Object>>> tables = (Map<String, List<Map<String, Object>>>) Json.read(
            Files.readString(seed));
        assertEquals(List.of("note", "tag"), List.copyOf(tables.keySet()));
        assertEquals("second", tables.get("note").get(1).get("text"));
        Files.writeString(dir.resolve("f.xs"), "function count {\n  stack {\n    db.query note {\n"
            + "      return = {type: \"count\"}\n    } as $n\n  }\n  response = $n\n}\n");
        Cli.Result run = Cli.run("run", dir.resolve("f.xs").toString(), "--data", seed.toString());
        assertEquals("2", run.out().trim(), run.err());
        assertEquals(2, Cli.run("data", "export", "--data-dir", dir.resolve("missing").toString()).code());
    }

    @Test
    void exportWritesTheDataSourceNamedAndOnlyOneThatExists() throws Exception {
        Path data = dir.resolve("state");
        try (Database db = Engines.durable(data)) {
            db.add("note", Map.of("text", "live row"));
            db.dataSource("test").add("note", Map.of("text", "test row"));
            db.dataSource("test").add("note", Map.of("text", "second test row"));
        }
        Cli.Result test = Cli.run("data", "export", "--data-dir", data.toString(), "--datasource", "test");
        assertEquals(0, test.code(), test.err());
        assertEquals(Map.of("note", List.of("1 test row", "2 second test row")), rows(test.out()));
        Cli.Result live = Cli.run("data", "export", "--data-dir", data.toString());
        assertEquals(Map.of("note", List.of("1 live row")), rows(live.out()), live.err());

        Cli.Result unknown = Cli.run("data", "export", "--data-dir", data.toString(), "--datasource", "staging");
        assertEquals(2, unknown.code());
        assertEquals("xs: no data source named \"staging\" in " + data + " (there are: live, test)", unknown.err().strip());
        assertFalse(Files.exists(data.resolve("datasources").resolve("staging")), "exporting never creates one");
        Cli.Result bad = Cli.run("data", "export", "--data-dir", data.toString(), "--datasource", "../live");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("xs: --datasource: the data source name \"../live\" is not usable"), bad.err());
    }

    /** Each table's rows of an exported file as "id text". */
    private static Map<String, List<String>> rows(String json) throws Json.Malformed {
        Map<String, List<String>> out = new java.util.TreeMap<>();
        ((Map<?, ?>) Json.read(json)).forEach((table, rows) -> out.put((String) table, ((List<?>) rows).stream()
            .map(r -> ((Map<?, ?>) r).get("id") + " " + ((Map<?, ?>) r).get("text")).toList()));
        return out;
    }

    @Test
    void envFileValuesReachEnvAndEnvWinsButNoValueIsPrinted() throws Exception {
        Files.writeString(dir.resolve(".env"), "# keys\nexport API_KEY=\"sk_live_1\\n2\"\nPLAIN = bare value # note\n"
            + "QUOTED='$not ${expanded}'\nOVERRIDDEN=file\n");
        Files.writeString(dir.resolve("f.xs"), "function env {\n  stack {\n  }\n  response = [$env.API_KEY, "
            + "$env.PLAIN, $env.QUOTED, $env.OVERRIDDEN]\n}\n");
        Cli.Result r = Cli.run("run", dir.resolve("f.xs").toString(), "--env-file", dir.resolve(".env").toString(),
            "--env", "OVERRIDDEN=flag", "--format", "json");
        assertEquals(0, r.code(), r.err());
        assertEquals(List.of("sk_live_1\n2", "bare value", "$not ${expanded}", "flag"),
            ((Map<?, ?>) Json.read(r.out())).get("response"));
        Files.writeString(dir.resolve("bad.env"), "SECRET=\"sk_live_unterminated\n");
        Cli.Result bad = Cli.run("run", dir.resolve("f.xs").toString(), "--env-file", dir.resolve("bad.env").toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("bad.env:1: the value's closing \" is missing"), bad.err());
        assertFalse(bad.err().contains("sk_live"), bad.err());
    }
}
