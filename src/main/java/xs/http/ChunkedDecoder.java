package xs.http;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The {@code chunked} transfer coding of a request body, decoded strictly as RFC 9112 §7.1 writes
 * it: a hexadecimal size, extensions that are tokens or quoted strings, every line ended by CRLF
 * (a bare CR or LF is refused: lenient line endings are how requests get smuggled), the chunk's
 * data followed by CRLF and nothing else, trailer fields of the header grammar, and a blank line.
 * Whatever breaks that, and a body past the size limit, is a {@link Malformed} with the status to
 * answer (400, or 413 for the size), detected at the first byte that cannot fit.
 * <pre>curl -H 'Transfer-Encoding: chunked' --data-binary $'5\r\n{"a":\r\n2\r\n1}\r\n0\r\n\r\n' …/function/f</pre>
 */
final class ChunkedDecoder {
    /** Longest chunk-size line, extensions included. */
    static final int MAX_SIZE_LINE = 4096;
    /** Longest trailer section, all its lines together. */
    static final int MAX_TRAILERS = 16 * 1024;

    private enum State { SIZE_LINE, DATA, DATA_CR, DATA_LF, TRAILER_LINE, DONE }

    private final long maxBytes;
    private final StringBuilder line = new StringBuilder();
    private State state = State.SIZE_LINE;
    private boolean lineCr;
    private long received;
    private long remaining;
    private int trailerBytes;

    /** @param maxBytes the most data the whole body may carry (413 past it) */
    ChunkedDecoder(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** A body that breaks the coding or the limit; {@code status} is what the request is answered. */
    static final class Malformed extends IOException {
        final int status;

        Malformed(int status, String message) {
            super(message, null);
            this.status = status;
        }
    }

    /** Whether the last chunk, the trailers and the final CRLF have all been read. */
    boolean done() {
        return state == State.DONE;
    }

    /** How many bytes of data the chunks have carried so far. */
    long received() {
        return received;
    }

    /**
     * Consumes {@code in} (framing and data) and copies the data into {@code out}; stops when
     * {@code in} is empty, when {@code out} is full in the middle of a chunk's data, or at the end
     * of the body (bytes after it stay in {@code in}). Returns the number of data bytes copied.
     */
    int decode(ByteBuffer in, ByteBuffer out) throws Malformed {
        int copied = 0;
        while (in.hasRemaining() && state != State.DONE) {
            switch (state) {
                case SIZE_LINE -> {
                    if (line(in, MAX_SIZE_LINE, "a chunk-size line is longer than " + MAX_SIZE_LINE + " bytes")) {
                        startChunk();
                    }
                }
                case DATA -> {
                    if (!out.hasRemaining()) {
                        return copied;
                    }
                    int n = (int) Math.min(remaining, Math.min(in.remaining(), out.remaining()));
                    ByteBuffer slice = in.slice();
                    slice.limit(n);
                    out.put(slice);
                    in.position(in.position() + n);
                    copied += n;
                    remaining -= n;
                    if (remaining == 0) {
                        state = State.DATA_CR;
                    }
                }
                case DATA_CR -> {
                    expectAfterData(in.get(), '\r');
                    state = State.DATA_LF;
                }
                case DATA_LF -> {
                    expectAfterData(in.get(), '\n');
                    state = State.SIZE_LINE;
                }
                case TRAILER_LINE -> {
                    if (line(in, MAX_TRAILERS - trailerBytes, "the trailer fields are longer than " + MAX_TRAILERS
                        + " bytes")) {
                        trailerBytes += line.length() + 2;
                        endTrailerLine();
                    }
                }
                case DONE -> { }
            }
        }
        return copied;
    }

    /**
     * Adds bytes to the current line up to its CRLF; true when the line is whole (in {@link #line},
     * without the CRLF). Bytes are kept as ISO-8859-1 characters, so each is one char.
     */
    private boolean line(ByteBuffer in, int limit, String tooLong) throws Malformed {
        while (in.hasRemaining()) {
            int b = in.get() & 0xFF;
            if (lineCr) {
                lineCr = false;
                if (b != '\n') {
                    throw bad("a CR inside a chunk line is not followed by LF");
                }
                return true;
            }
            if (b == '\r') {
                lineCr = true;
            } else if (b == '\n') {
                throw bad("a chunk line ends in LF alone; lines end in CRLF");
            } else {
                if (line.length() >= limit) {
                    throw bad(tooLong);
                }
                line.append((char) b);
            }
        }
        return false;
    }

    /** chunk = chunk-size [ chunk-ext ] CRLF chunk-data CRLF; last-chunk = 1*"0" [ chunk-ext ] CRLF. */
    private void startChunk() throws Malformed {
        String text = line.toString();
        line.setLength(0);
        int i = 0;
        long size = 0;
        while (i < text.length() && Character.digit(text.charAt(i), 16) >= 0 && text.charAt(i) < 0x80) {
            // Saturates instead of overflowing: any size that large is past the limit anyway.
            size = size > (Long.MAX_VALUE >> 4) ? Long.MAX_VALUE : size * 16 + Character.digit(text.charAt(i), 16);
            i++;
        }
        if (i == 0) {
            throw bad("the chunk size " + quoted(text) + " is not a hexadecimal number");
        }
        extensions(text, i);
        if (size == 0) {
            state = State.TRAILER_LINE;
            return;
        }
        if (size > maxBytes - received) {
            throw new Malformed(413, "the request body is larger than " + maxBytes + " bytes");
        }
        received += size;
        remaining = size;
        state = State.DATA;
    }

    /**
     * chunk-ext = *( BWS ";" BWS chunk-ext-name [ BWS "=" BWS chunk-ext-val ] ), from {@code i} to
     * the end: whitespace only where the grammar has BWS, so "5 " and "5;a " are refused.
     */
    private static void extensions(String text, int i) throws Malformed {
        int n = text.length();
        while (i < n) {
            int semicolon = whitespace(text, i);
            if (semicolon == n || text.charAt(semicolon) != ';') {
                String found = semicolon == n ? "whitespace" : quoted(text.substring(semicolon, semicolon + 1));
                throw bad("the chunk-size line " + quoted(text) + " has " + found
                    + " where a ';' extension or the line's end belongs");
            }
            int start = whitespace(text, semicolon + 1);
            int name = token(text, start);
            if (name == start) {
                throw bad("a chunk extension in " + quoted(text) + " has no name");
            }
            int equals = whitespace(text, name);
            if (equals < n && text.charAt(equals) == '=') {
                int valueStart = whitespace(text, equals + 1);
                int value = valueStart < n && text.charAt(valueStart) == '"' ? quotedString(text, valueStart)
                    : token(text, valueStart);
                if (value == valueStart) {
                    throw bad("a chunk extension in " + quoted(text) + " has '=' but no value");
                }
                i = value;
            } else {
                i = name;
            }
        }
    }

    /** trailer-section = *( field-line CRLF ); field-line = field-name ":" OWS field-value OWS. */
    private void endTrailerLine() throws Malformed {
        String text = line.toString();
        line.setLength(0);
        if (text.isEmpty()) {
            state = State.DONE;
            return;
        }
        int colon = token(text, 0);
        if (colon == 0 || colon == text.length() || text.charAt(colon) != ':') {
            throw bad("the trailer line " + quoted(text) + " is not a field (name: value)");
        }
        for (int i = colon + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' || c == 0x7F) {
                throw bad("the trailer field " + quoted(text.substring(0, colon)) + " has a control character");
            }
        }
    }

