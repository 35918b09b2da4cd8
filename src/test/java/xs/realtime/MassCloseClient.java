package xs.realtime;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The child process of {@link MassCloseTest}: opens N WebSockets and N keep-alive HTTP connections
 * (each answered one GET /health) to a server, says READY, and on the
 * line "reset" resets them all at once (SO_LINGER 0), as a crashed client machine or load
 * balancer would. In a process of its own so the test's JVM does not share its sockets' fate.
 * <pre>java -cp … xs.realtime.MassCloseClient PORT N</pre>
 */
public final class MassCloseClient {
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int n = Integer.parseInt(args[1]);
        List<Socket> sockets = new ArrayList<>(2 * n);
        for (int i = 0; i < n; i++) {
            Socket s = new Socket();
            s.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            s.setSoTimeout(20_000);
            s.getOutputStream().write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] answer = new byte[4096];
            String got = "";
            while (!got.endsWith("{\"status\":\"ok\"}")) {
                int r = s.getInputStream().read(answer);
                if (r < 0) {
                    throw new IllegalStateException("no answer to GET /health: " + got);
                }
                got += new String(answer, 0, r, StandardCharsets.ISO_8859_1);
            }
            sockets.add(s);
        }
        for (int i = 0; i < n; i++) {
            Socket s = new Socket();
            s.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            s.setSoTimeout(20_000);
            s.getOutputStream().write(("GET /rt/test HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
            StringBuilder head = new StringBuilder();
            while (head.indexOf("\r\n\r\n") < 0) {
                int b = s.getInputStream().read();
                if (b < 0) {
                    throw new IllegalStateException("no upgrade for socket " + i + ": " + head);
                }
                head.append((char) b);
            }
            sockets.add(s);
        }
        System.out.println("READY");
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        if ("reset".equals(in.readLine())) {
            for (Socket s : sockets) {
                s.setSoLinger(true, 0);
                s.close();
            }
            System.out.println("RESET");
            System.out.flush();
        }
    }
}
