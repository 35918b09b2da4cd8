package xs.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket client on a plain socket that writes whatever frames a test asks for (reserved
 * bits, unknown opcodes, unmasked, split at any byte) and reads the server's frames as they are
 * on the wire: what the conformance tests need and a well-behaved client library never sends.
 */
final class RawWebSocket implements AutoCloseable {
    /** Opcodes of RFC 6455 §5.2. */
    static final int CONTINUATION = 0x0;
    static final int TEXT = 0x1;
    static final int BINARY = 0x2;
    static final int CLOSE = 0x8;
    static final int PING = 0x9;
    static final int PONG = 0xA;

    /** One frame from the server. */
    record Frame(boolean fin, int rsv, int opcode, boolean masked, byte[] payload) {
        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        /** The close frame's status code, or 1005 when it has none. */
        int closeCode() {
            return payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005;
        }
    }

    private final Socket socket;
    private final OutputStream out;
    private final DataInputStream in;
    final String handshakeResponse;

    private RawWebSocket(Socket socket, String handshakeResponse) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = new DataInputStream(socket.getInputStream());
        this.handshakeResponse = handshakeResponse;
    }

    /** Connects to {@code /rt/test} as an anonymous client; fails the test unless the answer is 101. */
    static RawWebSocket open(int port) {
        try {
            Socket s = new Socket("127.0.0.1", port);
            s.setSoTimeout(10_000);
            s.setTcpNoDelay(true);
            String key = Base64.getEncoder().encodeToString("conformance-key!".getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().write(("GET /rt/test HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
            String head = readHead(s.getInputStream());
            assertTrue(head.startsWith("HTTP/1.1 101"), head);
            return new RawWebSocket(s, head);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends a raw HTTP request and returns the status line and headers of the answer. */
    static String request(int port, String head) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            return readHead(s.getInputStream());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    /** The bytes of one client frame: masked unless {@code masked} is false. */
    static byte[] frame(boolean fin, int rsv, int opcode, byte[] payload, boolean masked) {
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        f.write((fin ? 0x80 : 0) | (rsv & 0x7) << 4 | opcode);
        int maskBit = masked ? 0x80 : 0;
        if (payload.length < 126) {
            f.write(maskBit | payload.length);
        } else if (payload.length <= 0xFFFF) {
            f.write(maskBit | 126);
            f.write(payload.length >> 8);
            f.write(payload.length);
        } else {
            f.write(maskBit | 127);
            for (int i = 7; i >= 0; i--) {
                f.write((int) ((long) payload.length >> (8 * i)));
            }
        }
        byte[] mask = new byte[4];
        if (masked) {
            ThreadLocalRandom.current().nextBytes(mask);
            f.writeBytes(mask);
        }
        for (int i = 0; i < payload.length; i++) {
            f.write(payload[i] ^ mask[i & 3]);
        }
        return f.toByteArray();
    }

    void send(boolean fin, int opcode, byte[] payload) {
        raw(frame(fin, 0, opcode, payload, true));
    }

    void text(String json) {
        send(true, TEXT, json.getBytes(StandardCharsets.UTF_8));
    }

    /** A close frame with this status code and reason bytes. */
    void close(int code, byte[] reason) {
        byte[] payload = new byte[2 + reason.length];
        payload[0] = (byte) (code >> 8);
        payload[1] = (byte) code;
        System.arraycopy(reason, 0, payload, 2, reason.length);
        send(true, CLOSE, payload);
    }

    void raw(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new IllegalStateException("the server closed the socket early", e);
        }
    }

    /** Writes the bytes one at a time, each in its own packet. */
    void trickle(byte[] bytes) {
        for (byte b : bytes) {
            raw(new byte[] {b});
        }
    }

    /** The next frame from the server, or null at the end of the stream. */
    Frame read() {
        try {
            int b0;
            try {
                b0 = in.readUnsignedByte();
            } catch (EOFException end) {
                return null;
            }
            int b1 = in.readUnsignedByte();
            long length = b1 & 0x7F;
            if (length == 126) {
                length = in.readUnsignedShort();
            } else if (length == 127) {
                length = in.readLong();
            }
            byte[] mask = (b1 & 0x80) != 0 ? in.readNBytes(4) : null;
            byte[] payload = in.readNBytes((int) length);
            if (mask != null) {
                for (int i = 0; i < payload.length; i++) {
                    payload[i] ^= mask[i & 3];
                }
            }
            return new Frame((b0 & 0x80) != 0, (b0 >> 4) & 0x7, b0 & 0x0F, mask != null, payload);
        } catch (SocketTimeoutException e) {
            fail("no frame from the server within 10 s");
            return null;
        } catch (IOException e) {
            // A reset after the close frame ends the stream too.
            return null;
        }
    }

    /** The next text frame's JSON text (pings and pongs in between are skipped). */
    String nextText() {
        for (Frame f = read(); f != null; f = read()) {
            if (f.opcode() == TEXT) {
                return f.text();
            }
            if (f.opcode() == CLOSE) {
                fail("closed with " + f.closeCode() + " instead of answering");
            }
        }
        fail("the stream ended instead of answering");
        return null;
    }

    /**
     * Reads up to the server's close frame (error frames before it are skipped), checks that it
     * is the last frame and that the server then ends the TCP stream; returns the close code.
     */
    int closeCode() {
        for (Frame f = read(); f != null; f = read()) {
            if (f.opcode() == CLOSE) {
                assertTrue(f.fin() && !f.masked(), "a close frame is final and unmasked");
                // Answer as a client does, then the server ends the stream.
                raw(frame(true, 0, CLOSE, f.payload().length >= 2 ? new byte[] {f.payload()[0], f.payload()[1]}
                    : new byte[0], true), true);
                assertEquals(null, read(), "nothing follows the close frame, and the server ends the stream");
                return f.closeCode();
            }
            if (f.opcode() != TEXT && f.opcode() != PING && f.opcode() != PONG) {
                fail("unexpected frame with opcode " + f.opcode());
            }
        }
        fail("the stream ended without a close frame");
        return 0;
    }

    /** Like {@link #raw(byte[])}, but a socket the server already closed is fine. */
    private void raw(byte[] bytes, boolean mayBeClosed) {
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            if (!mayBeClosed) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing a test socket
        }
    }
}
