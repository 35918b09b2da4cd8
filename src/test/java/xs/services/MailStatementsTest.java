package xs.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xs.interp.Json;
import xs.services.mail.LocalOutbox;

/** util.send_email keeps the message in the outbox (memory, log line, outbox.jsonl) and never keeps the API key. */
class MailStatementsTest {
    @Test
    void messagesAreKeptLoggedAndWrittenNotSent(@TempDir Path dir) throws Exception {
        List<String> log = new ArrayList<>();
        LocalOutbox outbox = new LocalOutbox(log::add, dir.resolve("outbox.jsonl"));
        Scripts s = Scripts.of("""
            function welcome {
              input {
                text email
              }
              stack {
                util.send_email {
                  service_provider = "resend"
                  api_key = $env.SECRET
                  from = "no-reply@example.com"
                  to = $input.email
                  subject = "Welcome"
                  message = "<p>Hi</p>"
                } as $sent
              }
              response = $sent
            }
            """, sv -> sv.with(StandardOutside.create().withMail(outbox)));
        Map<?, ?> sent = (Map<?, ?>) s.call("welcome", Map.of("email", "ada@example.com"));
        assertEquals("kept", sent.get("status"));
        assertEquals("ada@example.com", sent.get("to"));
        List<Map<String, Object>> kept = outbox.messages();
        assertEquals(1, kept.size());
        Map<String, Object> m = kept.get(0);
        assertEquals(sent.get("id"), m.get("id"));
        assertEquals("<p>Hi</p>", m.get("message"));
        assertEquals("resend", m.get("service_provider"));
        assertFalse(m.containsKey("api_key"));
        String line = Files.readString(dir.resolve("outbox.jsonl")).strip();
        assertEquals(Json.read(Json.write(m)), Json.read(line));
        assertFalse(line.contains("s3cret"), "the API key never reaches the outbox file");
        assertEquals(1, log.size());
        assertTrue(log.get(0).contains("to ada@example.com \"Welcome\" kept in the outbox (not sent)"), log.get(0));
    }
}
