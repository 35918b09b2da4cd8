package xs.realtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static xs.realtime.RawWebSocket.BINARY;
import static xs.realtime.RawWebSocket.CLOSE;
import static xs.realtime.RawWebSocket.CONTINUATION;
import static xs.realtime.RawWebSocket.PING;
import static xs.realtime.RawWebSocket.PONG;
import static xs.realtime.RawWebSocket.TEXT;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hub's hand-written framing held to RFC 6455, in the categories of the Autobahn testsuite:
 * framing, pings and pongs, fragmentation, UTF-8 handling, close handling and limits. Every test
 * talks over a raw socket ({@link RawWebSocket}) to a hub with the default limits, and ends with
 * a fresh client getting an answer, so no case leaves the hub broken.
 */
class Rfc6455ConformanceTest {
    static TestHub hub;

    @BeforeAll
    static void start() {
        hub = TestHub.start(HubConfig.defaults());
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    static RawWebSocket open() {
        return RawWebSocket.open(hub.server.port());
    }

    /** A join that the hub answers with a join frame naming the channel. */
    static String join(String channel) {
        return "{\"action\":\"join\",\"options\":{\"channel\":\"" + channel + "\"},\"payload\":{}}";
    }

    static void answersJoin(RawWebSocket ws, String channel) {
        String reply = ws.nextText();
        try {
            JsonNode f = WsClient.JSON.readTree(reply);
            assertEquals("join", f.path("action").asText(), reply);
            assertEquals(channel, f.path("options").path("channel").asText(), reply);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + reply, e);
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            all.writeBytes(p);
        }
        return all.toByteArray();
    }

    static byte[] hex(String hex) {
        String[] pairs = hex.trim().split("\\s+");
        byte[] out = new byte[pairs.length];
        for (int i = 0; i < pairs.length; i++) {
            out[i] = (byte) Integer.parseInt(pairs[i], 16);
        }
        return out;
    }

    /** The case failed the client; a new one is still served. */
    static void hubStillServes() {
        try (RawWebSocket ws = open()) {
            ws.text(join("open:after"));
            answersJoin(ws, "open:after");
        }
    }

    @Nested
    class Handshake {
        static final String KEY = "dGhlIHNhbXBsZSBub25jZQ==";

        String answer(String connection, String key, String version) {
            String head = "GET /rt/test HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                + (connection == null ? "" : connection + "\r\n")
                + (key == null ? "" : "Sec-WebSocket-Key: " + key + "\r\n")
                + (version == null ? "" : "Sec-WebSocket-Version: " + version + "\r\n") + "\r\n";
            return RawWebSocket.request(hub.server.port(), head);
        }

        int status(String connection, String key, String version) {
            String head = answer(connection, key, version);
            return Integer.parseInt(head.substring(9, 12));
        }

        @Test
        void theRfcsSampleKeyIsAcceptedWithItsAnswer() {
            String head = answer("Connection: Upgrade", KEY, "13");
            assertTrue(head.startsWith("HTTP/1.1 101"), head);
            assertTrue(head.contains("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="), head);
        }

        @ParameterizedTest(name = "[{index}] {0}")
        @ValueSource(strings = {"Connection: upgrade", "connection: UPGRADE", "Connection: keep-alive, Upgrade",
            "Connection: Upgrade , keep-alive"})
        void connectionIsATokenListInAnyCase(String header) {
            assertEquals(101, status(header, KEY, "13"));
        }

        @ParameterizedTest(name = "[{index}] {0}")
        @ValueSource(strings = {"", "Connection: keep-alive", "Connection: close", "Connection: upgraded"})
        void withoutConnectionUpgradeIs400(String header) {
            assertEquals(400, status(header.isEmpty() ? null : header, KEY, "13"));
        }

