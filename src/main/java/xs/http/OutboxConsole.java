package xs.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import xs.interp.Outbox;
import xs.interp.Values;

/**
 * The console's view of the outbox that {@code util.send_email} fills: the kept messages, newest
 * first, each with its recipients, subject, time and a short plain-text preview of the body
 * (tags and runs of spaces removed) beside the whole message.
 * <pre>GET /console/api/outbox  →  {"messages": [{"id": "…", "to": "ada@example.com", "subject": "Welcome", …}]}</pre>
 */
final class OutboxConsole {
    /** Characters of the body a preview shows. */
    static final int PREVIEW = 160;

    private final Outbox outbox;

    OutboxConsole(Outbox outbox) {
        this.outbox = outbox == null ? Outbox.NONE : outbox;
    }

    Map<String, Object> list() {
        List<Map<String, Object>> kept = outbox.messages();
        List<Object> messages = new ArrayList<>(kept.size());
        for (int i = kept.size() - 1; i >= 0; i--) {
            Map<String, Object> m = kept.get(i);
            Map<String, Object> out = new LinkedHashMap<>();
            for (String key : List.of("id", "to", "from", "cc", "bcc", "reply_to", "subject", "service_provider",
                "sent_at")) {
                if (m.containsKey(key)) {
                    out.put(key, m.get(key));
                }
            }
            String body = m.get("message") == null ? "" : Values.toText(m.get("message"));
            out.put("preview", preview(body));
            out.put("message", body);
            messages.add(out);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("messages", messages);
        return body;
    }

    /** The body as one line of text: HTML tags dropped, spaces collapsed, cut at {@value #PREVIEW} characters. */
    static String preview(String body) {
        String text = body.replaceAll("(?s)<(style|script)\\b.*?</\\1>", " ").replaceAll("<[^>]*>", " ")
            .replaceAll("\\s+", " ").replaceAll(" ([,.;:!?])", "$1").strip();
        return text.length() <= PREVIEW ? text : text.substring(0, PREVIEW - 1).stripTrailing() + "…";
    }
}
