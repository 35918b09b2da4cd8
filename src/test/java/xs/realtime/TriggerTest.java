package xs.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Both forms of realtime_trigger (protocol §6), from tests/realtime/hub/triggers.xs. */
class TriggerTest extends SharedHubTest {
    @Test
    void joinTriggerAdmits() {
        WsClient a = hub.user("12");
        a.joined("gate:ok");
        WsClient anon = hub.anonymous();
        anon.joined("gate:ok");
    }

    @Test
    void joinTriggerVetoChangesNothing() {
        WsClient watcher = hub.user("1");
        assertEquals(1, watcher.watching("gate:veto").path("payload").path("presence").size());
        WsClient vetoed = hub.user("13");
        vetoed.join("gate:veto", true, false);
        JsonNode e = vetoed.expectError("join_denied");
        assertEquals("gate:veto", e.path("options").path("channel").asText());
        watcher.expectSilence(300);
        // not a member: messages do not reach it, sending is refused
        watcher.message("gate:veto", "{}");
        watcher.expect("message");
        vetoed.expectSilence(200);
        vetoed.message("gate:veto", "{}");
        vetoed.expectError("not_joined");
    }

    @Test
    void failingJoinTriggerIsATriggerErrorAndTheHubCarriesOn() {
        WsClient breaker = hub.user("66");
        breaker.join("gate:boom", false, false);
        JsonNode e = breaker.expectError("trigger_error");
        assertTrue(e.path("payload").path("message").asText().contains("user 66 breaks the gate"),
            () -> e.toString());
        breaker.joined("chat:after");
        WsClient other = hub.user("2");
        other.joined("gate:boom");
    }

    @Test
    void joinTriggerDoesNotRunForMessages() {
        // gatekeeper has actions = {join: true}: user 13's messages elsewhere are untouched, and
        // messages on gate:* are not run through it (it would fail for user 66)
        WsClient a = hub.user("12");
        a.joined("gate:msg");
        a.message("gate:msg", "{\"x\":1}");
        a.expect("message");
    }

    @Test
    void messageTriggerEventsArriveBeforeTheMessage() {
        WsClient a = hub.user("5");
        WsClient b = hub.anonymous();
        a.joined("mod:order");
        WsClient reader = hub.user("6");
        reader.joined("mod:order");
        a.message("mod:order", "{\"text\":\"hello\"}");
        for (WsClient c : new WsClient[] {a, reader}) {
            JsonNode first = c.next();
            assertEquals("event", first.path("action").asText(), () -> first.toString());
            assertEquals("seen", first.path("options").path("event").asText());
            assertEquals("hello", first.path("payload").path("text").asText());
            assertEquals(5, first.path("payload").path("by").asInt(), "$auth is the sender");
            assertEquals("message", first.path("payload").path("action").asText(), "$input is Xano's form");
            c.expect("message");
        }
        b.abort();
    }

    @Test
    void everyTriggerOfOneNameRuns() {
        // Xano names each new trigger channel_trigger; an export holds many on one channel.
        WsClient a = hub.user("5");
        a.joined("twice:one");
        a.message("twice:one", "{\"text\":\"hi\"}");
        assertEquals("first", a.expect("event").path("options").path("event").asText());
        assertEquals("second", a.expect("event").path("options").path("event").asText());
        a.expect("message");
    }

    @Test
    void messageTriggerFalseSuppressesTheFanOut() {
        WsClient a = hub.user("5");
        a.joined("mod:bad");
        a.message("mod:bad", "{\"text\":\"bad\"}");
        a.expect("event");
        a.expectSilence(300);
        a.history("mod:bad");
        JsonNode h = a.expect("history").path("payload").path("history");
        assertEquals(1, h.size(), "only the trigger's event is stored");
        assertEquals("event", h.get(0).path("action").asText());
    }

    @Test
    void failingMessageTriggerRefusesTheMessage() {
        WsClient a = hub.user("5");
        WsClient b = hub.user("6");
        a.joined("mod:boom");
        b.joined("mod:boom");
        a.message("mod:boom", "{\"text\":\"boom\"}");
        JsonNode e = a.expectError("trigger_error");
        assertTrue(e.path("payload").path("message").asText().contains("boom is not allowed"));
        b.expectSilence(300);
        a.message("mod:boom", "{\"text\":\"fine\"}");
        a.expect("event");
        a.expect("message");
        b.expect("event");
        b.expect("message");
    }

    @Test
    void aSlowTriggerDoesNotHoldEarlierMessages() {
        WsClient a = hub.user("5");
        a.joined("slow:1");
        assertEquals(200, hub.post("gate", "{\"open\": false}", null).statusCode());
        a.message("slow:1", "\"event\":\"maybe_slow\"", "{\"slow\":false,\"n\":1}");
        a.message("slow:1", "\"event\":\"maybe_slow\"", "{\"slow\":true,\"n\":2}");
        // The second message's trigger waits for the gate, which opens only below: the first message
        // arrives while it waits (the trigger's run limit, 10 s, is past the client's 5 s patience).
        assertEquals(1, a.expect("message").path("payload").path("n").asInt());
        a.expectSilence(300);
        assertEquals(200, hub.post("gate", "{\"open\": true}", null).statusCode());
        assertEquals(2, a.expect("message").path("payload").path("n").asInt(), "the second went out once its trigger ended");
    }

    @Test
    void seedFormRoutesByOptionsEvent() {
        WsClient a = hub.user("8");
        WsClient b = hub.user("9");
        a.joined("document:1");
        b.joined("document:1");
        a.message("document:1", "\"event\":\"operation\"", "{\"document_id\":1,\"operation\":{\"insert\":\"x\"}}");
        for (WsClient c : new WsClient[] {a, b}) {
            JsonNode ev = c.expect("event");
            assertEquals("remote_operation", ev.path("options").path("event").asText());
            assertEquals("x", ev.path("payload").path("operation").path("insert").asText(), "$input is the payload");
            assertEquals(8, ev.path("payload").path("user_id").asInt(), "$auth.id is the sender");
            assertEquals("document:1", ev.path("payload").path("channel").asText(), "$channel is the concrete name");
            JsonNode m = c.expect("message");
            assertEquals("operation", m.path("options").path("event").asText());
        }
        // another event name does not fire it
        a.message("document:1", "\"event\":\"cursor\"", "{\"at\":3}");
        a.expect("message");
        b.expect("message");
    }
}
