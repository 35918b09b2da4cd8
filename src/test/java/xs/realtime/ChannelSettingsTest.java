package xs.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Every channel setting of protocol §4, on and off (channels of tests/realtime/hub/channels.xs). */
class ChannelSettingsTest extends SharedHubTest {
    @Test
    void activeOnAndOff() {
        WsClient a = hub.user("1");
        a.joined("chat:act");
        a.join("closed", false, false);
        JsonNode e = a.expectError("channel_inactive");
        assertEquals("closed", e.path("options").path("channel").asText());
    }

    @Test
    void anonymousClientsOnAndOff() {
        WsClient anon = hub.anonymous();
        anon.joined("open:anon");
        anon.join("quiet:anon", false, false);
        anon.expectError("auth_required");
        // anonymous members receive, but never send
        WsClient user = hub.user("1");
        user.joined("open:anon");
        user.message("open:anon", "{\"to\":\"all\"}");
        user.expect("message");
        anon.expect("message");
        anon.message("open:anon", "{}");
        anon.expectError("auth_required");
    }

    @Test
    void publicMessagingOnAndOff() {
        WsClient a = hub.user("1");
        a.joined("open:pm");
        a.message("open:pm", "{}");
        a.expect("message");
        a.joined("direct:pm");
        a.message("direct:pm", "{}");
        a.expectError("messaging_disabled");
    }

    @Test
    void publicMessagingAuthOnAndOff() {
        WsClient user = hub.user("1");
        WsClient anon = hub.anonymous();
        user.joined("members:pa");
        anon.joined("members:pa");
        anon.message("members:pa", "{}");
        anon.expectError("auth_required");
        user.message("members:pa", "{}");
        user.expect("message");
        anon.expect("message");
    }

    @Test
    void privateMessagingOnAndOff() {
        WsClient a = hub.user("1");
        WsClient b = hub.user("2");
        a.joined("direct:p");
        b.joined("direct:p");
        a.message("direct:p", "\"socketId\":" + WsClient.q(b.socketId), "{\"hi\":1}");
        b.expect("message");
        a.joined("open:p");
        b.joined("open:p");
        a.message("open:p", "\"socketId\":" + WsClient.q(b.socketId), "{}");
        a.expectError("messaging_disabled");
        b.expectSilence(200);
    }

    @Test
    void privateMessagingAuth() {
        WsClient user = hub.user("1");
        WsClient anon = hub.anonymous();
        user.joined("members:priv");
        anon.joined("members:priv");
        anon.message("members:priv", "\"socketId\":" + WsClient.q(user.socketId), "{}");
        anon.expectError("auth_required");
        user.message("members:priv", "\"socketId\":" + WsClient.q(anon.socketId), "{\"psst\":1}");
        assertEquals(1, anon.expect("message").path("payload").path("psst").asInt());
    }

    @Test
    void authChannelOnAndOff() {
        WsClient user = hub.user("1");
        WsClient other = hub.user("2");
        WsClient anon = hub.anonymous();
        user.joined("chat:ac");
        other.joined("chat:ac");
        anon.joined("chat:ac");
        user.message("chat:ac", "\"authenticated\":true", "{\"only\":\"members\"}");
        JsonNode m = other.expect("message");
        assertTrue(m.path("options").path("authenticated").asBoolean());
        user.expect("message");
        anon.expectSilence(300);
        // the anonymous member does not see it in history either; authenticated members do
        anon.history("chat:ac");
        assertEquals(0, anon.expect("history").path("payload").path("history").size());
        other.history("chat:ac");
        assertEquals(1, other.expect("history").path("payload").path("history").size());
        // without auth_channel such a message is refused
        user.joined("open:ac");
        user.message("open:ac", "\"authenticated\":true", "{}");
        user.expectError("messaging_disabled");
    }

    @Test
    void messageHistoryKeepsTheLastN() {
        WsClient a = hub.user("1");
        a.joined("chat:many");
        for (int i = 1; i <= 30; i++) {
            a.message("chat:many", "{\"n\":" + i + "}");
        }
        for (int i = 1; i <= 30; i++) {
            a.expect("message");
        }
        a.history("chat:many");
        JsonNode h = a.expect("history").path("payload").path("history");
        assertEquals(25, h.size());
        assertEquals(6, h.get(0).path("payload").path("n").asInt());
        assertEquals(30, h.get(24).path("payload").path("n").asInt());
        // message_history 0 (the default) keeps nothing
        a.joined("open:h0");
        a.message("open:h0", "{}");
        a.expect("message");
        a.join("open:h0", false, true);
        a.expect("join");
        assertEquals(0, a.expect("history").path("payload").path("history").size());
    }

    @Test
    void historyIsKeptPerConcreteChannel() {
        WsClient a = hub.user("1");
        a.joined("chat:h1");
        a.joined("chat:h2");
        a.message("chat:h1", "{\"in\":1}");
        a.expect("message");
        a.history("chat:h2");
        assertEquals(0, a.expect("history").path("payload").path("history").size());
    }

    @Test
    void presenceOnAndOff() {
        WsClient a = hub.user("1");
        a.join("open:pres", true, false);
        a.expect("join");
        WsClient b = hub.user("2");
        b.joined("open:pres");
        a.expectSilence(300);
        assertEquals(1, a.watching("chat:pres").path("payload").path("presence").size());
        b.joined("chat:pres");
        a.expect("presence_update");
    }

    @Test
    void nestedChannelsOnAndOff() {
        WsClient a = hub.anonymous();
        a.joined("nest");
        a.joined("nest/42");
        a.joined("nest/42/deeper");
        a.join("flat/42", false, false);
        a.expectError("channel_not_found");
        WsClient u = hub.user("1");
        u.joined("flat");
        // "*" does not cross "/" without nested_channels
        u.join("chat:a/b", false, false);
        u.expectError("channel_not_found");
    }

    @Test
    void exactNameWinsThenLongestPrefix() {
        WsClient a = hub.anonymous();
        a.join("nest/vip", false, false);
        a.expectError("channel_inactive");
        a.joined("pre:y:1");
        a.join("pre:x:1", false, false);
        a.expectError("channel_inactive");
    }

    @Test
    void channelNamesAreOneTo256Characters() {
        WsClient a = hub.user("1");
        a.join("", false, false);
        a.expectError("bad_request");
        a.join("chat:" + "x".repeat(252), false, false);
        a.expectError("bad_request");
        a.joined("chat:" + "x".repeat(251));
    }
}