        @ParameterizedTest(name = "[{index}] {0}")
        @ValueSource(strings = {"", "not base64!", "AAAAAAAAAAAAAAAAAAAA", "MDEyMzQ1Njc4OWFiY2Rl", "MDEyMzQ1Njc4OWFiY2RlZmc="})
        void aKeyThatIsNotSixteenBytesIs400(String key) {
            assertEquals(400, status("Connection: Upgrade", key.isEmpty() ? null : key, "13"));
        }

        @Test
        void anotherVersionIs426WithTheSupportedOne() {
            String head = answer("Connection: Upgrade", KEY, "8");
            assertTrue(head.startsWith("HTTP/1.1 426") && head.contains("Sec-WebSocket-Version: 13"), head);
        }
    }

    @Nested
    class Framing {
        @Test
        void textMessageIsAnswered() {
            try (RawWebSocket ws = open()) {
                ws.text(join("open:1"));
                answersJoin(ws, "open:1");
            }
        }

        @Test
        void frameWrittenOneByteAtATimeIsAnswered() {
            try (RawWebSocket ws = open()) {
                ws.trickle(RawWebSocket.frame(true, 0, TEXT, utf8(join("open:slow")), true));
                answersJoin(ws, "open:slow");
            }
        }

        @Test
        void sixteenBitLengthIsRead() {
            try (RawWebSocket ws = open()) {
                String padded = "{\"action\":\"join\",\"options\":{\"channel\":\"open:16\"},\"payload\":{\"pad\":\""
                    + "p".repeat(300) + "\"}}";
                ws.text(padded);
                answersJoin(ws, "open:16");
            }
        }

        @Test
        void serverFramesAreUnmaskedAndFinal() {
            try (RawWebSocket ws = open()) {
                ws.text(join("open:2"));
                RawWebSocket.Frame f = ws.read();
                assertEquals(TEXT, f.opcode());
                assertTrue(f.fin() && !f.masked() && f.rsv() == 0);
            }
        }

