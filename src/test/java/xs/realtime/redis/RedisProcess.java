package xs.realtime.redis;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import xs.testing.ExternalTools;

/**
 * A redis-server of the test's own, on a free loopback port, without persistence, in a temp
 * folder; it can be stopped and started again on the same port (a Redis restart loses all data).
 */
public final class RedisProcess implements AutoCloseable {
    final int port;
    private final Path binary;
    private final Path dir;
    private Process process;

    private RedisProcess(Path binary, Path dir, int port) {
        this.binary = binary;
        this.dir = dir;
        this.port = port;
    }

    public static RedisProcess start(Path dir) throws Exception {
        Path binary = redisServer();
        IOException last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            RedisProcess redis = new RedisProcess(binary, dir, freePort());
            try {
                redis.start();
                return redis;
            } catch (IOException e) {
                last = e;
                redis.close();
            }
        }
        throw last;
    }

    /** The redis-server on PATH (skips, or fails under CI, when there is none). */
    static Path redisServer() {
        return ExternalTools.onPath("redis-server", "apt-get install redis-server; .ci/run installs it");
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** Starts (again) on this port and waits until it answers PING. */
    void start() throws IOException, InterruptedException {
        process = new ProcessBuilder(binary.toString(), "--port", String.valueOf(port), "--bind", "127.0.0.1",
            "--save", "", "--appendonly", "no", "--dir", dir.toString(), "--protected-mode", "yes")
            .redirectErrorStream(true).redirectOutput(dir.resolve("redis-" + port + ".log").toFile()).start();
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("redis-server exited with " + process.exitValue() + " (port " + port + " taken?)");
            }
            try {
                if ("PONG".equals(command("PING"))) {
                    return;
                }
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        throw new IOException("redis-server did not answer within 10 s");
    }

    /** Sends it a signal: STOP makes it hang with its sockets open, CONT resumes it. */
    void signal(String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IOException("kill -" + signal + " failed");
        }
    }

    /** Kills it, as a crash would. */
    void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Sends one command and returns a simple reply: a status, an integer or a bulk string, as text. */
    String command(String... args) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(2000);
            StringBuilder req = new StringBuilder("*" + args.length + "\r\n");
            for (String a : args) {
                req.append('$').append(a.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(a).append("\r\n");
            }
            OutputStream out = s.getOutputStream();
            out.write(req.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = new BufferedInputStream(s.getInputStream());
            String line = line(in);
            if (line.startsWith("$")) {
                int length = Integer.parseInt(line.substring(1));
                return length < 0 ? null : new String(in.readNBytes(length), StandardCharsets.UTF_8);
            }
            return line.substring(1);
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (c != '\r') {
                b.append((char) c);
            }
        }
        if (c == -1) {
            throw new IOException("connection closed");
        }
        return b.toString();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
