package rtload;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * One WebSocket client socket of the load generator: the upgrade, the {@code join} of one
 * channel, and the frames it receives, parsed by its {@link Reactor} thread. A publisher's
 * {@code message} frames are written by the publishing thread.
 */
final class Client {
    static final int CONNECTING = 0;
    static final int HANDSHAKE = 1;
    static final int OPEN = 2;
    static final int CLOSED = 3;

    final Reactor reactor;
    final SocketChannel channel;
    final String channelName;
    /** Whether this subscriber's channel is the first one, whose messages are followed one by one. */
    final boolean firstChannel;
    final boolean publisher;
    final String token;
    final String path;

    int state = CONNECTING;
    /** Bytes of an incomplete frame (or of the HTTP response), put in front of the next read. */
    byte[] carry = new byte[0];
    int carryLength;
    volatile boolean joined;
    /** Whether it joins its channel as soon as the upgrade is done; else the load generator joins it later. */
    boolean joinOnOpen = true;
    /** Set when the load generator closes it: the server's answering close is expected. */
    volatile boolean closing;
    /** The highest sequence number received: what the closed-loop publisher waits for. */
    volatile long lastSeq = -1;
    /** Message frames received (read by the main thread at the end only). */
    long messages;

    Client(Reactor reactor, InetSocketAddress address, String path, String channelName, boolean publisher, String token)
        throws IOException {
        this.reactor = reactor;
        this.path = path;
        this.channelName = channelName;
        this.firstChannel = channelName.equals("bench:0");
        this.publisher = publisher;
        this.token = token;
        this.channel = SocketChannel.open();
        channel.configureBlocking(false);
        channel.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
        channel.connect(address);
    }

    /** The HTTP upgrade request; the token, when there is one, as the subprotocol. */
    byte[] upgradeRequest(String host) {
        byte[] key = new byte[16];
        ThreadLocalRandom.current().nextBytes(key);
        StringBuilder r = new StringBuilder()
            .append("GET ").append(path).append(" HTTP/1.1\r\n")
            .append("Host: ").append(host).append("\r\n")
            .append("Upgrade: websocket\r\nConnection: Upgrade\r\n")
            .append("Sec-WebSocket-Key: ").append(Base64.getEncoder().encodeToString(key)).append("\r\n")
            .append("Sec-WebSocket-Version: 13\r\n");
        if (token != null) {
            r.append("Sec-WebSocket-Protocol: ").append(token).append("\r\n");
        }
        return r.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    }

    byte[] joinFrame() {
        return mask(("{\"action\":\"join\",\"options\":{\"channel\":\"" + channelName
            + "\"},\"payload\":{\"presence\":false,\"history\":false}}").getBytes(StandardCharsets.UTF_8), 0x1);
    }

    /**
     * A public message whose payload is exactly {@code payloadBytes} of JSON:
     * {@code {"t":SENT_NANOS,"s":SEQ,"p":"xxx…"}}.
     */
    byte[] messageFrame(long sentNanos, long seq, int payloadBytes) {
        String head = "{\"action\":\"message\",\"options\":{\"channel\":\"" + channelName + "\"},\"payload\":";
        String p = "{\"t\":" + sentNanos + ",\"s\":" + seq + ",\"p\":\"";
        StringBuilder payload = new StringBuilder(payloadBytes).append(p);
        while (payload.length() < payloadBytes - 2) {
            payload.append('x');
        }
        payload.append("\"}");
        return mask((head + payload + "}").getBytes(StandardCharsets.UTF_8), 0x1);
    }

    static byte[] pongFrame(byte[] payload) {
        return mask(payload, 0xA);
    }

    static byte[] closeFrame() {
        return mask(new byte[] {0x03, (byte) 0xE8}, 0x8);
    }

    /** A masked client frame (RFC 6455 §5.3). */
    static byte[] mask(byte[] payload, int opcode) {
        int n = payload.length;
        int header = n < 126 ? 2 : n <= 0xFFFF ? 4 : 10;
        byte[] out = new byte[header + 4 + n];
        out[0] = (byte) (0x80 | opcode);
        if (n < 126) {
            out[1] = (byte) (0x80 | n);
        } else if (n <= 0xFFFF) {
            out[1] = (byte) (0x80 | 126);
            out[2] = (byte) (n >> 8);
            out[3] = (byte) n;
        } else {
            out[1] = (byte) (0x80 | 127);
            for (int i = 0; i < 8; i++) {
                out[2 + i] = (byte) ((long) n >> (56 - 8 * i));
            }
        }
        int key = ThreadLocalRandom.current().nextInt();
        byte[] k = {(byte) (key >> 24), (byte) (key >> 16), (byte) (key >> 8), (byte) key};
        System.arraycopy(k, 0, out, header, 4);
        for (int i = 0; i < n; i++) {
            out[header + 4 + i] = (byte) (payload[i] ^ k[i & 3]);
        }
        return out;
    }

    /** Writes a whole frame from any thread; waits briefly while the socket's send buffer is full. */
    synchronized void write(byte[] frame) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(frame);
        while (b.hasRemaining()) {
            if (channel.write(b) == 0) {
                LockSupport.parkNanos(50_000);
            }
        }
    }

    void keep(byte[] src, int from, int to) {
        int n = to - from;
        if (carry.length < n) {
            carry = new byte[Math.max(n, 512)];
        }
        System.arraycopy(src, from, carry, 0, n);
        carryLength = n;
    }
}
