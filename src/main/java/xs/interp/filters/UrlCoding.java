package xs.interp.filters;

import java.io.ByteArrayOutputStream;

/**
 * Percent-encoding of UTF-8 bytes. url_encode keeps letters, digits and {@code - _ .} and
 * writes a space as %20 (Xano's documented output, "Hello, World!" to
 * "Hello%2C%20World%21"); url_encode_rfc3986 also keeps {@code ~}; query arguments built by
 * url_addarg use the form encoding, where a space is "+". Decoding leaves malformed %
 * sequences as they are, as PHP does.
 */
final class UrlCoding {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private UrlCoding() {
    }

    /** rfc3986: keep '~' as well; plusForSpace: the form encoding used in query strings. */
    static String encode(String s, boolean rfc3986, boolean plusForSpace) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (byte b : Binary.bytes(s)) {
            int c = b & 0xFF;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '-' || c == '_' || c == '.' || (rfc3986 && c == '~')) {
                sb.append((char) c);
            } else if (c == ' ' && plusForSpace) {
                sb.append('+');
            } else {
                sb.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return sb.toString();
    }

    /** plusIsSpace: url_decode (and query strings) read '+' as a space; rfc3986 keeps it. */
    static String decode(String s, boolean plusIsSpace) {
        byte[] in = Binary.bytes(s);
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        for (int i = 0; i < in.length; i++) {
            int c = in[i];
            if (c == '+' && plusIsSpace) {
                out.write(' ');
            } else if (c == '%' && i + 2 < in.length && hexPair(in, i + 1) >= 0) {
                out.write(hexPair(in, i + 1));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return Binary.text(out.toByteArray());
    }

    /** The byte two hex digits at {@code i} stand for, or -1. */
    private static int hexPair(byte[] in, int i) {
        int hi = Binary.hexDigit(in[i] & 0xFF);
        int lo = Binary.hexDigit(in[i + 1] & 0xFF);
        return hi < 0 || lo < 0 ? -1 : hi * 16 + lo;
    }
}
