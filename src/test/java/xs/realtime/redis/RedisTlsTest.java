package xs.realtime.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import xs.realtime.WsClient;
import xs.testing.ExternalTools;

/**
 * {@code --broker rediss://…}: two nodes on a redis-server that speaks only TLS, with a
 * certificate of the test's own that the nodes' JVM trusts; and a node that does not trust it
 * stops with one clear line.
 */
class RedisTlsTest {
    @TempDir
    Path dir;
    private Process redis;
    private final List<ServeNode> nodes = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (ServeNode n : nodes) {
            n.close();
        }
        if (redis != null) {
            redis.destroyForcibly();
            redis.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    @Timeout(120)
    void nodesShareChannelsOverTls() throws Exception {
        Path server = RedisProcess.redisServer();
        Path openssl = ExternalTools.onPath("openssl", "apt-get install openssl");
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        run(openssl.toString(), "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
            "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key.toString(), "-out", cert.toString());
        Path trust = dir.resolve("trust.p12");
        run(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-importcert", "-noprompt",
            "-alias", "redis", "-file", cert.toString(), "-keystore", trust.toString(), "-storetype", "PKCS12",
            "-storepass", "changeit");

        int port = RedisProcess.freePort();
        Path log = dir.resolve("redis.log");
        redis = new ProcessBuilder(server.toString(), "--port", "0", "--tls-port", String.valueOf(port), "--bind",
            "127.0.0.1", "--tls-cert-file", cert.toString(), "--tls-key-file", key.toString(), "--tls-ca-cert-file",
            cert.toString(), "--tls-auth-clients", "no", "--save", "", "--appendonly", "no", "--dir", dir.toString())
            .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        for (long deadline = System.currentTimeMillis() + 10_000; !Files.readString(log).contains("Ready to accept");
             Thread.sleep(50)) {
            assertTrue(System.currentTimeMillis() < deadline && redis.isAlive(), "redis-server with TLS did not start: "
                + Files.readString(log));
        }

        String url = "rediss://127.0.0.1:" + port;
        List<String> trusting = List.of("-Djavax.net.ssl.trustStore=" + trust, "-Djavax.net.ssl.trustStorePassword=changeit");
        ServeNode one = ServeNode.start(url, dir, "one", trusting);
        nodes.add(one);
        ServeNode two = ServeNode.start(url, dir, "two", trusting);
        nodes.add(two);
        WsClient a = one.user("1");
        WsClient b = two.user("2");
        a.joined("chat:tls");
        b.joined("chat:tls");
        a.message("chat:tls", "{\"n\":\"over tls\"}");
        for (WsClient c : List.of(a, b)) {
            assertEquals("over tls", c.expect("message").path("payload").path("n").asText());
        }

        // Without the certificate in its trust store a node refuses the server and says so.
        Path stderr = dir.resolve("untrusting.stderr.txt");
        Process untrusting = ServeNode.command(stderr, "--broker", url).start();
        try {
            assertTrue(untrusting.waitFor(60, TimeUnit.SECONDS), "exits");
            String err = Files.readString(stderr).strip();
            assertEquals(2, untrusting.exitValue(), err);
            assertTrue(err.startsWith("xs: cannot connect to Redis at " + url + " ("), err);
            assertTrue(!err.contains("\tat "), "no stack trace: " + err);
        } finally {
            untrusting.destroyForcibly();
        }
    }

    private void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("tool.log").toFile())
            .start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), () -> String.join(" ", command) + "\n" + read(dir.resolve("tool.log")));
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
