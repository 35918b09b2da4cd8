package xs.services.lambda;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import xs.interp.Json;

/**
 * An npm registry of the test's own on 127.0.0.1: it serves the package folders it is given
 * (each with a package.json), packed into tarballs, so {@code npm:} imports run without the
 * public registry.
 */
final class LocalNpmRegistry implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, byte[]> documents = new LinkedHashMap<>();
    private final Map<String, byte[]> tarballs = new LinkedHashMap<>();

    LocalNpmRegistry(List<Path> packages) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        for (Path folder : packages) {
            add(folder);
        }
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body = path.contains("/-/") ? tarballs.get(path) : documents.get(path.substring(1));
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.getResponseHeaders().set("Content-Type",
                    path.contains("/-/") ? "application/octet-stream" : "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    @SuppressWarnings("unchecked")
    private void add(Path folder) throws IOException {
        Map<String, Object> manifest;
        try {
            manifest = (Map<String, Object>) Json.read(Files.readString(folder.resolve("package.json")));
        } catch (Json.Malformed e) {
            throw new IOException(e.getMessage());
        }
        String name = (String) manifest.get("name");
        String version = (String) manifest.get("version");
        byte[] tgz = tarball(folder);
        String tarPath = "/" + name + "/-/" + name + "-" + version + ".tgz";
        tarballs.put(tarPath, tgz);
        Map<String, Object> dist = new LinkedHashMap<>();
        dist.put("tarball", "http://127.0.0.1:" + server.getAddress().getPort() + tarPath);
        dist.put("shasum", HexFormat.of().formatHex(digest("SHA-1", tgz)));
        dist.put("integrity", "sha512-" + Base64.getEncoder().encodeToString(digest("SHA-512", tgz)));
        Map<String, Object> release = new LinkedHashMap<>(manifest);
        release.put("dist", dist);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("name", name);
        document.put("dist-tags", Map.of("latest", version));
        document.put("versions", Map.of(version, release));
        documents.put(name, Json.write(document).getBytes(StandardCharsets.UTF_8));
    }

    /** The folder as npm packs it: a gzipped ustar archive with every file under {@code package/}. */
    private static byte[] tarball(Path folder) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes); Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                byte[] content = Files.readAllBytes(f);
                gz.write(header("package/" + folder.relativize(f).toString().replace('\\', '/'), content.length));
                gz.write(content);
                gz.write(new byte[(512 - content.length % 512) % 512]);
            }
            gz.write(new byte[1024]);
        }
        return bytes.toByteArray();
    }

    private static byte[] header(String name, long size) {
        byte[] h = new byte[512];
        put(h, 0, name);
        put(h, 100, "0000644");
        put(h, 108, "0000000");
        put(h, 116, "0000000");
        put(h, 124, String.format("%011o", size));
        put(h, 136, String.format("%011o", 0L));
        h[156] = '0';
        put(h, 257, "ustar");
        put(h, 263, "00");
        for (int i = 148; i < 156; i++) {
            h[i] = ' ';
        }
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        put(h, 148, String.format("%06o", sum));
        h[154] = 0;
        h[155] = ' ';
        return h;
    }

    private static void put(byte[] h, int at, String text) {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, h, at, b.length);
    }

    private static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
