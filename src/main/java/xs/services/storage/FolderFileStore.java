package xs.services.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import xs.interp.FileStore;

/**
 * {@code storage.*} on a folder: {@code /vault/public/<id>/<name>} is the file
 * {@code <folder>/public/<id>/<name>}. Signed URLs carry the expiry and an HMAC of path and
 * expiry under a key: one kept beside the folder ({@link #keptKey}) when the folder is kept, so
 * every node that shares the folder accepts the URLs any of them signed, also after a restart;
 * else one made at start, and the URLs stop working when the process ends.
 * {@link #open} is what {@code xs serve} answers {@code GET /vault/…} with.
 * <pre>storage.sign_private_url { pathname = $cv.path ttl = 300 } as $url</pre>
 */
public final class FolderFileStore implements FileStore {
    public static final String PREFIX = "/vault/";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path root;
    private final LongSupplier clock;
    private final byte[] key = new byte[32];
    private volatile String baseUrl;

    /** A folder that will hold the files; created when missing. URLs are signed with a key made now. */
    public FolderFileStore(Path root, String baseUrl, LongSupplier clock) {
        this(root, baseUrl, clock, freshKey());
    }

    /** A folder that will hold the files, its URLs signed with key (32 bytes, from {@link #keptKey}). */
    public FolderFileStore(Path root, String baseUrl, LongSupplier clock, byte[] key) {
        this.root = root.toAbsolutePath().normalize();
        this.baseUrl = baseUrl;
        this.clock = clock;
        System.arraycopy(key, 0, this.key, 0, this.key.length);
    }

    private static byte[] freshKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return key;
    }

    /**
     * The signing key kept in file (hex), made at random by the first process that needs it.
     * Written to a temporary file and linked into place, so two nodes starting together on one
     * folder never see half a key and both end up with the one that got there first.
     */
    public static byte[] keptKey(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path made = Files.createTempFile(file.toAbsolutePath().getParent(), ".signing-key", ".tmp");
            try {
                Files.writeString(made, HexFormat.of().formatHex(freshKey()) + "\n", StandardCharsets.US_ASCII);
                try {
                    Files.createLink(file, made);
                } catch (java.nio.file.FileAlreadyExistsException taken) {
                    // another node made it first: use theirs
                } catch (UnsupportedOperationException | IOException noLinks) {
                    if (!Files.exists(file)) {
                        Files.move(made, file);
                    }
                }
            } finally {
                Files.deleteIfExists(made);
            }
        }
        String hex = Files.readString(file, StandardCharsets.US_ASCII).strip();
        try {
            byte[] key = HexFormat.of().parseHex(hex);
            if (key.length == 32) {
                return key;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new IOException(file + " does not hold a signing key (64 hex digits); delete it to make a new one");
    }

    /** A store in a new temporary folder, removed when the process exits. */
    public static FolderFileStore temporary(String baseUrl, LongSupplier clock) {
        try {
            Path dir = Files.createTempDirectory("xs-files");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> removeAll(dir)));
            return new FolderFileStore(dir, baseUrl, clock);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a temporary folder for files: " + e.getMessage(), e);
        }
    }

    private static void removeAll(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort at exit
        }
    }

    /** Where the server listens, once it does: URLs made from then on point there. */
    public void publishAt(String url) {
        this.baseUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public Path root() {
        return root;
    }

    @Override
    public String save(String access, String name, byte[] data) throws Failure {
        if (!access.equals("public") && !access.equals("private")) {
            throw new Failure("access must be \"public\" or \"private\", got \"" + access + "\"");
        }
        byte[] id = new byte[12];
        RANDOM.nextBytes(id);
        String path = PREFIX + access + "/" + HexFormat.of().formatHex(id) + "/" + safeName(name);
        Path file = file(path);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, data);
        } catch (IOException e) {
            throw new Failure("cannot save the file: " + e.getMessage());
        }
        return path;
    }

    /** A name that is one path segment: no separators, no leading dots. */
    static String safeName(String name) {
        String n = name == null ? "" : name.replaceAll("[/\\\\\\x00-\\x1f]", "_").replaceAll("^\\.+", "");
        return n.isBlank() ? "file" : n;
    }

    @Override
    public byte[] read(String path) throws Failure {
        Path file = file(path);
        if (!Files.isRegularFile(file)) {
            throw new Failure("no file at " + path);
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new Failure("cannot read " + path + ": " + e.getMessage());
        }
    }

    @Override
    public void delete(String path) throws Failure {
        try {
            Files.deleteIfExists(file(path));
        } catch (IOException e) {
            throw new Failure("cannot delete " + path + ": " + e.getMessage());
        }
    }

    @Override
    public String publicUrl(String path) {
        return baseUrl + path;
    }

    @Override
    public String signedUrl(String path, long ttlSeconds) throws Failure {
        if (!Files.isRegularFile(file(path))) {
            throw new Failure("no file at " + path);
        }
        long expires = clock.getAsLong() / 1000 + Math.max(1, ttlSeconds);
        return baseUrl + path + "?expires=" + expires + "&signature=" + signature(path, expires);
    }

    /** The file a request may see, or null: public paths freely, private ones with a valid, unexpired signature. */
    public Path open(String path, String expires, String signature) {
        Path file;
        try {
            file = file(path);
        } catch (Failure e) {
            return null;
        }
        if (!Files.isRegularFile(file)) {
            return null;
        }
        if (path.startsWith(PREFIX + "public/")) {
            return file;
        }
        if (expires == null || signature == null) {
            return null;
        }
        long until;
        try {
            until = Long.parseLong(expires);
        } catch (NumberFormatException e) {
            return null;
        }
        boolean valid = MessageDigest.isEqual(signature(path, until).getBytes(StandardCharsets.US_ASCII),
            signature.getBytes(StandardCharsets.US_ASCII));
        return valid && clock.getAsLong() / 1000 < until ? file : null;
    }

    private String signature(String path, long expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] sig = mac.doFinal((path + "\n" + expires).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks HmacSHA256", e);
        }
    }

    /** The file of a vault path, refusing anything that would leave the folder. */
    private Path file(String path) throws Failure {
        if (path == null || !path.startsWith(PREFIX)) {
            throw new Failure("a stored file's path starts with " + PREFIX + ", got \"" + path + "\"");
        }
        Path file = root.resolve(path.substring(PREFIX.length())).normalize();
        if (!file.startsWith(root) || file.equals(root)) {
            throw new Failure("the path \"" + path + "\" is outside the file store");
        }
        return file;
    }
}
