package xs.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The flows of seed/realtime.md end to end, with its examples as written
 * (tests/realtime/seed): functions called over HTTP, clients on the hub.
 */
class SeedFlowsTest {
    static TestHub hub;

    @BeforeAll
    static void start() {
        hub = TestHub.start(HubConfig.defaults(), null, TestHub.SEED_PROGRAM);
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void chatRoom() {
        WsClient ann = hub.user("1");
        WsClient bob = hub.user("2");
        ann.join("room:7", true, true);
        ann.joinReply();
        ann.expect("presence_full");
        ann.expect("history");
        bob.join("room:7", true, false);
        bob.joinReply();
        assertEquals(2, bob.expect("presence_full").path("payload").path("presence").size());
        ann.expect("presence_update");
        HttpResponse<String> r = hub.post("send_chat_message", "{\"room_id\": 7, \"content\": \"  hello  \"}",
            hub.token("1"));
        assertEquals(200, r.statusCode(), r.body());
        for (WsClient c : new WsClient[] {ann, bob}) {
            JsonNode e = c.expect("event");
            assertEquals("room:7", e.path("options").path("channel").asText());
            assertEquals("new_message", e.path("options").path("event").asText());
            assertEquals("hello", e.path("payload").path("content").asText());
            assertEquals(1, e.path("payload").path("sender_id").asInt());
        }
        // members chat directly too: public (authenticated) and private
        bob.message("room:7", "{\"text\":\"hi ann\"}");
        for (WsClient c : new WsClient[] {ann, bob}) {
            JsonNode m = c.expect("message");
            assertEquals("hi ann", m.path("payload").path("text").asText());
            assertEquals(bob.socketId, m.path("client").path("socketId").asText(), "the sender is named");
        }
        bob.history("room:7");
        JsonNode h = bob.expect("history").path("payload").path("history");
        assertEquals(2, h.size());
        assertEquals("event", h.get(0).path("action").asText());
        assertEquals("message", h.get(1).path("action").asText());
        bob.privateMessage("room:7", ann.socketId, "{\"text\":\"just you\"}");
        JsonNode whisper = ann.expect("message");
        assertEquals("just you", whisper.path("payload").path("text").asText());
        assertEquals(ann.socketId, whisper.path("options").path("socketId").asText(), "addressed to ann's socket");
        assertEquals(bob.socketId, whisper.path("client").path("socketId").asText());
        // The private message reached ann only: bob's next frame is the public one sent after it.
        bob.message("room:7", "{\"text\":\"after\"}");
        assertEquals("after", bob.expect("message").path("payload").path("text").asText());
        assertEquals("after", ann.expect("message").path("payload").path("text").asText());
        WsClient anon = hub.anonymous();
        anon.join("room:7", false, false);
        anon.expectError("auth_required");
    }

    @Test
    void notificationsToUserChannel() {
        WsClient ann = hub.user("1");
        WsClient bob = hub.user("2");
        ann.joined("user:1");
        bob.joined("user:2");
        HttpResponse<String> r = hub.post("notify_user",
            "{\"user_id\": 1, \"type\": \"info\", \"title\": \"New message\", \"body\": \"from Bob\"}", hub.token("2"));
        assertEquals(200, r.statusCode(), r.body());
        JsonNode e = ann.expect("event");
        assertEquals("notification", e.path("options").path("event").asText());
        assertEquals("New message", e.path("payload").path("title").asText());
        assertEquals(false, e.path("payload").path("read").asBoolean());
        bob.expectSilence(300);
        // user channels keep 50 messages of history
        ann.history("user:1");
        assertEquals(1, ann.expect("history").path("payload").path("history").size());
        // public messaging is off there
        ann.message("user:1", "{}");
        ann.expectError("messaging_disabled");
    }

    @Test
    void announcementsReachAnonymousClients() {
        WsClient anon = hub.anonymous();
        anon.join("announcements", false, true);
        anon.expect("join");
        anon.expect("history");
        assertEquals(200, hub.post("announce", "{\"message\": \"Maintenance in 10 minutes\"}", null).statusCode());
        JsonNode e = anon.expect("event");
        assertEquals("system_update", e.path("options").path("event").asText());
        assertEquals("Maintenance in 10 minutes", e.path("payload").path("message").asText());
        // read-only for anonymous clients
        anon.message("announcements", "{}");
        anon.expectError("auth_required");
        // a later anonymous client gets it from history
        WsClient late = hub.anonymous();
        late.join("announcements", false, true);
        late.expect("join");
        JsonNode history = late.expect("history").path("payload").path("history");
        assertEquals(1, history.size(), history.toString());
        assertEquals("Maintenance in 10 minutes", history.get(0).path("payload").path("message").asText(), history.toString());
    }

    @Test
    void collaborativeEditingThroughTheDocumentTrigger() {
        WsClient ann = hub.user("1");
        WsClient bob = hub.user("2");
        ann.joined("document:5");
        bob.joined("document:5");
        ann.message("document:5", "\"event\":\"operation\"", "{\"document_id\":5,\"operation\":{\"insert\":\"a\",\"at\":0}}");
        for (WsClient c : new WsClient[] {ann, bob}) {
            JsonNode e = c.expect("event");
            assertEquals("remote_operation", e.path("options").path("event").asText());
            assertEquals(1, e.path("payload").path("version").asInt());
            assertEquals(1, e.path("payload").path("user_id").asInt());
            assertEquals("a", e.path("payload").path("operation").path("insert").asText());
            c.expect("message");
        }
        bob.message("document:5", "\"event\":\"operation\"", "{\"document_id\":5,\"operation\":{\"insert\":\"b\",\"at\":1}}");
        assertEquals(2, ann.expect("event").path("payload").path("version").asInt());
        ann.expect("message");
    }

    @Test
    void authorizationPattern() {
        WsClient ann = hub.user("1");
        ann.joined("room:3");
        HttpResponse<String> refused = hub.post("send_to_room",
            "{\"room_id\": 3, \"event\": \"poke\", \"data\": {\"x\": 1}}", hub.token("1"));
        assertEquals(403, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("ERROR_CODE_ACCESS_DENIED"), refused.body());
        assertTrue(refused.body().contains("Not a member of this room"), refused.body());
        ann.expectSilence(300);
        // make user 1 a member, through the database the functions use
        hub.interpreter.services().database().seed(java.util.Map.of("room_member",
            java.util.List.of(java.util.Map.of("room_id", 3L, "user_id", 1L))));
        HttpResponse<String> ok = hub.post("send_to_room",
            "{\"room_id\": 3, \"event\": \"poke\", \"data\": {\"x\": 1}}", hub.token("1"));
        assertEquals(200, ok.statusCode(), ok.body());
        JsonNode e = ann.expect("event");
        assertEquals("poke", e.path("options").path("event").asText());
        assertEquals(1, e.path("payload").path("x").asInt());
    }

    @Test
    void ordersDashboardBroadcastTenantsAndAdmins() {
        WsClient anon = hub.anonymous();
        anon.joined("orders");
        anon.joined("dashboard:metrics");
        anon.joined("global");
        WsClient admin = hub.user("3");
        admin.joined("user:3");
        admin.joined("tenant::orders");
        assertEquals(200, hub.post("new_order", "{\"total\": 12.50, \"customer_name\": \"Ann\"}", null).statusCode());
        JsonNode order = anon.expect("event");
        assertEquals("new_order", order.path("options").path("event").asText());
        assertEquals("Ann", order.path("payload").path("customer").asText());
        HttpResponse<String> metrics = hub.post("update_metrics", "{}", null);
        assertEquals(200, metrics.statusCode(), metrics.body());
        JsonNode update = anon.expect("event");
        assertEquals("dashboard:metrics", update.path("options").path("channel").asText());
        assertEquals(1, update.path("payload").path("orders_last_hour").asInt());
        assertEquals(0, update.path("payload").path("revenue_last_hour").decimalValue()
            .compareTo(new java.math.BigDecimal("12.5")));
        hub.post("broadcast", "{\"message\": \"hello all\"}", null);
        assertEquals("hello all", anon.expect("event").path("payload").path("message").asText());
        hub.interpreter.services().database().seed(java.util.Map.of("admin",
            java.util.List.of(java.util.Map.of("id", 3L, "name", "root"), java.util.Map.of("id", 4L, "name", "ops"))));
        assertEquals(200, hub.post("alert_admins", "{\"alert\": {\"level\": \"high\"}}", null).statusCode());
        JsonNode alert = admin.expect("event");
        assertEquals("admin_alert", alert.path("options").path("event").asText());
        assertEquals("high", alert.path("payload").path("level").asText());
        assertEquals(200, hub.post("tenant_order", "{\"order\": {\"id\": 9}}", null).statusCode());
        JsonNode tenant = admin.expect("event");
        assertEquals("tenant::orders", tenant.path("options").path("channel").asText());
        assertEquals(9, tenant.path("payload").path("id").asInt());
    }

    @Test
    void eventToAnUndeclaredChannelFailsClearly() {
        HttpResponse<String> r = hub.post("to_nowhere", "{}", null);
        assertEquals(500, r.statusCode());
        assertTrue(r.body().contains("nowhere:1"), r.body());
    }
}
