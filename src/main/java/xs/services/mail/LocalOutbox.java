package xs.services.mail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import xs.interp.Json;
import xs.interp.Outbox;
import xs.interp.Values;

/**
 * The outbox of one xs process: the last {@value #KEPT} messages in memory, a log line per
 * message, and, with a data directory, every message appended as one JSON line to
 * {@code outbox.jsonl} there. Nothing is ever sent.
 * <pre>util.send_email { to = "ada@example.com" subject = "Welcome" message = $html }</pre>
 */
public final class LocalOutbox implements Outbox {
    static final int KEPT = 500;

    private final Deque<Map<String, Object>> kept = new ArrayDeque<>();
    private final Consumer<String> log;
    private final Path file;

    /** @param file where messages are appended (null: memory only) */
    public LocalOutbox(Consumer<String> log, Path file) {
        this.log = log;
        this.file = file;
    }

    @Override
    public String deliver(Map<String, Object> message) {
        String id = UUID.randomUUID().toString();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.putAll(message);
        synchronized (kept) {
            kept.addLast(m);
            if (kept.size() > KEPT) {
                kept.removeFirst();
            }
        }
        log.accept("xs: email " + id + " to " + Values.toText(message.get("to")) + " \"" + Values.toText(message.get("subject"))
            + "\" kept in the outbox (not sent)");
        if (file != null) {
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.writeString(file, Json.write(m) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            } catch (IOException e) {
                log.accept("xs: cannot append the email to " + file + ": " + e.getMessage());
            }
        }
        return id;
    }

    @Override
    public List<Map<String, Object>> messages() {
        synchronized (kept) {
            return new ArrayList<>(kept);
        }
    }
}
