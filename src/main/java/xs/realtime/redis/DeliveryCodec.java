package xs.realtime.redis;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import xs.realtime.Delivery;
import xs.realtime.HistoryStore;
import xs.realtime.WireFrame;

/**
 * How a {@link Delivery} and a stored history entry travel through Redis: a few bytes of header
 * and the frame's JSON as the hub serialized it, so a node re-frames it without parsing it.
 * <pre>[audience][channel length][channel][socketId length or FFFF][socketId][frame json]</pre>
 */
final class DeliveryCodec {
    private static final int NO_SOCKET = 0xFFFF;
    private static final Delivery.Audience[] AUDIENCES = Delivery.Audience.values();

    /** A message that is not a delivery of this format (another program on the same Redis channel). */
    static final class Malformed extends Exception {
        Malformed(String message) {
            super(message);
        }
    }

    private DeliveryCodec() {
    }

    static byte[] encode(Delivery d) {
        byte[] channel = d.channel().getBytes(StandardCharsets.UTF_8);
        byte[] socket = d.socketId() == null ? new byte[0] : d.socketId().getBytes(StandardCharsets.UTF_8);
        WireFrame f = d.frame();
        int json = f.length() - f.headerLength();
        ByteBuffer out = ByteBuffer.allocate(1 + 2 + channel.length + 2 + socket.length + json);
        out.put((byte) d.audience().ordinal());
        out.putShort((short) channel.length).put(channel);
        out.putShort((short) (d.socketId() == null ? NO_SOCKET : socket.length)).put(socket);
        out.put(f.bytes(), f.headerLength(), json);
        return out.array();
    }

    static Delivery decode(byte[] message) throws Malformed {
        try {
            ByteBuffer in = ByteBuffer.wrap(message);
            int audience = in.get();
            if (audience < 0 || audience >= AUDIENCES.length) {
                throw new Malformed("unknown audience " + audience);
            }
            String channel = text(in, Short.toUnsignedInt(in.getShort()));
            int socketLength = Short.toUnsignedInt(in.getShort());
            String socketId = socketLength == NO_SOCKET ? null : text(in, socketLength);
            byte[] json = Arrays.copyOfRange(message, in.position(), message.length);
            return new Delivery(channel, AUDIENCES[audience], socketId, WireFrame.text(json));
        } catch (RuntimeException e) {
            throw new Malformed("truncated delivery");
        }
    }

    /** A history entry: one flag byte (authenticated members only) and the frame's json. */
    static byte[] encode(HistoryStore.Entry entry) {
        WireFrame f = entry.frame();
        int json = f.length() - f.headerLength();
        byte[] out = new byte[1 + json];
        out[0] = (byte) (entry.authenticatedOnly() ? 1 : 0);
        System.arraycopy(f.bytes(), f.headerLength(), out, 1, json);
        return out;
    }

    static HistoryStore.Entry decodeEntry(byte[] stored) {
        return new HistoryStore.Entry(WireFrame.text(Arrays.copyOfRange(stored, 1, stored.length)), stored[0] == 1);
    }

    private static String text(ByteBuffer in, int length) {
        String s = new String(in.array(), in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return s;
    }
}
