package xs.realtime;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/**
 * Reads client-to-server WebSocket frames (RFC 6455 §5) from the bytes one connection sends:
 * unmasks them, joins fragments, enforces the message size limit, and keeps an incomplete frame
 * until the rest arrives. Runs on the connection's I/O thread only.
 */
final class FrameDecoder {
    /** What the decoder found; each call happens on the I/O thread. */
    interface Handler {
        void text(byte[] message);

        void binary();

        void ping(byte[] payload);

        void pong();

        /** A close frame: its status code, or 1005 when it carried none. */
        void close(int code);

        /** The peer broke the protocol or a limit: close with this code. */
        void fail(int code, String why);
    }

    static final int NO_STATUS = 1005;

    private final int maxMessage;
    private byte[] partial;
    private ByteArrayOutputStream fragments;
    private int fragmentOpcode;
    /** The UTF-8 check of a fragmented text message, so a bad byte fails at once, not at the end. */
    private Utf8Check fragmentText;

    FrameDecoder(int maxMessage) {
        this.maxMessage = maxMessage;
    }

    /** Puts the kept bytes of an incomplete frame in front of the next read. */
    void prefix(ByteBuffer into) {
        if (partial != null) {
            into.put(partial);
        }
    }

    /** Room a read buffer needs so that any frame within the limits fits whole. */
    static int bufferSize(int maxMessage) {
        return maxMessage + 14 + 64 * 1024;
    }

    /**
     * Consumes every complete frame in {@code in} (positioned at the start of the kept bytes).
     *
     * @return false once the connection must stop reading (a failure or a close frame)
     */
    boolean feed(ByteBuffer in, Handler handler) {
        partial = null;
        while (in.remaining() >= 2) {
            int start = in.position();
            int b0 = in.get(start) & 0xFF;
            int b1 = in.get(start + 1) & 0xFF;
            boolean fin = (b0 & 0x80) != 0;
            int opcode = b0 & 0x0F;
            if ((b0 & 0x70) != 0) {
                handler.fail(1002, "reserved bits set without an extension");
                return false;
            }
            if ((b1 & 0x80) == 0) {
                handler.fail(1002, "client frames must be masked");
                return false;
            }
            int len7 = b1 & 0x7F;
            int header = 2 + (len7 == 126 ? 2 : len7 == 127 ? 8 : 0) + 4;
            if (in.remaining() < header) {
                break;
            }
            long length = len7;
            if (len7 == 126) {
                length = ((in.get(start + 2) & 0xFF) << 8) | (in.get(start + 3) & 0xFF);
            } else if (len7 == 127) {
                length = 0;
                for (int i = 0; i < 8; i++) {
                    length = (length << 8) | (in.get(start + 2 + i) & 0xFF);
                }
            }
            boolean control = opcode >= 0x8;
            if (control && (length > 125 || !fin)) {
                handler.fail(1002, "control frames must be short and unfragmented");
                return false;
            }
            long soFar = fragments == null || control ? 0 : fragments.size();
            if (length < 0) {
                handler.fail(1002, "a 64-bit frame length must have its most significant bit clear");
                return false;
            }
            if (soFar + length > maxMessage) {
                handler.fail(1009, "message larger than " + maxMessage + " bytes");
                return false;
            }
            if (in.remaining() < header + length) {
                break;
            }
            byte[] payload = new byte[(int) length];
            int maskAt = start + header - 4;
            int dataAt = start + header;
            for (int i = 0; i < payload.length; i++) {
                payload[i] = (byte) (in.get(dataAt + i) ^ in.get(maskAt + (i & 3)));
            }
            in.position(dataAt + payload.length);
            if (!dispatch(fin, opcode, payload, handler)) {
                return false;
            }
        }
        if (in.hasRemaining()) {
            partial = new byte[in.remaining()];
            in.get(partial);
        }
        return true;
    }

    private boolean dispatch(boolean fin, int opcode, byte[] payload, Handler handler) {
        switch (opcode) {
            case 0x1, 0x2 -> {
                if (fragments != null) {
                    handler.fail(1002, "a new message started before the previous one ended");
                    return false;
                }
                if (fin) {
                    if (opcode == 0x1 && !Utf8Check.valid(payload)) {
                        return notUtf8(handler);
                    }
                    deliver(opcode, payload, handler);
                } else {
                    fragmentText = opcode == 0x1 ? new Utf8Check() : null;
                    if (fragmentText != null && !fragmentText.feed(payload)) {
                        return notUtf8(handler);
                    }
                    fragments = new ByteArrayOutputStream(Math.max(256, payload.length * 2));
                    fragments.writeBytes(payload);
                    fragmentOpcode = opcode;
                }
                return true;
            }
            case 0x0 -> {
                if (fragments == null) {
                    handler.fail(1002, "a continuation frame without a message to continue");
                    return false;
                }
                if (fragmentText != null && (!fragmentText.feed(payload) || fin && !fragmentText.complete())) {
                    return notUtf8(handler);
                }
                fragments.writeBytes(payload);
                if (fin) {
                    byte[] whole = fragments.toByteArray();
                    fragments = null;
                    fragmentText = null;
                    deliver(fragmentOpcode, whole, handler);
                }
                return true;
            }
            case 0x8 -> {
                return close(payload, handler);
            }
            case 0x9 -> {
                handler.ping(payload);
                return true;
            }
            case 0xA -> {
                handler.pong();
                return true;
            }
            default -> {
                handler.fail(1002, "unknown opcode " + opcode);
                return false;
            }
        }
    }

    /** RFC 6455 §5.5.1: no payload, or a status code that may be sent and a UTF-8 reason after it. */
    private static boolean close(byte[] payload, FrameDecoder.Handler handler) {
        if (payload.length == 0) {
            handler.close(NO_STATUS);
            return false;
        }
        if (payload.length == 1) {
            handler.fail(1002, "a close frame's payload is a 2-byte status code and an optional reason, not 1 byte");
            return false;
        }
        int code = ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
        if (!sendable(code)) {
            handler.fail(1002, "close code " + code + " may not be sent in a close frame");
            return false;
        }
        byte[] reason = new byte[payload.length - 2];
        System.arraycopy(payload, 2, reason, 0, reason.length);
        if (!Utf8Check.valid(reason)) {
            handler.fail(1007, "the close reason is not valid UTF-8");
            return false;
        }
        handler.close(code);
        return false;
    }

    /**
     * The codes an endpoint may put in a close frame (RFC 6455 §7.4 and the IANA registry):
     * 1000–1003 and 1007–1014 defined, 3000–4999 for libraries and applications. 1004 is
     * reserved, 1005, 1006 and 1015 are for reporting only, and the rest is unassigned.
     */
    static boolean sendable(int code) {
        return code >= 1000 && code <= 1003 || code >= 1007 && code <= 1014 || code >= 3000 && code <= 4999;
    }

    private boolean notUtf8(Handler handler) {
        fragments = null;
        fragmentText = null;
        handler.fail(1007, "a text message must be valid UTF-8");
        return false;
    }

    private static void deliver(int opcode, byte[] payload, Handler handler) {
        if (opcode == 0x1) {
            handler.text(payload);
        } else {
            handler.binary();
        }
    }
}
