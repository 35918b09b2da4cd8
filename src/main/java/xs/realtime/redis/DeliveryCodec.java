package xs.realtime.redis;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import xs.realtime.Delivery;
import xs.realtime.HistoryStore;
import xs.realtime.WireFrame;

/**
 * How a {@link Delivery} and a stored history entry travel through Redis: a few bytes of header
 * and the frame's JSON as the hub serialized it, so a node re-frames it without parsing it. A
 * delivery meant for the other nodes only (one their members missed while the sender was cut off
 * from Redis, and the sender's own members already had) names the node that skips it.
 * <pre>[audience | EXCEPT][channel length][channel][socketId length or FFFF][socketId]
 * ([node length][node] when EXCEPT)[frame json]</pre>
 */
final class DeliveryCodec {
    private static final int NO_SOCKET = 0xFFFF;
    private static final int EXCEPT = 0x40;
    private static final Delivery.Audience[] AUDIENCES = Delivery.Audience.values();

    /** A message that is not a delivery of this format (another program on the same Redis channel). */
    static final class Malformed extends Exception {
        Malformed(String message) {
            super(message);
        }
    }

    /** A delivery as received, and the node that skips it (null: every node delivers it). */
    record Incoming(Delivery delivery, String exceptNode) {
    }

    private DeliveryCodec() {
    }

    static byte[] encode(Delivery d) {
        return encode(d, null);
    }

    /** A delivery for every node but {@code exceptNode} (for every node when it is null). */
    static byte[] encode(Delivery d, String exceptNode) {
        byte[] channel = d.channel().getBytes(StandardCharsets.UTF_8);
        byte[] socket = d.socketId() == null ? new byte[0] : d.socketId().getBytes(StandardCharsets.UTF_8);
        byte[] except = exceptNode == null ? new byte[0] : exceptNode.getBytes(StandardCharsets.UTF_8);
        WireFrame f = d.frame();
        int json = f.length() - f.headerLength();
        int exceptLength = exceptNode == null ? 0 : 2 + except.length;
        ByteBuffer out = ByteBuffer.allocate(1 + 2 + channel.length + 2 + socket.length + exceptLength + json);
        out.put((byte) (d.audience().ordinal() | (exceptNode == null ? 0 : EXCEPT)));
        out.putShort((short) channel.length).put(channel);
        out.putShort((short) (d.socketId() == null ? NO_SOCKET : socket.length)).put(socket);
        if (exceptNode != null) {
            out.putShort((short) except.length).put(except);
        }
        out.put(f.bytes(), f.headerLength(), json);
        return out.array();
    }

    static Incoming decode(byte[] message) throws Malformed {
        try {
            ByteBuffer in = ByteBuffer.wrap(message);
            int first = in.get();
            int audience = first & ~EXCEPT;
            if (first < 0 || audience >= AUDIENCES.length) {
                throw new Malformed("unknown audience " + first);
            }
            String channel = text(in, Short.toUnsignedInt(in.getShort()));
            int socketLength = Short.toUnsignedInt(in.getShort());
            String socketId = socketLength == NO_SOCKET ? null : text(in, socketLength);
            String exceptNode = (first & EXCEPT) == 0 ? null : text(in, Short.toUnsignedInt(in.getShort()));
            byte[] json = Arrays.copyOfRange(message, in.position(), message.length);
            return new Incoming(new Delivery(channel, AUDIENCES[audience], socketId, WireFrame.text(json)), exceptNode);
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
