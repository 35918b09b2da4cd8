package rtload;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One selector thread owning many client sockets: it finishes their connects and upgrades, sends
 * their joins, answers pings, and parses every frame they receive. Message frames are counted, and
 * while a latency window is open their publish time (carried in the payload) is turned into a
 * publish-to-receive latency.
 */
final class Reactor extends Thread {
    private static final byte[] MESSAGE = "{\"action\":\"message\"".getBytes();
    private static final byte[] JOIN = "{\"action\":\"join\"".getBytes();
    private static final byte[] ERROR = "{\"action\":\"error\"".getBytes();
    private static final byte[] T = "{\"t\":".getBytes();

    private final Selector selector;
    private final Queue<Client> joining = new ConcurrentLinkedQueue<>();
    private final ByteBuffer buffer = ByteBuffer.allocate(1 << 18);
    private final String host;
    private final AtomicInteger handshakes;
    private final AtomicInteger opened;
    private final AtomicInteger joined;
    private final AtomicInteger failed;
    final Latencies latencies = new Latencies();

    /** Message frames received by subscribers (published by this thread once per loop). */
    volatile long delivered;
    private long deliveredLocal;
    volatile long errors;
    private volatile boolean running = true;
    /** Deliveries whose publish time lies in [windowStart, windowEnd) are recorded as latencies. */
    volatile long windowStart = Long.MAX_VALUE;
    volatile long windowEnd = Long.MIN_VALUE;
    /** Subscriber deliveries of messages published inside the window. */
    long windowDeliveries;
    /** The worst latency (µs) of each second of the window, by publish time: shows whether a tail is steady or a few stalls. */
    final long[] worstBySecond = new long[600];
    /**
     * For each message of the first channel (by sequence number): its earliest and latest delivery
     * here, in µs after its publish time. Their spread is the time the hub takes to fan one message out.
     */
    final long[] firstBySeq = new long[1 << 16];
    final long[] lastBySeq = new long[1 << 16];

    Reactor(int index, InetSocketAddress address, AtomicInteger handshakes, AtomicInteger opened, AtomicInteger joined,
            AtomicInteger failed) throws IOException {
        super("rtload-reactor-" + index);
        setDaemon(true);
        this.selector = Selector.open();
        this.host = address.getHostString() + ":" + address.getPort();
        this.handshakes = handshakes;
        this.opened = opened;
        this.joined = joined;
        this.failed = failed;
    }

    void add(Client c) {
        joining.add(c);
        selector.wakeup();
    }

    void shutdown() {
        running = false;
        selector.wakeup();
    }

