package xs.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import xs.ast.Program;
import xs.ast.Script;
import xs.interp.Json;
import xs.source.Source;
import xs.syntax.ParseResult;
import xs.syntax.ScriptParser;

/** The console's summary of a program: plain JSON values for every parsable script of the corpus and the samples. */
class ProgramSummaryTest {
    @Test
    void everyScriptOfTheCorpusIsSummarisedAsPlainJson() throws IOException {
        List<String> failures = new ArrayList<>();
        int summarised = 0;
        for (Path dir : List.of(Path.of("tests"), Path.of("samples"))) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".xs")).sorted().toList()) {
                    ParseResult parsed = new ScriptParser().parse(new Source(f.toString(), Files.readString(f)));
                    if (parsed.hasErrors()) {
                        continue; // xs serve refuses scripts that do not parse
                    }
                    Script script = parsed.script();
                    try {
                        Map<String, Object> summary = ProgramSummary.of(new Program(List.of(script)));
                        // Only plain values: it must survive a JSON round trip unchanged.
                        assertEquals(Json.write(summary), Json.write(Json.read(Json.write(summary))), f.toString());
                        summarised++;
                    } catch (RuntimeException | Json.Malformed | AssertionError e) {
                        failures.add(f + ": " + e);
                    }
                }
            }
        }
        assertEquals(List.of(), failures);
        assertTrue(summarised > 50, "corpus not found");
    }

    @Test
    void nestedAndEnumInputsAndDefaults() {
        String source = """
            function "order" {
              input {
                enum status?="open" { values = ["open", "paid"] }
                text[] tags? filters=trim
                object customer {
                  description = "who ordered"
                  schema {
                    text name filters=trim|max:40
                    int? age
                  }
                }
              }
              stack {}
              response = $input
            }
            """;
        Script script = new ScriptParser().parse(new Source("order.xs", source)).script();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> inputs = (List<Map<String, Object>>) ((List<Map<String, Object>>)
            ProgramSummary.of(new Program(List.of(script))).get("functions")).get(0).get("inputs");
        Map<String, Object> status = inputs.get(0);
        assertEquals("open", status.get("default"));
        assertEquals(true, status.get("optional"));
        assertEquals(List.of("open", "paid"), status.get("values"));
        Map<String, Object> tags = inputs.get(1);
        assertEquals(true, tags.get("array"));
        assertEquals(List.of("trim"), tags.get("filters"));
        Map<String, Object> customer = inputs.get(2);
        assertEquals("who ordered", customer.get("description"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> fields = (List<Map<String, Object>>) customer.get("fields");
        assertEquals(List.of("trim", "max:40"), fields.get(0).get("filters"));
        assertEquals(true, fields.get(1).get("nullable"));
    }
}
