package xs.realtime;

/**
 * A request the hub refuses: an {@code error} frame with one of the codes of protocol §3.
 * Thrown inside the hub and turned into the frame at one place; carries no stack trace.
 * <pre>{"action":"error","options":{"channel":"room:1"},"payload":{"code":"not_joined","message":"…"}}</pre>
 */
final class Refusal extends RuntimeException {
    private final String code;
    private final String channel;

    Refusal(String code, String channel, String message) {
        super(message, null, false, false);
        this.code = code;
        this.channel = channel;
    }

    String code() {
        return code;
    }

    String channel() {
        return channel;
    }

    WireFrame frame() {
        return Frames.error(channel, code, getMessage());
    }
}
