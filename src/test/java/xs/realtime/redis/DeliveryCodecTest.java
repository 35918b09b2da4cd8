package xs.realtime.redis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import xs.interp.Identity;
import xs.realtime.ClientInfo;
import xs.realtime.Delivery;
import xs.realtime.HistoryStore;
import xs.realtime.WireFrame;

/** What crosses Redis comes back as it went: deliveries, history entries, presence members. */
class DeliveryCodecTest {
    static final WireFrame FRAME = WireFrame.text("{\"action\":\"message\",\"payload\":{\"text\":\"héllo\"}}"
        .getBytes(StandardCharsets.UTF_8));

    @Test
    void deliveriesOfEveryAudienceRoundTrip() throws Exception {
        for (Delivery.Audience audience : Delivery.Audience.values()) {
            for (String socketId : new String[] {null, "", "q3-socket"}) {
                Delivery d = new Delivery("room:ü/42", audience, socketId, FRAME);
                for (String except : new String[] {null, "node-7f3a"}) {
                    DeliveryCodec.Incoming in = DeliveryCodec.decode(DeliveryCodec.encode(d, except));
                    Delivery back = in.delivery();
                    assertEquals(d.channel(), back.channel());
                    assertEquals(audience, back.audience());
                    assertEquals(socketId, back.socketId());
                    assertEquals(except, in.exceptNode());
                    assertArrayEquals(FRAME.bytes(), back.frame().bytes(), "the same wire bytes, header included");
                }
            }
        }
    }

    @Test
    void aLargeFrameKeepsItsLengthHeader() throws Exception {
        byte[] big = ("{\"payload\":\"" + "x".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        WireFrame frame = WireFrame.text(big);
        Delivery back = DeliveryCodec.decode(DeliveryCodec.encode(new Delivery("c", Delivery.Audience.ALL, null, frame))).delivery();
        assertArrayEquals(frame.bytes(), back.frame().bytes());
    }

    @Test
    void foreignMessagesAreRefused() {
        assertThrows(DeliveryCodec.Malformed.class, () -> DeliveryCodec.decode(new byte[0]));
        assertThrows(DeliveryCodec.Malformed.class, () -> DeliveryCodec.decode("hello".getBytes(StandardCharsets.UTF_8)));
        assertThrows(DeliveryCodec.Malformed.class, () -> DeliveryCodec.decode(new byte[] {0, 0x7f, 0x7f, 'a'}));
        assertThrows(DeliveryCodec.Malformed.class, () -> DeliveryCodec.decode(new byte[] {0x40, 0, 1, 'c', 0, 0, 0x7f}));
    }

    @Test
    void historyEntriesKeepTheirAuthenticatedFlag() {
        for (boolean authenticatedOnly : new boolean[] {false, true}) {
            HistoryStore.Entry back = DeliveryCodec.decodeEntry(DeliveryCodec.encode(new HistoryStore.Entry(FRAME,
                authenticatedOnly)));
            assertEquals(authenticatedOnly, back.authenticatedOnly());
            assertArrayEquals(FRAME.bytes(), back.frame().bytes());
        }
    }

    @Test
    void membersOfOtherNodesAreRebuiltFromTheirClientObject() {
        ClientInfo user = ClientInfo.of("s1", new Identity("42", "user", Map.of("role", "admin")), 1);
        StoredMember m = StoredMember.parse(("17|node-a|" + user.json()).getBytes(StandardCharsets.UTF_8));
        assertEquals(17, m.joinSeq());
        assertEquals("node-a", m.node());
        assertEquals(user.json(), m.client().json(), "frames show the very same client object");
        assertEquals(42L, m.client().identity().id());
        assertEquals("admin", m.client().identity().extras().get("role"));
        assertEquals(1, m.client().dboId());

        ClientInfo anonymous = ClientInfo.of("s2", Identity.ANONYMOUS, 0);
        ClientInfo back = StoredMember.client(anonymous.json());
        assertTrue(back.anonymous());
        assertEquals(anonymous.json(), back.json());

        assertNull(StoredMember.parse("no separators".getBytes(StandardCharsets.UTF_8)));
        assertNull(StoredMember.parse("x|n|{}".getBytes(StandardCharsets.UTF_8)));
    }
}