    @Override
    public void run() {
        try {
            while (running) {
                selector.select(100);
                for (Client c; (c = joining.poll()) != null; ) {
                    c.channel.register(selector, SelectionKey.OP_CONNECT, c);
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    Client c = (Client) key.attachment();
                    try {
                        if (key.isValid() && key.isConnectable()) {
                            c.channel.finishConnect();
                            c.state = Client.HANDSHAKE;
                            c.write(c.upgradeRequest(host));
                            key.interestOps(SelectionKey.OP_READ);
                        } else if (key.isValid() && key.isReadable()) {
                            read(c, key);
                        }
                    } catch (IOException e) {
                        lose(c, key, e);
                    }
                }
                selector.selectedKeys().clear();
                delivered = deliveredLocal;
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void lose(Client c, SelectionKey key, IOException e) {
        if (c.state != Client.CLOSED && !c.closing) {
            if (!c.joined && (c.joinOnOpen || c.state != Client.OPEN)) {
                handshakes.decrementAndGet();
            }
            if (failed.incrementAndGet() < 5) {
                System.err.println("rtload: connection lost: " + e);
            }
        }
        c.state = Client.CLOSED;
        key.cancel();
        try {
            c.channel.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    private void read(Client c, SelectionKey key) throws IOException {
        for (int round = 0; round < 4; round++) {
            buffer.clear();
            buffer.put(c.carry, 0, c.carryLength);
            int n = c.channel.read(buffer);
            if (n < 0) {
                if (c.state != Client.CLOSED) {
                    lose(c, key, new IOException("closed by the server"));
                }
                return;
            }
            if (n == 0) {
                return;
            }
            byte[] a = buffer.array();
            int end = buffer.position();
            int pos = 0;
            if (c.state == Client.HANDSHAKE) {
                int header = headerEnd(a, end);
                if (header < 0) {
                    c.keep(a, 0, end);
                    continue;
                }
                if (!new String(a, 0, Math.min(12, header)).startsWith("HTTP/1.1 101")) {
                    throw new IOException("upgrade refused: " + new String(a, 0, Math.min(header, 200)));
                }
                c.state = Client.OPEN;
                opened.incrementAndGet();
                if (c.joinOnOpen) {
                    c.write(c.joinFrame());
                } else {
                    handshakes.decrementAndGet();
                }
                pos = header;
            }
            pos = frames(c, a, pos, end);
            if (pos < end) {
                c.keep(a, pos, end);
            } else {
                c.carryLength = 0;
            }
            if (n < buffer.capacity() / 2) {
                return;
            }
        }
    }

    private static int headerEnd(byte[] a, int end) {
        for (int i = 3; i < end; i++) {
            if (a[i] == '\n' && a[i - 1] == '\r' && a[i - 2] == '\n' && a[i - 3] == '\r') {
                return i + 1;
            }
        }
        return -1;
    }

    /** Handles every complete frame in a[pos, end); returns where the incomplete rest starts. */
    private int frames(Client c, byte[] a, int pos, int end) throws IOException {
        while (end - pos >= 2) {
            int opcode = a[pos] & 0x0F;
            int len7 = a[pos + 1] & 0x7F;
            int header = len7 < 126 ? 2 : len7 == 126 ? 4 : 10;
            if (end - pos < header) {
                break;
            }
            long length = len7;
            if (len7 == 126) {
                length = ((a[pos + 2] & 0xFF) << 8) | (a[pos + 3] & 0xFF);
            } else if (len7 == 127) {
                length = 0;
                for (int i = 0; i < 8; i++) {
                    length = (length << 8) | (a[pos + 2 + i] & 0xFF);
                }
            }
            if (header + length > buffer.capacity() / 2) {
                throw new IOException("frame too large for the load generator: " + length);
            }
            if (end - pos < header + length) {
                break;
            }
            int from = pos + header;
            int to = (int) (from + length);
            switch (opcode) {
                case 0x1 -> text(c, a, from, to);
                case 0x9 -> {
                    byte[] payload = new byte[to - from];
                    System.arraycopy(a, from, payload, 0, payload.length);
                    c.write(Client.pongFrame(payload));
                }
                case 0x8 -> throw new IOException("the server closed the connection, code "
                    + (to - from >= 2 ? ((a[from] & 0xFF) << 8 | (a[from + 1] & 0xFF)) : 1005));
                default -> {
                }
            }
            pos = to;
        }
        return pos;
    }

    private void text(Client c, byte[] a, int from, int to) {
        if (startsWith(a, from, to, MESSAGE)) {
            int t = indexOf(a, from + MESSAGE.length, to, T);
            if (t < 0) {
                return;
            }
            int i = t + T.length;
            long sent = 0;
            while (i < to && a[i] >= '0' && a[i] <= '9') {
                sent = sent * 10 + (a[i++] - '0');
            }
            i += 5; // ,"s":
            long seq = 0;
            while (i < to && a[i] >= '0' && a[i] <= '9') {
                seq = seq * 10 + (a[i++] - '0');
            }
            c.lastSeq = seq;
            if (!c.publisher) {
                c.messages++;
                deliveredLocal++;
                if (sent >= windowStart && sent < windowEnd) {
                    long latency = System.nanoTime() - sent;
                    latencies.record(latency);
                    windowDeliveries++;
                    int second = (int) Math.min(worstBySecond.length - 1, (sent - windowStart) / 1_000_000_000L);
                    worstBySecond[second] = Math.max(worstBySecond[second], latency / 1000);
                    if (c.firstChannel && seq < firstBySeq.length) {
                        int s = (int) seq;
                        long micros = Math.max(1, latency / 1000);
                        firstBySeq[s] = firstBySeq[s] == 0 ? micros : Math.min(firstBySeq[s], micros);
                        lastBySeq[s] = Math.max(lastBySeq[s], micros);
                    }
                }
            }
        } else if (startsWith(a, from, to, JOIN)) {
            if (!c.joined) {
                c.joined = true;
                joined.incrementAndGet();
                if (c.joinOnOpen) {
                    handshakes.decrementAndGet();
                }
            }
        } else if (startsWith(a, from, to, ERROR)) {
            errors++;
            if (errors < 5) {
                System.err.println("rtload: error frame: " + new String(a, from, Math.min(to - from, 300)));
            }
        }
    }

    private static boolean startsWith(byte[] a, int from, int to, byte[] prefix) {
        if (to - from < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (a[from + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] a, int from, int to, byte[] needle) {
        outer:
        for (int i = from; i <= to - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (a[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