    private static void expectAfterData(byte b, char wanted) throws Malformed {
        if (b != wanted) {
            throw bad("a chunk's data is not followed by CRLF (more bytes came than its size said, or the "
                + "CRLF is missing)");
        }
    }

    private static int whitespace(String text, int i) {
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    /** The end of the token starting at {@code i} (i itself when none starts there). */
    private static int token(String text, int i) {
        while (i < text.length() && tchar(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean tchar(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }

    /** The end of the quoted-string starting at the '"' at {@code i}. */
    private static int quotedString(String text, int i) throws Malformed {
        for (int j = i + 1; j < text.length(); j++) {
            char c = text.charAt(j);
            if (c == '"') {
                return j + 1;
            }
            if (c == '\\') {
                j++;
                if (j == text.length() || !quotable(text.charAt(j))) {
                    break;
                }
            } else if (!quotable(c)) {
                break;
            }
        }
        throw bad("a chunk extension in " + quoted(text) + " has a quoted value that does not end well");
    }

    private static boolean quotable(char c) {
        return c == '\t' || c >= 0x20 && c != 0x7F;
    }

    private static Malformed bad(String what) {
        return new Malformed(400, "malformed chunked body: " + what);
    }

    /** A line as the message shows it: quoted, control characters escaped, long ones cut. */
    private static String quoted(String text) {
        StringBuilder out = new StringBuilder("'");
        for (int i = 0; i < text.length() && i < 40; i++) {
            char c = text.charAt(i);
            out.append(c < 0x20 || c >= 0x7F ? String.format("\\x%02X", (int) c) : String.valueOf(c));
        }
        return out.append(text.length() > 40 ? "…'" : "'").toString();
    }
}
