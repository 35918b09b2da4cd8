package xs.realtime;

import java.nio.charset.StandardCharsets;

/**
 * One server-to-client WebSocket frame exactly as it goes on the wire: header and payload in one
 * array. Server frames are not masked, so a fan-out serializes a frame once and every recipient's
 * queue holds the same array.
 * <pre>WireFrame.text("{\"action\":\"join\"}".getBytes(UTF_8))</pre>
 */
public record WireFrame(byte[] bytes, int headerLength) {
    static final int TEXT = 0x1;
    static final int CLOSE = 0x8;
    static final int PING = 0x9;
    static final int PONG = 0xA;

    static final WireFrame EMPTY_PING = control(PING, new byte[0]);

    /** A text frame around UTF-8 JSON. */
    public static WireFrame text(byte[] json, int length) {
        return frame(TEXT, json, length);
    }

    public static WireFrame text(byte[] json) {
        return frame(TEXT, json, json.length);
    }

    /** A close frame with a status code (RFC 6455 §5.5.1). */
    static WireFrame close(int code) {
        return control(CLOSE, new byte[] {(byte) (code >> 8), (byte) code});
    }

    /** The close frame that answers a close without a status code: empty. */
    static WireFrame emptyClose() {
        return control(CLOSE, new byte[0]);
    }

    static WireFrame pong(byte[] payload) {
        return control(PONG, payload);
    }

    private static WireFrame control(int opcode, byte[] payload) {
        return frame(opcode, payload, payload.length);
    }

    private static WireFrame frame(int opcode, byte[] payload, int length) {
        int header = length < 126 ? 2 : length <= 0xFFFF ? 4 : 10;
        byte[] out = new byte[header + length];
        out[0] = (byte) (0x80 | opcode);
        if (length < 126) {
            out[1] = (byte) length;
        } else if (length <= 0xFFFF) {
            out[1] = 126;
            out[2] = (byte) (length >> 8);
            out[3] = (byte) length;
        } else {
            out[1] = 127;
            for (int i = 0; i < 8; i++) {
                out[2 + i] = (byte) ((long) length >> (56 - 8 * i));
            }
        }
        System.arraycopy(payload, 0, out, header, length);
        return new WireFrame(out, header);
    }

    public int length() {
        return bytes.length;
    }

    /** The payload as text: for history replies, which embed stored frames. */
    public String payloadText() {
        return new String(bytes, headerLength, bytes.length - headerLength, StandardCharsets.UTF_8);
    }
}
