package xs.interp.filters;

/**
 * Bytes as script text and back, the way the filters carry them (strict UTF-8 where valid, one
 * escaped character per stray byte elsewhere), for statements that read and write files.
 * <pre>storage.read_file_resource { value = $input.file } as $file</pre>
 */
public final class RawBytes {
    private RawBytes() {
    }

    public static byte[] of(String text) {
        return Binary.bytes(text);
    }

    public static String text(byte[] bytes) {
        return Binary.text(bytes);
    }
}
