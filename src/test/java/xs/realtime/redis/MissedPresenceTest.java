package xs.realtime.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import xs.realtime.Delivery;
import xs.realtime.WireFrame;

/** The presence updates kept for the other nodes during an outage: in order, and bounded. */
class MissedPresenceTest {
    private static Delivery update(int n) {
        return new Delivery("room:" + n, Delivery.Audience.PRESENCE_WATCHERS, "s" + n,
            WireFrame.text("{}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void keepsTheOrderAndTheNewestWhenFull() {
        MissedPresence missed = new MissedPresence();
        assertFalse(missed.waiting());
        for (int i = 0; i < MissedPresence.LIMIT + 5; i++) {
            missed.add(update(i));
        }
        assertTrue(missed.waiting());
        assertEquals(5, missed.takeLost(), "the five oldest were dropped");
        assertEquals(0, missed.takeLost(), "and counted once");
        for (int i = 5; i < MissedPresence.LIMIT + 5; i++) {
            assertEquals("s" + i, missed.peek().socketId());
            missed.sent();
        }
        assertNull(missed.peek());
        assertFalse(missed.waiting());
    }
}
