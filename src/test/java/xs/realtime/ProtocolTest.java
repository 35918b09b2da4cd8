package xs.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every row of protocol §2 (client to server) and §3 (server to client), against a real server. */
class ProtocolTest extends SharedHubTest {
    // ---- §2 join / §3 join ----

    @Test
    void joinRepliesWithTheJoinerItself() {
        WsClient a = hub.connect(hub.token("7", Map.of("name", "Ann")));
        JsonNode reply = a.joined("chat:join");
        assertEquals("chat:join", reply.path("options").path("channel").asText());
        assertTrue(reply.path("payload").isObject() && reply.path("payload").isEmpty());
        JsonNode client = reply.path("client");
        assertTrue(client.path("socketId").asText().length() >= 16, "socketId is long enough to be unguessable");
        assertEquals("Ann", client.path("extras").path("name").asText());
        assertEquals(2, client.path("permissions").path("dbo_id").asInt(), "user is the 2nd table declared");
        assertTrue(client.path("permissions").path("row_id").isIntegralNumber(), "row_id is an int when numeric");
        assertEquals(7, client.path("permissions").path("row_id").asInt());
        assertEquals("user", client.path("permissions").path("table").asText());
    }

    @Test
    void anonymousClientObject() {
        JsonNode client = hub.anonymous().joined("chat:anon").path("client");
        assertEquals(0, client.path("permissions").path("dbo_id").asInt());
        assertEquals(0, client.path("permissions").path("row_id").asInt());
        assertTrue(client.path("extras").isObject() && client.path("extras").isEmpty());
        assertTrue(client.path("permissions").path("table").isMissingNode());
    }

