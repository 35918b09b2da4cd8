package xs.interp;

import java.util.List;
import java.util.Map;

/**
 * Where {@code util.send_email} delivers: xs never sends mail, it keeps each message (to, from,
 * subject, message, cc, bcc, reply_to, provider, time) so a developer can read it;
 * {@code xs.services.mail} keeps them in memory, logs each one and appends them to a file of
 * the data directory.
 * <pre>util.send_email { service_provider = "resend" to = $user.email subject = "Hi" message = $body }</pre>
 */
public interface Outbox {
    /** Keeps the message; returns its id. */
    String deliver(Map<String, Object> message);

    /** The messages kept, oldest first. */
    List<Map<String, Object>> messages();

    /** For runs without an outbox: sending fails saying so. */
    Outbox NONE = new Outbox() {
        @Override
        public String deliver(Map<String, Object> message) {
            throw XsError.runtime(null, "util.send_email: no outbox is configured for this run");
        }

        @Override
        public List<Map<String, Object>> messages() {
            return List.of();
        }
    };
}
