package xs.interp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import xs.ast.GenericStmt;
import xs.source.Span;

/**
 * {@code util.send_email}: the message goes to the run's {@link Outbox}, never to a mail
 * provider; the API key is not kept. The result is {@code {id, status: "kept", to, subject}}.
 * <pre>util.send_email { service_provider = "resend" api_key = $env.KEY to = $u.email from = "no-reply@x.io" subject = "Hi" message = $body } as $sent</pre>
 */
final class MailStatements {
    private static final List<String> FIELDS = List.of("service_provider", "to", "from", "reply_to", "cc", "bcc",
        "subject", "message", "scheduled_at", "attachment");

    private MailStatements() {
    }

    static void register(StatementRegistry r) {
        Set<String> attributes = new java.util.HashSet<>(FIELDS);
        attributes.add("api_key");
        r.add("util.send_email", attributes, Set.of(), MailStatements::send);
    }

    private static Exec send(GenericStmt s, Compilation c) {
        Map<String, Eval> fields = new LinkedHashMap<>();
        for (String k : FIELDS) {
            Eval e = c.attr(s, k);
            if (e != null) {
                fields.put(k, e);
            }
        }
        Span span = s.span();
        return CoreStatements.produce(s, c, f -> {
            Map<String, Object> message = new LinkedHashMap<>();
            for (Map.Entry<String, Eval> e : fields.entrySet()) {
                message.put(e.getKey(), e.getValue().eval(f));
            }
            Object to = message.get("to");
            if (message.containsKey("to") && (to == null || "".equals(to))) {
                throw XsError.runtime(span, "util.send_email: to is empty");
            }
            message.put("sent_at", f.context.now());
            String id = f.context.services.outside().mail().deliver(message);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("id", id);
            result.put("status", "kept");
            result.put("to", to);
            result.put("subject", message.get("subject"));
            return result;
        });
    }
}