    @Test
    void socketIdsDiffer() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            WsClient c = hub.anonymous();
            c.joined("chat:ids");
            ids.add(c.socketId);
        }
        assertEquals(5, ids.size());
    }

    @Test
    void repeatedJoinIsIdempotent() {
        WsClient a = hub.user("1");
        WsClient b = hub.user("2");
        a.watching("chat:twice");
        b.join("chat:twice", true, true);
        b.expect("join");
        b.expect("presence_full");
        b.expect("history");
        a.expect("presence_update");
        // The SDK joins again on every connection status: same replies, nothing new for others.
        b.join("chat:twice", true, true);
        b.expect("join");
        JsonNode full = b.expect("presence_full");
        assertEquals(2, full.path("payload").path("presence").size(), "no second presence entry");
        b.expect("history");
        a.expectSilence(200);
        a.message("chat:twice", "{\"n\":1}");
        a.expect("message");
        b.expect("message");
        b.expectSilence(200);
    }

    // ---- §2 leave ----

    @Test
    void leaveSendsExactlyOnePresenceLeave() {
        WsClient a = hub.user("1");
        WsClient b = hub.user("2");
        a.watching("chat:leave");
        b.joined("chat:leave");
        JsonNode joinUpdate = a.expect("presence_update");
        assertEquals("join", joinUpdate.path("payload").path("action").asText());
        b.leave("chat:leave");
        JsonNode leave = a.expect("presence_update");
        assertEquals("leave", leave.path("payload").path("action").asText());
        assertEquals(b.socketId, leave.path("payload").path("presence").path("socketId").asText());
        // The SDK's destroy() closes the socket right after leave: still just the one update.
        b.close(1000);
        b.closeCode(30_000);
        a.expectSilence(300);
        // A member that left gets no more messages.
        a.message("chat:leave", "{}");
        a.expect("message");
    }

    @Test
    void droppedSocketLeavesPresence() {
        WsClient a = hub.user("1");
        WsClient b = hub.user("2");
        a.watching("chat:drop");
        b.joined("chat:drop");
        a.expect("presence_update");
        b.abort();
        JsonNode leave = a.expect("presence_update");
        assertEquals("leave", leave.path("payload").path("action").asText());
    }

    @Test
    void leaveWithoutJoiningIsRefused() {
        WsClient a = hub.user("1");
        a.leave("chat:never");
        a.expectError("not_joined");
    }

    // ---- §2 message, public and private; §3 message ----

    @Test
    void publicMessageReachesEveryMemberSenderIncluded() {
        WsClient a = hub.user("1");
        WsClient b = hub.anonymous();
        a.joined("chat:pub");
        b.joined("chat:pub");
        a.message("chat:pub", "\"event\":\"typing\"", "{\"text\":\"hi\",\"price\":1.10}");
        for (WsClient c : new WsClient[] {a, b}) {
            JsonNode m = c.expect("message");
            assertEquals("chat:pub", m.path("options").path("channel").asText());
            assertEquals("typing", m.path("options").path("event").asText());
            assertEquals("hi", m.path("payload").path("text").asText());
            assertEquals(0, m.path("payload").path("price").decimalValue().compareTo(new java.math.BigDecimal("1.1")));
            assertEquals(a.socketId, m.path("client").path("socketId").asText());
        }
    }

    @Test
    void privateMessageReachesOnlyItsTarget() {
        WsClient a = hub.user("1");
        WsClient b = hub.user("2");
        WsClient c = hub.user("3");
        a.joined("chat:priv");
        b.joined("chat:priv");
        c.joined("chat:priv");
        a.message("chat:priv", "\"socketId\":" + WsClient.q(b.socketId), "{\"secret\":42}");
        JsonNode m = b.expect("message");
        assertEquals(b.socketId, m.path("options").path("socketId").asText(), "the target stays in options");
        assertEquals(a.socketId, m.path("client").path("socketId").asText(), "the sender is the client");
        assertEquals(42, m.path("payload").path("secret").asInt());
        a.expectSilence(200);
        c.expectSilence(10);
        a.history("chat:priv");
        assertEquals(0, a.expect("history").path("payload").path("history").size(), "private messages are not stored");
    }

    // ---- §2 history; §3 history ----

    @Test
    void historyIsOldestFirstAndCountsEvents() {
        WsClient a = hub.user("1");
        a.joined("chat:hist");
        for (int i = 1; i <= 3; i++) {
            a.message("chat:hist", "{\"n\":" + i + "}");
            a.expect("message");
        }
        assertEquals(200, hub.post("emit", "{\"channel\":\"chat:hist\",\"event\":\"e\",\"data\":{\"n\":4}}", null).statusCode());
        a.expect("event");
        // the SDK may add socketId to a history request: it is ignored
        a.send("{\"action\":\"history\",\"options\":{\"channel\":\"chat:hist\",\"socketId\":\"whatever\"},\"payload\":null}");
        JsonNode h = a.expect("history").path("payload").path("history");
        assertEquals(4, h.size());
        for (int i = 0; i < 3; i++) {
            assertEquals("message", h.get(i).path("action").asText());
            assertEquals(i + 1, h.get(i).path("payload").path("n").asInt());
        }
        assertEquals("event", h.get(3).path("action").asText());
        // a late joiner asking for history gets the same
        WsClient b = hub.user("2");
        b.join("chat:hist", false, true);
        b.expect("join");
        assertEquals(4, b.expect("history").path("payload").path("history").size());
    }

    @Test
    void historyNeedsMembership() {
        WsClient a = hub.user("1");
        a.history("chat:nothere");
        JsonNode e = a.expectError("not_joined");
        assertEquals("chat:nothere", e.path("options").path("channel").asText());
    }

    @Test
    void channelWithoutHistoryAnswersEmptyList() {
        WsClient a = hub.user("1");
        a.joined("open:nohist");
        a.message("open:nohist", "{}");
        a.expect("message");
        a.history("open:nohist");
        assertEquals(0, a.expect("history").path("payload").path("history").size());
    }

    // ---- §3 event ----

    @Test
    void eventFrameWithAndWithoutIdentity() {
        WsClient a = hub.anonymous();
        a.joined("chat:ev");
        hub.post("emit", "{\"channel\":\"chat:ev\",\"event\":\"ping\",\"data\":{\"x\":1}}", null);
        JsonNode e = a.expect("event");
        assertEquals("chat:ev", e.path("options").path("channel").asText());
        assertEquals("ping", e.path("options").path("event").asText());
        assertEquals(1, e.path("payload").path("x").asInt());
        assertTrue(e.path("client").isMissingNode(), "no client without auth_table/auth_id");
        hub.post("emit_as", "{\"channel\":\"chat:ev\",\"user\":9}", null);
        JsonNode f = a.expect("event");
        assertEquals(2, f.path("client").path("permissions").path("dbo_id").asInt());
        assertEquals(9, f.path("client").path("permissions").path("row_id").asInt());
        assertTrue(f.path("options").path("event").isMissingNode());
    }

    // ---- §3 presence ----

    @Test
    void presenceFullListsEveryMemberWhateverTheyAskedFor() {
        WsClient a = hub.user("1");
        WsClient b = hub.user("2");
        a.joined("chat:pf");
        b.joined("chat:pf");
        WsClient c = hub.user("3");
        c.join("chat:pf", true, false);
        String own = c.expect("join").path("client").path("socketId").asText();
        JsonNode full = c.expect("presence_full").path("payload").path("presence");
        assertEquals(3, full.size());
        assertEquals(own, full.get(2).path("socketId").asText(), "the joiner is included");
        // a and b joined without presence: they get no updates
        a.expectSilence(200);
        b.expectSilence(10);
    }

    @Test
    void presenceUpdatesGoOnlyToPresenceWatchers() {
        WsClient watcher = hub.user("1");
        WsClient blind = hub.user("2");
        watcher.watching("chat:pu");
        blind.joined("chat:pu");
        JsonNode update = watcher.expect("presence_update");
        assertEquals(blind.socketId, update.path("payload").path("presence").path("socketId").asText());
        WsClient third = hub.user("3");
        third.joined("chat:pu");
        watcher.expect("presence_update");
        blind.expectSilence(200);
    }

    // ---- §3 error ----

    @Test
    void errorsNameTheChannelWhenTheRequestDid() {
        WsClient a = hub.user("1");
        a.send("{\"action\":\"dance\",\"options\":{\"channel\":\"chat:e\"}}");
        assertEquals("chat:e", a.expectError("unknown_action").path("options").path("channel").asText());
        a.send("[1,2]");
        JsonNode e = a.expectError("bad_request");
        assertTrue(e.path("options").isObject() && e.path("options").path("channel").isMissingNode());
        assertFalse(e.path("payload").path("message").asText().isEmpty());
    }

    @Test
    void everyErrorCodeOfTheProtocol() {
        WsClient user = hub.user("1");
        WsClient anon = hub.anonymous();
        user.send("nope");
        user.expectError("bad_request");
        user.send("{\"action\":\"fly\",\"options\":{\"channel\":\"chat:x\"}}");
        user.expectError("unknown_action");
        user.joined("chat:codes");
        user.join("missing:1", false, false);
        user.expectError("channel_not_found");
        user.join("closed", false, false);
        user.expectError("channel_inactive");
        anon.join("quiet:1", false, false);
        anon.expectError("auth_required");
        user.joined("quiet:1");
        user.message("quiet:1", "{}");
        user.expectError("messaging_disabled");
        user.message("chat:elsewhere", "{}");
        user.expectError("not_joined");
        user.message("chat:codes", "\"socketId\":\"nobody\"", "{}");
        user.expectError("target_not_found");
        WsClient vetoed = hub.user("13");
        vetoed.join("gate:1", false, false);
        vetoed.expectError("join_denied");
        WsClient breaker = hub.user("66");
        breaker.join("gate:1", false, false);
        breaker.expectError("trigger_error");
        // the connection stays open after every refusal
        user.message("chat:codes", "{\"still\":true}");
        user.expect("message");
    }
}
