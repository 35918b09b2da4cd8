package xs.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Bad input, one kind per test, on a hub with small limits; a bystander checks after each that
 * the hub still serves everyone else.
 */
class HostileClientTest {
    static TestHub hub;
    WsClient bystander;

    @BeforeAll
    static void start() {
        hub = TestHub.start(TestHub.small());
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @BeforeEach
    void bystander() {
        bystander = hub.user("999");
        bystander.joined("chat:bystander");
    }

    /** The bystander still gets a round trip through the hub promptly. */
    /** The bystander is still answered (within its patience: the event, not a stopwatch, decides). */
    void hubStillServes() {
        bystander.message("chat:bystander", "{\"still\":\"here\"}");
        assertEquals("here", bystander.expect("message").path("payload").path("still").asText());
    }

    @Test
    void nonJsonFrames() {
        WsClient c = hub.user("1");
        c.send("hello");
        c.expectError("bad_request");
        c.send("{\"action\":\"join\"");
        c.expectError("bad_request");
        c.send("{} trailing");
        c.expectError("bad_request");
        c.sendBinary(new byte[] {1, 2, 3});
        c.expectError("bad_request");
        c.joined("chat:still-open");
        hubStillServes();
    }

    @Test
    void nonObjectFrames() {
        WsClient c = hub.user("1");
        for (String frame : new String[] {"[]", "\"join\"", "42", "null", "true"}) {
            c.send(frame);
            c.expectError("bad_request");
        }
        hubStillServes();
    }

    @Test
    void unknownActions() {
        WsClient c = hub.user("1");
        c.send("{\"action\":\"subscribe\",\"options\":{\"channel\":\"chat:u\"}}");
        c.expectError("unknown_action");
        c.send("{\"action\":\"JOIN\",\"options\":{\"channel\":\"chat:u\"}}");
        c.expectError("unknown_action");
        c.send("{\"action\":\"connection_status\",\"options\":{}}");
        c.expectError("unknown_action");
        hubStillServes();
    }

    @Test
    void missingFields() {
        WsClient c = hub.user("1");
        c.send("{\"options\":{\"channel\":\"chat:m\"}}");
        assertEquals("chat:m", c.expectError("bad_request").path("options").path("channel").asText());
        c.send("{\"action\":42}");
        c.expectError("bad_request");
        c.send("{\"action\":\"join\"}");
        c.expectError("bad_request");
        c.send("{\"action\":\"join\",\"options\":{}}");
        c.expectError("bad_request");
        c.send("{\"action\":\"join\",\"options\":{\"channel\":7}}");
        c.expectError("bad_request");
        c.send("{\"action\":\"join\",\"options\":\"chat:m\"}");
        c.expectError("bad_request");
        c.send("{\"action\":\"message\",\"options\":{\"channel\":\"chat:m\",\"socketId\":5},\"payload\":{}}");
        c.expectError("bad_request");
        hubStillServes();
    }

    @Test
    void oversizedFrameClosesWith1009AndLeavesPresence() {
        WsClient watcher = hub.user("1");
        watcher.join("chat:big", true, false);
        watcher.expect("join");
        watcher.expect("presence_full");
        WsClient big = hub.user("2");
        big.joined("chat:big");
        watcher.expect("presence_update");
        big.message("chat:big", "{\"blob\":\"" + "x".repeat(8 * 1024) + "\"}");
        assertTrue(big.expectError("message_too_large").path("payload").path("message").asText().contains("4096"));
        assertEquals(1009, big.closeCode(5000));
        JsonNode leave = watcher.expect("presence_update");
        assertEquals("leave", leave.path("payload").path("action").asText());
        watcher.expectSilence(200);
        hubStillServes();
    }

    @Test
    void fragmentedMessagesAreJoinedAndCountedWhole() {
        WsClient c = hub.user("1");
        c.socket().sendText("{\"action\":\"join\",", false).join();
        c.socket().sendText("\"options\":{\"channel\":\"chat:frag\"},\"payload\":{}}", true).join();
        c.expect("join");
        String part = "z".repeat(3000);
        c.socket().sendText("{\"action\":\"message\",\"options\":{\"channel\":\"chat:frag\"},\"payload\":\"" + part, false).join();
        c.socket().sendText(part + "\"}", true).join();
        c.expectError("message_too_large");
        assertEquals(1009, c.closeCode(5000));
        hubStillServes();
    }

    @Test
    void frameJustUnderTheLimitIsFine() {
        WsClient c = hub.user("1");
        c.joined("chat:fits");
        c.message("chat:fits", "{\"blob\":\"" + "x".repeat(3 * 1024) + "\"}");
        assertEquals(3 * 1024, c.expect("message").path("payload").path("blob").asText().length());
    }

    @Test
    void historyLargerThanTheBacklogStillArrives() {
        WsClient a = hub.user("1");
        a.joined("chat:long");
        String blob = "h".repeat(3500);
        for (int i = 0; i < 25; i++) {
            a.message("chat:long", "{\"i\":" + i + ",\"blob\":\"" + blob + "\"}");
            a.expect("message");
        }
        WsClient late = hub.user("2");
        late.join("chat:long", false, true);
        late.expect("join");
        assertEquals(25, late.expect("history").path("payload").path("history").size(), "about 90 KiB in one frame");
        hubStillServes();
    }

    @Test
    @Timeout(60)
    void floodFromOneClient() throws Exception {
        WsClient flooder = hub.user("1");
        flooder.joined("open:flood");
        Thread flood = new Thread(() -> {
            for (int i = 0; i < 3000 && flooder.closed.getNow(null) == null; i++) {
                try {
                    flooder.message("open:flood", "{\"i\":" + i + "}");
                } catch (IllegalStateException e) {
                    return;
                }
            }
        });
        flood.start();
        for (int i = 0; i < 10; i++) {
            hubStillServes();
        }
        flood.join(30_000);
        hubStillServes();
        // The flooder is either still connected (its echoes come first, then the reply to a new join) or was cut
        // off as a slow reader, possibly only now, while its last echoes are queued.
        if (flooder.closed.getNow(null) == null) {
            try {
                flooder.join("chat:after-flood", false, false);
            } catch (IllegalStateException closedMeanwhile) {
                assertTrue(flooder.closed.getNow(null) != null, "the join could not be sent to an open socket");
                return;
            }
            String action;
            do {
                JsonNode f = flooder.frames.poll(5, TimeUnit.SECONDS);
                action = f == null ? "nothing" : f.path("action").asText();
            } while (action.equals("message"));
            String last = action;
            assertTrue(last.equals("join") || flooder.closed.getNow(null) != null, () -> "after the echoes: " + last);
        }
    }

    @Test
    @Timeout(60)
    void clientThatStopsReadingIsClosedWith1013() throws Exception {
        long slowBefore = hub.hub.stats().snapshot().slowConsumersClosed();
        WsClient slow = hub.user("1");
        WsClient fast = hub.user("2");
        WsClient publisher = hub.user("3");
        slow.joined("open:slow");
        fast.joined("open:slow");
        publisher.joined("open:slow");
        slow.stopReading();
        String blob = "y".repeat(2000);
        int sent = 0;
        // Kernel buffers absorb a few megabytes before the hub's own backlog (64 KiB here) fills.
        while (hub.hub.stats().snapshot().slowConsumersClosed() == slowBefore && sent < 20_000) {
            publisher.message("open:slow", "{\"n\":" + sent + ",\"blob\":\"" + blob + "\"}");
            sent++;
            JsonNode got = fast.expect("message");
            assertEquals(sent - 1, got.path("payload").path("n").asInt(), "the fast reader is unaffected");
            publisher.expect("message");
        }
        assertEquals(slowBefore + 1, hub.hub.stats().snapshot().slowConsumersClosed(), "closed after " + sent);
        slow.resumeReading();
        int code = slow.closeCode(10_000);
        assertTrue(code == 1013 || code == -1, "close code " + code);
        publisher.message("open:slow", "{\"after\":true}");
        assertTrue(fast.expect("message").path("payload").path("after").asBoolean());
        hubStillServes();
    }

    @Test
    void wrongSecretIs401() {
        String forged = new Tokens("another-secret").mint("1", Map.of(), 3600, "user");
        WsClient.Refused r = assertThrows(WsClient.Refused.class, () -> hub.connect(forged));
        assertEquals(401, r.status);
        assertEquals(401, assertThrows(WsClient.Refused.class, () -> hub.connect("garbage")).status);
        hubStillServes();
    }

    @Test
    void expiredTokenIs401() {
        String expired = hub.tokens.mint("1", Map.of(), -60, "user");
        assertEquals(401, assertThrows(WsClient.Refused.class, () -> hub.connect(expired)).status);
        hubStillServes();
    }

    @Test
    @Timeout(30)
    void expiryWhileConnectedClosesWith4001() {
        WsClient watcher = hub.user("1");
        watcher.join("chat:exp", true, false);
        watcher.expect("join");
        watcher.expect("presence_full");
        WsClient shortLived = hub.connect(hub.tokens.mint("2", Map.of(), 2, "user"));
        shortLived.joined("chat:exp");
        watcher.expect("presence_update");
        assertEquals(4001, shortLived.closeCode(20_000));
        assertEquals("leave", watcher.expect("presence_update").path("payload").path("action").asText());
        hubStillServes();
    }

    @Test
    void unknownAndInactiveChannels() {
        WsClient c = hub.user("1");
        c.join("nope:1", false, false);
        c.expectError("channel_not_found");
        c.message("nope:1", "{}");
        c.expectError("channel_not_found");
        c.history("nope:1");
        c.expectError("channel_not_found");
        c.join("closed", false, false);
        c.expectError("channel_inactive");
        hubStillServes();
    }

    @Test
    void sendingWithoutRights() {
        WsClient anon = hub.anonymous();
        anon.joined("open:rights");
        anon.message("open:rights", "{}");
        anon.expectError("auth_required");
        WsClient user = hub.user("1");
        user.message("open:rights", "{}");
        user.expectError("not_joined");
        user.joined("quiet:rights");
        user.message("quiet:rights", "{}");
        user.expectError("messaging_disabled");
        user.message("quiet:rights", "\"socketId\":" + WsClient.q(user.socketId), "{}");
        user.expectError("messaging_disabled");
        hubStillServes();
    }

    @Test
    void privateMessagesToUnknownSocketIds() {
        WsClient a = hub.user("1");
        WsClient b = hub.user("2");
        a.joined("chat:who");
        b.joined("chat:elsewhere");
        a.message("chat:who", "\"socketId\":\"AAAAAAAAAAAAAAAAAAAAAAAA\"", "{}");
        a.expectError("target_not_found");
        // a socket that exists but is not in this channel is not a target either
        a.message("chat:who", "\"socketId\":" + WsClient.q(b.socketId), "{}");
        a.expectError("target_not_found");
        b.expectSilence(200);
        hubStillServes();
    }
}