        @ParameterizedTest(name = "RSV bits {0}")
        @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7})
        void reservedBitsFailTheConnection(int rsv) {
            try (RawWebSocket ws = open()) {
                ws.raw(RawWebSocket.frame(true, rsv, TEXT, utf8(join("open:rsv")), true));
                assertEquals(1002, ws.closeCode());
            }
            hubStillServes();
        }

        @ParameterizedTest(name = "opcode {0}")
        @ValueSource(ints = {3, 4, 5, 6, 7, 0xB, 0xC, 0xD, 0xE, 0xF})
        void reservedOpcodesFailTheConnection(int opcode) {
            try (RawWebSocket ws = open()) {
                ws.send(true, opcode, new byte[0]);
                assertEquals(1002, ws.closeCode());
            }
            hubStillServes();
        }

        @Test
        void unmaskedClientFrameFailsTheConnection() {
            try (RawWebSocket ws = open()) {
                ws.raw(RawWebSocket.frame(true, 0, TEXT, utf8(join("open:3")), false));
                assertEquals(1002, ws.closeCode());
            }
            hubStillServes();
        }

        @Test
        void reservedOpcodeAfterAValidMessageStillFails() {
            try (RawWebSocket ws = open()) {
                ws.text(join("open:4"));
                answersJoin(ws, "open:4");
                ws.send(true, 5, new byte[0]);
                assertEquals(1002, ws.closeCode());
            }
        }
    }

    @Nested
    class PingsAndPongs {
        @ParameterizedTest(name = "{0} bytes")
        @ValueSource(ints = {0, 1, 125})
        void pingIsAnsweredWithTheSamePayload(int size) {
            byte[] payload = new byte[size];
            Arrays.fill(payload, (byte) 0xFE);
            try (RawWebSocket ws = open()) {
                ws.send(true, PING, payload);
                RawWebSocket.Frame pong = ws.read();
                assertEquals(PONG, pong.opcode());
                assertArrayEquals(payload, pong.payload());
            }
        }

        @Test
        void controlFrameLongerThan125FailsTheConnection() {
            try (RawWebSocket ws = open()) {
                ws.send(true, PING, new byte[126]);
                assertEquals(1002, ws.closeCode());
            }
            hubStillServes();
        }

        @Test
        void fragmentedPingFailsTheConnection() {
            try (RawWebSocket ws = open()) {
                ws.send(false, PING, utf8("part"));
                ws.send(true, CONTINUATION, utf8("rest"));
                assertEquals(1002, ws.closeCode());
            }
            hubStillServes();
        }

        @Test
        void unsolicitedPongIsIgnored() {
            try (RawWebSocket ws = open()) {
                ws.send(true, PONG, utf8("unasked"));
                ws.text(join("open:pong"));
                answersJoin(ws, "open:pong");
            }
        }
    }

    @Nested
    class Fragmentation {
        @Test
        void fragmentsAreJoined() {
            byte[] whole = utf8(join("open:frag"));
            try (RawWebSocket ws = open()) {
                ws.send(false, TEXT, Arrays.copyOfRange(whole, 0, 10));
                ws.send(false, CONTINUATION, new byte[0]);
                ws.send(false, CONTINUATION, Arrays.copyOfRange(whole, 10, 30));
                ws.send(true, CONTINUATION, Arrays.copyOfRange(whole, 30, whole.length));
                answersJoin(ws, "open:frag");
            }
        }

        @Test
        void controlFramesMayComeBetweenFragments() {
            byte[] whole = utf8(join("open:between"));
            try (RawWebSocket ws = open()) {
                ws.send(false, TEXT, Arrays.copyOfRange(whole, 0, 10));
                ws.send(true, PING, utf8("mid"));
                ws.send(true, PONG, utf8("unasked"));
                ws.send(true, CONTINUATION, Arrays.copyOfRange(whole, 10, whole.length));
                RawWebSocket.Frame pong = ws.read();
                assertEquals(PONG, pong.opcode());
                assertEquals("mid", pong.text());
                answersJoin(ws, "open:between");
            }
        }

        @Test
        void continuationWithoutAStartFailsTheConnection() {
            try (RawWebSocket ws = open()) {
                ws.send(true, CONTINUATION, utf8(join("open:x")));
                assertEquals(1002, ws.closeCode());
            }
            hubStillServes();
        }

        @Test
        void unfinishedContinuationWithoutAStartFailsTheConnection() {
            try (RawWebSocket ws = open()) {
                ws.send(false, CONTINUATION, utf8("{"));
                assertEquals(1002, ws.closeCode());
            }
            hubStillServes();
        }

        @ParameterizedTest(name = "opcode {0}")
        @ValueSource(ints = {TEXT, BINARY})
        void newMessageInsideAFragmentedOneFailsTheConnection(int opcode) {
            byte[] whole = utf8(join("open:y"));
            try (RawWebSocket ws = open()) {
                ws.send(false, TEXT, Arrays.copyOfRange(whole, 0, 10));
                ws.send(true, opcode, utf8(join("open:z")));
                assertEquals(1002, ws.closeCode());
            }
            hubStillServes();
        }
    }

    @Nested
    class Utf8Handling {
        @Test
        void validMultiByteTextIsAccepted() {
            String channel = "open:\u00fc\u20ac\ud834\udd1e\u07ff\uffff";
            try (RawWebSocket ws = open()) {
                ws.text(join(channel));
                answersJoin(ws, channel);
            }
        }

        @Test
        void aCharacterSplitAcrossFragmentsIsAccepted() {
            String channel = "open:\ud834\udd1e";
            byte[] whole = utf8(join(channel));
            int cut = join("open:").length() - "\"},\"payload\":{}}".length() + 2;
            try (RawWebSocket ws = open()) {
                ws.send(false, TEXT, Arrays.copyOfRange(whole, 0, cut));
                ws.send(true, CONTINUATION, Arrays.copyOfRange(whole, cut, whole.length));
                answersJoin(ws, channel);
            }
        }

        /** Invalid sequences inside a JSON string, so only the UTF-8 check can refuse them. */
        @ParameterizedTest(name = "[{index}] {0}")
        @ValueSource(strings = {"FF", "FE", "C0 AF", "C1 BF", "E0 80 AF", "ED A0 80", "ED BF BF", "F4 90 80 80",
            "F5 80 80 80", "80", "BF", "E2 82", "F0 9F 98"})
        void invalidTextClosesWith1007(String bytes) {
            byte[] message = concat(utf8("{\"action\":\"join\",\"options\":{\"channel\":\"open:"), hex(bytes),
                utf8("\"},\"payload\":{}}"));
            try (RawWebSocket ws = open()) {
                ws.send(true, TEXT, message);
                assertEquals(1007, ws.closeCode());
            }
            hubStillServes();
        }

        @Test
        void truncatedAtTheEndClosesWith1007() {
            try (RawWebSocket ws = open()) {
                ws.send(true, TEXT, concat(utf8("\"x"), hex("E2 82")));
                assertEquals(1007, ws.closeCode());
            }
        }

        @Test
        void invalidAcrossFragmentsClosesWith1007() {
            try (RawWebSocket ws = open()) {
                ws.send(false, TEXT, concat(utf8("{\"action\":\"join\",\"options\":{\"channel\":\"open:"), hex("F0 9F")));
                ws.send(true, CONTINUATION, concat(utf8("A\"},\"payload\":{}}")));
                assertEquals(1007, ws.closeCode());
            }
            hubStillServes();
        }

        @Test
        void messageEndingInsideACharacterAcrossFragmentsClosesWith1007() {
            try (RawWebSocket ws = open()) {
                ws.send(false, TEXT, utf8("\"abc"));
                ws.send(true, CONTINUATION, hex("F0 9F 98"));
                assertEquals(1007, ws.closeCode());
            }
        }
    }

    @Nested
    class Closing {
        @ParameterizedTest(name = "code {0}")
        @ValueSource(ints = {1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 1012, 1013, 1014, 3000, 3999, 4000,
            4999})
        void validCodeIsEchoed(int code) {
            try (RawWebSocket ws = open()) {
                ws.close(code, new byte[0]);
                assertEquals(code, ws.closeCode());
            }
        }

        @Test
        void emptyCloseIsAnsweredWithAnEmptyClose() {
            try (RawWebSocket ws = open()) {
                ws.send(true, CLOSE, new byte[0]);
                RawWebSocket.Frame f = ws.read();
                assertEquals(CLOSE, f.opcode());
                assertEquals(0, f.payload().length);
                assertEquals(null, ws.read(), "the server ends the stream");
            }
        }

        @Test
        void closeWithAReasonIsEchoed() {
            try (RawWebSocket ws = open()) {
                ws.close(1000, utf8("bye \u00fc\u20ac"));
                assertEquals(1000, ws.closeCode());
            }
        }

        @Test
        void oneBytePayloadClosesWith1002() {
            try (RawWebSocket ws = open()) {
                ws.send(true, CLOSE, new byte[] {0x03});
                assertEquals(1002, ws.closeCode());
            }
            hubStillServes();
        }

        @ParameterizedTest(name = "code {0}")
        @ValueSource(ints = {0, 1, 999, 1004, 1005, 1006, 1015, 1016, 1100, 2000, 2999, 5000, 65535})
        void codeThatMayNotBeSentClosesWith1002(int code) {
            try (RawWebSocket ws = open()) {
                ws.close(code, new byte[0]);
                assertEquals(1002, ws.closeCode(), "a reserved code is never echoed");
            }
            hubStillServes();
        }

        @Test
        void reasonThatIsNotUtf8ClosesWith1007() {
            try (RawWebSocket ws = open()) {
                ws.close(1000, concat(utf8("bye "), hex("CE BA E1 BD B9 CF 83 ED A0 80")));
                assertEquals(1007, ws.closeCode());
            }
            hubStillServes();
        }

        @Test
        void framesAfterTheCloseAreIgnored() {
            try (RawWebSocket ws = open()) {
                ws.raw(concat(RawWebSocket.frame(true, 0, CLOSE, new byte[] {0x03, (byte) 0xE8}, true),
                    RawWebSocket.frame(true, 0, TEXT, utf8(join("open:late")), true),
                    RawWebSocket.frame(true, 0, PING, new byte[0], true)));
                RawWebSocket.Frame f = ws.read();
                assertEquals(CLOSE, f.opcode(), "no answer to the join or the ping after the close");
                assertEquals(1000, f.closeCode());
                assertEquals(null, ws.read());
            }
        }
    }

    @Nested
    class Limits {
        /** A join padded to exactly {@code size} bytes. */
        byte[] joinOfSize(String channel, int size) {
            String head = "{\"action\":\"join\",\"options\":{\"channel\":\"" + channel + "\"},\"payload\":{\"pad\":\"";
            String tail = "\"}}";
            byte[] out = utf8(head + "p".repeat(size - head.length() - tail.length()) + tail);
            assertEquals(size, out.length);
            return out;
        }

        @Test
        void theDefaultLimitIs64KiB() {
            assertEquals(64 * 1024, hub.hub.config().maxMessageBytes());
        }

        @Test
        void aMessageOfExactlyTheLimitIsAccepted() {
            try (RawWebSocket ws = open()) {
                ws.send(true, TEXT, joinOfSize("open:exact", 64 * 1024));
                answersJoin(ws, "open:exact");
            }
        }

        @Test
        void oneByteMoreClosesWith1009() {
            try (RawWebSocket ws = open()) {
                ws.send(true, TEXT, joinOfSize("open:over", 64 * 1024 + 1));
                String why = ws.nextText();
                assertTrue(why.contains("message_too_large") && why.contains("65536"), why);
                assertEquals(1009, ws.closeCode());
            }
            hubStillServes();
        }

        @Test
        void fragmentsOfExactlyTheLimitAreAccepted() {
            byte[] whole = joinOfSize("open:frag-exact", 64 * 1024);
            try (RawWebSocket ws = open()) {
                ws.send(false, TEXT, Arrays.copyOfRange(whole, 0, 40_000));
                ws.send(true, CONTINUATION, Arrays.copyOfRange(whole, 40_000, whole.length));
                answersJoin(ws, "open:frag-exact");
            }
        }

        @Test
        void fragmentsOneByteOverTheLimitCloseWith1009() {
            byte[] whole = joinOfSize("open:frag-over", 64 * 1024 + 1);
            try (RawWebSocket ws = open()) {
                ws.send(false, TEXT, Arrays.copyOfRange(whole, 0, 40_000));
                ws.send(true, CONTINUATION, Arrays.copyOfRange(whole, 40_000, whole.length));
                assertEquals(1009, ws.closeCode());
            }
            hubStillServes();
        }

        @Test
        void aDeclaredLengthFarPastTheLimitClosesWithoutWaitingForTheBytes() {
            try (RawWebSocket ws = open()) {
                byte[] header = {(byte) 0x81, (byte) (0x80 | 127), 0, 0, 0, 1, 0, 0, 0, 0, 1, 2, 3, 4};
                ws.raw(header);
                assertEquals(1009, ws.closeCode());
            }
            hubStillServes();
        }

        @Test
        void aNegativeSixtyFourBitLengthFailsTheConnection() {
            try (RawWebSocket ws = open()) {
                byte[] header = {(byte) 0x81, (byte) (0x80 | 127), (byte) 0x80, 0, 0, 0, 0, 0, 0, 1, 1, 2, 3, 4};
                ws.raw(header);
                int code = ws.closeCode();
                assertTrue(code == 1002 || code == 1009, "closed with " + code);
            }
            hubStillServes();
        }
    }
}
