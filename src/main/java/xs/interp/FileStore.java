package xs.interp;

/**
 * Where {@code storage.*} keeps files: each saved file gets a path like
 * {@code /vault/public/<id>/<name>}; public files are served at that path, private ones only
 * through a URL {@code sign_private_url} made, until it expires. {@code xs.services.storage}
 * implements it on a folder.
 * <pre>storage.create_attachment { value = $input.file access = "private" filename = "cv.pdf" } as $cv</pre>
 */
public interface FileStore {
    /** Saves the bytes; returns the file's path. {@code access} is "public" or "private". */
    String save(String access, String name, byte[] data) throws Failure;

    /** The bytes of a saved file. */
    byte[] read(String path) throws Failure;

    void delete(String path) throws Failure;

    /** The URL a public file is served at. */
    String publicUrl(String path);

    /** A URL that serves the file until {@code ttlSeconds} from now. */
    String signedUrl(String path, long ttlSeconds) throws Failure;

    /** A file that cannot be saved or found; the message says which and why. */
    final class Failure extends Exception {
        public Failure(String message) {
            super(message);
        }
    }

    /** For runs without storage. */
    FileStore NONE = new FileStore() {
        private Failure none() {
            return new Failure("no file storage is configured for this run");
        }

        @Override
        public String save(String access, String name, byte[] data) throws Failure {
            throw none();
        }

        @Override
        public byte[] read(String path) throws Failure {
            throw none();
        }

        @Override
        public void delete(String path) throws Failure {
            throw none();
        }

        @Override
        public String publicUrl(String path) {
            return path;
        }

        @Override
        public String signedUrl(String path, long ttlSeconds) throws Failure {
            throw none();
        }
    };
}
