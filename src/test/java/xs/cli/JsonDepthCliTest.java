package xs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xs.db.JsonDepth;
import xs.interp.Json;

/** The one JSON depth limit on the command line: --input, --data, json columns, responses. */
class JsonDepthCliTest {
    @TempDir
    Path dir;
    Path script;

    private static final String PROGRAM = """
        table blob {
          schema {
            int id
            json value
          }
        }
        function store {
          input {
            json value
          }
          stack {
            db.add blob { data = {value: $input.value} } as $row
          }
          response = $row.value
        }
        function store_deeper {
          input {
            json value
          }
          stack {
            db.add blob { data = {value: [[$input.value]]} } as $row
          }
          response = $row
        }
        function answer_deeper {
          input {
            json value
          }
          stack {
          }
          response = [[$input.value]]
        }
        function log_deeper {
          input {
            json value
          }
          stack {
            debug.log { value = [[$input.value]] }
          }
          response = 1
        }
        """;

    @BeforeEach
    void write() throws Exception {
        script = dir.resolve("blob.xs");
        Files.writeString(script, PROGRAM);
    }

    /** A list nested {@code depth} deep, as JSON text. */
    static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    private static void assertNamesTheLimit(String message) {
        assertTrue(message.contains("deeper than " + JsonDepth.MAX + " levels"), message);
        assertFalse(message.contains("Exception") || message.contains("jackson") || message.contains("\tat "), message);
    }

    @Test
    void aValueAtTheLimitIsStoredAndPrinted() throws Exception {
        String value = nested(JsonDepth.MAX - 1);
        Cli.Result r = Cli.run("run", script.toString(), "--function", "store", "--input", "{\"value\": " + value + "}",
            "--format", "json");
        assertEquals(0, r.code(), r.err());
        assertEquals(Json.read(value), ((Map<?, ?>) Json.read(r.out())).get("response"));
    }

    @Test
    void deeperInputIsAUsageErrorNamingTheLimit() throws Exception {
        String deep = "{\"value\": " + nested(JsonDepth.MAX) + "}";
        Cli.Result r = Cli.run("run", script.toString(), "--function", "store", "--input", deep);
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--input"), r.err());
        assertNamesTheLimit(r.err());

        Path file = dir.resolve("deep.json");
        Files.writeString(file, deep);
        Cli.Result fromFile = Cli.run("run", script.toString(), "--function", "store", "--input=@" + file);
        assertEquals(2, fromFile.code(), fromFile.err());
        assertTrue(fromFile.err().contains(file.toString()), fromFile.err());
        assertNamesTheLimit(fromFile.err());
    }

    @Test
    void deeperDataFileIsAUsageErrorNamingTheLimit() throws Exception {
        Path data = dir.resolve("data.json");
        Files.writeString(data, "{\"blob\": [{\"value\": " + nested(JsonDepth.MAX) + "}]}");
        Cli.Result r = Cli.run("run", script.toString(), "--function", "store", "--input", "{\"value\": 1}",
            "--data", data.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains(data.toString()), r.err());
        assertNamesTheLimit(r.err());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aJsonColumnRefusesADeeperValueAsAnInputError() throws Exception {
        Cli.Result r = Cli.run("run", script.toString(), "--function", "store_deeper",
            "--input", "{\"value\": " + nested(JsonDepth.MAX - 1) + "}", "--format", "json");
        assertEquals(1, r.code(), r.err());
        Map<String, Object> error = (Map<String, Object>) ((Map<String, Object>) Json.read(r.out())).get("error");
        assertEquals(400L, error.get("status"), r.out());
        assertEquals("ERROR_CODE_INPUT_ERROR", error.get("code"));
        assertNamesTheLimit((String) error.get("message"));
    }

    @Test
    void aResponseNestedDeeperIsARuntimeErrorNotACrash() throws Exception {
        Cli.Result r = Cli.run("run", script.toString(), "--function", "answer_deeper",
            "--input", "{\"value\": " + nested(JsonDepth.MAX - 1) + "}");
        assertEquals(1, r.code(), r.err());
        assertFalse(r.err().contains("internal error"), r.err());
        assertNamesTheLimit(r.err());
    }

    @Test
    void aLogLineNestedDeeperIsARuntimeErrorNotACrash() throws Exception {
        Cli.Result r = Cli.run("run", script.toString(), "--function", "log_deeper",
            "--input", "{\"value\": " + nested(JsonDepth.MAX - 1) + "}");
        assertEquals(1, r.code(), r.err());
        assertFalse(r.err().contains("internal error"), r.err());
        assertTrue(r.err().contains("debug.log"), r.err());
        assertNamesTheLimit(r.err());
    }
}
