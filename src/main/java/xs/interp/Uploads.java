package xs.interp;

/**
 * The files a request uploaded ({@code file} inputs from a multipart body), readable by the
 * path their input carries while the request runs, so a script can store one:
 * <pre>storage.create_attachment { value = $input.doc access = "public" filename = "" } as $file</pre>
 * Only the request's own uploads are readable: a script cannot name any other file.
 */
public interface Uploads {
    /** A request without uploads. */
    Uploads NONE = path -> null;

    /** The bytes of the upload at {@code path}, or null when no upload of this request is there. */
    byte[] read(String path) throws java.io.IOException;
}
