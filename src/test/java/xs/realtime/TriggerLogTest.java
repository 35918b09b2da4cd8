package xs.realtime;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import xs.ast.Program;
import xs.db.engines.Engines;
import xs.interp.ChannelConfig;
import xs.interp.ChannelDirectory;
import xs.interp.EventRecorder;
import xs.interp.Identity;
import xs.interp.Interpreter;
import xs.interp.Services;
import xs.source.Source;
import xs.syntax.ScriptParser;

/** A failing trigger's log line leads to the script: it starts with the failing file:line:col. */
class TriggerLogTest {
    @Test
    void aFailingTriggerIsLoggedWithItsFileAndLine() {
        String script = """
            realtime_trigger gate {
              channel = "room:*"
              input {
              }
              stack {
                precondition (false) {
                  error = "closed"
                }
              }
              response = true
              actions = {join: true}
            }
            """;
        Program program = new Program(List.of(new ScriptParser().parse(new Source("app/gate.xs", script)).script()));
        Interpreter interpreter = new Interpreter(program, Services.of(Engines.inMemory(),
            new EventRecorder(ChannelDirectory.of(program)), Map.of(), 10_000));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TriggerRunner runner = TriggerRunner.of(interpreter, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        ClientInfo client = ClientInfo.of("s1", new Identity("5", "user", Map.of()), 1);
        assertThrows(Refusal.class, () -> runner.join("room:1", ChannelConfig.of("room:*", Map.of()),
            new Request("join", "room:1", null, null), client));
        String log = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(log.startsWith("xs serve: app/gate.xs:6:5: realtime_trigger \"gate\" failed on room:1: closed"), log);
    }
}
