package xs.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster for the tests: initdb in a temporary folder, started on a free
 * port on 127.0.0.1, stopped and deleted when the test JVM ends. As root (CI containers) the
 * server runs as the {@code postgres} user the Debian package creates, since PostgreSQL refuses
 * to run as root. Missing PostgreSQL skips locally and fails under XS_CI=1.
 */
public final class PostgresServer {
    private static PostgresServer shared;

    private final Path dir;
    private final Path bin;
    private final int port;
    private final boolean asPostgresUser;

    private PostgresServer(Path bin, Path dir, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /** The cluster every test of this JVM shares, started on first use. */
    public static synchronized PostgresServer shared() throws IOException, InterruptedException {
        if (shared == null) {
            Path bin = binaries();
            ExternalTools.require(bin != null, "PostgreSQL is not installed (apt-get install postgresql)");
            shared = start(bin);
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop));
        }
        return shared;
    }

    /**
     * A cluster of the caller's own, which it may stop and start again ({@link #halt()},
     * {@link #resume()}) and must {@link #close()}: for tests of a server that goes away.
     */
    public static PostgresServer dedicated() throws IOException, InterruptedException {
        Path bin = binaries();
        ExternalTools.require(bin != null, "PostgreSQL is not installed (apt-get install postgresql)");
        PostgresServer server = start(bin);
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        return server;
    }

    /** Stops the server (fast shutdown: clients are cut off); the data stays for {@link #resume()}. */
    public void halt() throws IOException, InterruptedException {
        pg(List.of(bin.resolve("pg_ctl").toString(), "stop", "-w", "-m", "fast", "-D", dir.resolve("data").toString()));
    }

    /** Starts the stopped server again on the same port. */
    public void resume() throws IOException, InterruptedException {
        startServer();
    }

    /** Stops a dedicated cluster and deletes its folder. */
    public void close() {
        stop();
    }

    /** A URL for a database of this cluster; tests give each case a schema of its own. */
    public String url() {
        return "postgresql://xs@127.0.0.1:" + port + "/postgres";
    }

    /** A fresh schema name for one test. */
    public static String schemaName() {
        return "t_" + UUID.randomUUID().toString().replace("-", "");
    }

    private static Path binaries() {
        String configured = System.getenv("XS_PG_BIN");
        if (configured != null && Files.isExecutable(Path.of(configured, "initdb"))) {
            return Path.of(configured);
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                Path newest = versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString().replaceAll("\\D", "0"))))
                    .orElse(null);
                if (newest != null) {
                    return newest;
                }
            } catch (IOException | NumberFormatException e) {
                // fall through to PATH
            }
        }
        String path = System.getenv("PATH");
        for (String entry : path == null ? new String[0] : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(entry, "initdb")) && Files.isExecutable(Path.of(entry, "pg_ctl"))) {
                return Path.of(entry);
            }
        }
        return null;
    }

    private static PostgresServer start(Path bin) throws IOException, InterruptedException {
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("xs-postgres");
        if (root) {
            run(List.of("chown", "postgres", dir.toString()), false);
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        PostgresServer server = new PostgresServer(bin, dir, port, root);
        server.pg(List.of(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-A", "trust", "-U", "xs",
            "-E", "UTF8", "--locale=C", "--no-sync"));
        server.startServer();
        return server;
    }

    private void startServer() throws IOException, InterruptedException {
        pg(List.of(bin.resolve("pg_ctl").toString(), "start", "-w", "-t", "60", "-D", dir.resolve("data").toString(),
            "-l", dir.resolve("log").toString(), "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1"
                + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"));
    }

    private synchronized void stop() {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try {
            pg(List.of(bin.resolve("pg_ctl").toString(), "stop", "-w", "-m", "immediate", "-D", dir.resolve("data").toString()));
        } catch (IOException | InterruptedException e) {
            System.err.println("could not stop the test PostgreSQL in " + dir + ": " + e.getMessage());
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder: the system cleans it eventually
        }
    }

    private void pg(List<String> command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        run(full, true);
    }

    private static void run(List<String> command, boolean check) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(command.get(0) + " did not finish");
        }
        if (check && p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed:\n" + output);
        }
    }
}
