package xs.realtime.redis;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Echoes of unanswered publishes: recognised by content, once per publish, and not forever. */
class UnansweredTest {
    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void eachUnansweredPublishDropsOneEcho() {
        Unanswered u = new Unanswered();
        assertFalse(u.isEcho(bytes("a"), 0));
        u.add(bytes("a"), 0);
        u.add(bytes("a"), 1);
        u.add(bytes("b"), 2);
        assertFalse(u.isEcho(bytes("c"), 3), "other content passes");
        assertTrue(u.isEcho(bytes("a"), 3));
        assertTrue(u.isEcho(bytes("a"), 4), "the same frame sent twice: two echoes dropped");
        assertFalse(u.isEcho(bytes("a"), 5), "a third one is a new frame");
        assertTrue(u.isEcho(bytes("b"), 6));
    }

    @Test
    void entriesAreForgottenAfterTheirTime() {
        Unanswered u = new Unanswered();
        u.add(bytes("a"), 1_000);
        assertFalse(u.isEcho(bytes("a"), 1_000 + Unanswered.KEEP_MILLIS + 1));
    }
}
