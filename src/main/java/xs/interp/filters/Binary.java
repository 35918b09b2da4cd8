package xs.interp.filters;

import java.io.ByteArrayOutputStream;

/**
 * Bytes inside text values. XanoScript inherits PHP's byte strings: {@code hex2bin},
 * {@code md5:true}, {@code encrypt} and {@code from_utf8} give bytes that are not UTF-8, and
 * scripts pipe them on ({@code |hmac_sha256:$k:true|base64_encode}). Our text is Java's
 * UTF-16, so bytes are carried the way Python's "surrogateescape" does: valid UTF-8 decodes to
 * its characters, and each byte that is not part of valid UTF-8 becomes the lone surrogate
 * U+DC80..U+DCFF, which turns back into that byte. Ordinary text is unaffected and any byte
 * sequence survives a round trip.
 */
public final class Binary {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Binary() {
    }

    /** The bytes a text stands for: UTF-8, with escaped raw bytes restored. */
    public static byte[] bytes(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                out.write(c);
            } else if (c < 0x800) {
                out.write(0xC0 | (c >> 6));
                out.write(0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                out.write(0xF0 | (cp >> 18));
                out.write(0x80 | ((cp >> 12) & 0x3F));
                out.write(0x80 | ((cp >> 6) & 0x3F));
                out.write(0x80 | (cp & 0x3F));
            } else if (c >= 0xDC80 && c <= 0xDCFF) {
                out.write(c - 0xDC00);
            } else if (Character.isSurrogate(c)) {
                out.write('?');
            } else {
                out.write(0xE0 | (c >> 12));
                out.write(0x80 | ((c >> 6) & 0x3F));
                out.write(0x80 | (c & 0x3F));
            }
        }
        return out.toByteArray();
    }

    /** Bytes as text: strict UTF-8 where valid, one escaped character per stray byte elsewhere. */
    static String text(byte[] b) {
        StringBuilder sb = new StringBuilder(b.length);
        int i = 0;
        while (i < b.length) {
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                sb.append((char) c);
                i++;
                continue;
            }
            int len = sequenceLength(b, i);
            if (len == 0) {
                sb.append((char) (0xDC00 + c));
                i++;
                continue;
            }
            int cp = len == 2 ? c & 0x1F : len == 3 ? c & 0x0F : c & 0x07;
            for (int k = 1; k < len; k++) {
                cp = (cp << 6) | (b[i + k] & 0x3F);
            }
            sb.appendCodePoint(cp);
            i += len;
        }
        return sb.toString();
    }

    /** The length of the valid UTF-8 sequence starting at i, or 0 when it is not one. */
    private static int sequenceLength(byte[] b, int i) {
        int c = b[i] & 0xFF;
        int len;
        int min;
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
            min = 0x80;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            min = 0x800;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            min = 0x10000;
        } else {
            return 0;
        }
        if (i + len > b.length) {
            return 0;
        }
        int cp = len == 2 ? c & 0x1F : len == 3 ? c & 0x0F : c & 0x07;
        for (int k = 1; k < len; k++) {
            int n = b[i + k] & 0xFF;
            if ((n & 0xC0) != 0x80) {
                return 0;
            }
            cp = (cp << 6) | (n & 0x3F);
        }
        // Overlong forms, UTF-16 surrogates and values past U+10FFFF are not valid UTF-8.
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            return 0;
        }
        return len;
    }

    /** True when the text holds escaped raw bytes, i.e. its bytes are not valid UTF-8. */
    static boolean hasRawBytes(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0xDC80 && c <= 0xDCFF && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)))) {
                return true;
            }
        }
        return false;
    }

    static String hex(byte[] b) {
        char[] out = new char[b.length * 2];
        for (int i = 0; i < b.length; i++) {
            out[2 * i] = HEX[(b[i] >> 4) & 0xF];
            out[2 * i + 1] = HEX[b[i] & 0xF];
        }
        return new String(out);
    }

    /** Hex digits to bytes; null when the text is not an even number of hex digits. */
    static byte[] unhex(String s) {
        if (s.length() % 2 != 0) {
            return null;
        }
        byte[] out = new byte[s.length() / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = hexDigit(s.charAt(2 * i));
            int lo = hexDigit(s.charAt(2 * i + 1));
            if (hi < 0 || lo < 0) {
                return null;
            }
            out[i] = (byte) ((hi << 4) | lo);
        }
        return out;
    }

    /** The value of one ASCII hex digit (pass a byte as {@code b & 0xFF}); -1 for anything else. */
    static int hexDigit(int c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
