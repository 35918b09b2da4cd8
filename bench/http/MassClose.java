import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Mass disconnect against a running `xs serve`: opens N keep-alive HTTP connections (each has
 * answered one GET /health) or N WebSockets, keeps one live WebSocket that pings every 2 ms,
 * then resets all N at once (SO_LINGER 0) and reports how long the live socket waited for a
 * pong, and how long a fresh GET /health took, while the server closed them.
 *
 *   java bench/http/MassClose.java PORT http|ws N
 */
public final class MassClose {
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String kind = args[1];
        int n = Integer.parseInt(args[2]);
        Socket live = upgrade(port);
        List<Socket> many = new ArrayList<>(n);
        long openStart = System.nanoTime();
        for (int i = 0; i < n; i++) {
            many.add(kind.equals("ws") ? upgrade(port) : keptAlive(port));
        }
        System.out.printf("opened %d %s connections in %.1f s%n", n, kind, (System.nanoTime() - openStart) / 1e9);
        // Quiet baseline: pong times with nothing else going on.
        long baseline = 0;
        for (int i = 0; i < 200; i++) {
            baseline = Math.max(baseline, pingPong(live));
        }
        Thread.sleep(500);
        long[] worstPong = {0};
        long[] pongs = {0};
        volatileStop = false;
        Thread pinger = new Thread(() -> {
            try {
                while (!volatileStop) {
                    long t = pingPong(live);
                    worstPong[0] = Math.max(worstPong[0], t);
                    pongs[0]++;
                    Thread.sleep(2);
                }
            } catch (Exception e) {
                System.out.println("live socket failed: " + e);
            }
        });
        pinger.start();
        Thread.sleep(200);
        long resetStart = System.nanoTime();
        for (Socket s : many) {
            s.setSoLinger(true, 0);
            s.close();
        }
        long resetDone = System.nanoTime();
        long health = health(port);
        Thread.sleep(5000);
        volatileStop = true;
        pinger.join();
        System.out.printf("RESULT kind=%s connections=%d reset_ms=%.0f baseline_pong_ms=%.1f worst_pong_ms=%.1f "
                + "health_after_reset_ms=%.1f pongs=%d%n", kind, n, (resetDone - resetStart) / 1e6, baseline / 1e6,
            worstPong[0] / 1e6, health / 1e6, pongs[0]);
        live.close();
    }

    static volatile boolean volatileStop;

    static Socket connect(int port) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
        s.setSoTimeout(60_000);
        s.setTcpNoDelay(true);
        return s;
    }

    static Socket keptAlive(int port) throws IOException {
        Socket s = connect(port);
        s.getOutputStream().write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        readResponse(s.getInputStream());
        return s;
    }

    static Socket upgrade(int port) throws IOException {
        Socket s = connect(port);
        s.getOutputStream().write(("GET /rt/bench HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
            + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
        String head = head(s.getInputStream());
        if (!head.startsWith("HTTP/1.1 101")) {
            throw new IOException("no upgrade: " + head);
        }
        return s;
    }

    /** One masked ping and the time until its pong (server pings in between are skipped). */
    static long pingPong(Socket s) throws IOException {
        OutputStream out = s.getOutputStream();
        InputStream in = s.getInputStream();
        long start = System.nanoTime();
        out.write(new byte[] {(byte) 0x89, (byte) 0x80, 1, 2, 3, 4});
        out.flush();
        while (true) {
            int b0 = in.read();
            int len = in.read() & 0x7F;
            if (b0 < 0 || len > 125) {
                throw new IOException("bad frame");
            }
            in.readNBytes(len);
            if ((b0 & 0x0F) == 0xA) {
                return System.nanoTime() - start;
            }
        }
    }

    static long health(int port) throws IOException {
        long start = System.nanoTime();
        try (Socket s = keptAlive(port)) {
            return System.nanoTime() - start;
        }
    }

    static String head(InputStream in) throws IOException {
        ByteArrayOutputStream h = new ByteArrayOutputStream();
        while (!h.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed: " + h);
            }
            h.write(b);
        }
        return h.toString(StandardCharsets.ISO_8859_1);
    }

    static void readResponse(InputStream in) throws IOException {
        String h = head(in);
        int length = 0;
        for (String line : h.split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        in.readNBytes(length);
    }
}
