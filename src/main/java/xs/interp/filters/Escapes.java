package xs.interp.filters;

import java.io.ByteArrayOutputStream;

/**
 * Backslash escapes for the escape, text_escape and text_unescape filters. Unescaping follows
 * PHP's stripcslashes, which is also how the engine reads double-quoted literals (reference
 * §2.3); escaping produces what it reads back: {@code "a\tb"} becomes {@code a\\tb}.
 */
final class Escapes {
    private Escapes() {
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\' -> sb.append("\\\\");
                case '"' -> sb.append("\\\"");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\f' -> sb.append("\\f");
                case '\u000B' -> sb.append("\\v");
                case '\b' -> sb.append("\\b");
                case '\u0007' -> sb.append("\\a");
                case '\0' -> {
                    // "\0" followed by a digit would read back as a longer octal escape.
                    boolean digitNext = i + 1 < s.length() && s.charAt(i + 1) >= '0' && s.charAt(i + 1) <= '7';
                    sb.append(digitNext ? "\\000" : "\\0");
                }
                default -> {
                    if (ch < 0x20 || ch == 0x7F) {
                        sb.append(String.format("\\x%02x", (int) ch));
                    } else {
                        sb.append(ch);
                    }
                }
            }
        }
        return sb.toString();
    }

    /** stripcslashes: C escapes, \xHH and octal \ooo give bytes; any other \c gives c. */
    static String unescape(String s) {
        byte[] in = Binary.bytes(s);
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        for (int i = 0; i < in.length; i++) {
            byte b = in[i];
            if (b != '\\' || i + 1 >= in.length) {
                out.write(b);
                continue;
            }
            char next = (char) in[++i];
            switch (next) {
                case 'n' -> out.write('\n');
                case 't' -> out.write('\t');
                case 'r' -> out.write('\r');
                case 'a' -> out.write(7);
                case 'b' -> out.write('\b');
                case 'f' -> out.write('\f');
                case 'v' -> out.write(11);
                case 'e' -> out.write(27);
                case 'x' -> {
                    int value = 0;
                    int digits = 0;
                    while (digits < 2 && i + 1 < in.length && Binary.hexDigit(in[i + 1] & 0xFF) >= 0) {
                        value = value * 16 + Binary.hexDigit(in[++i] & 0xFF);
                        digits++;
                    }
                    out.write(digits == 0 ? 'x' : value);
                }
                default -> {
                    if (next >= '0' && next <= '7') {
                        int value = next - '0';
                        int digits = 1;
                        while (digits < 3 && i + 1 < in.length && in[i + 1] >= '0' && in[i + 1] <= '7') {
                            value = value * 8 + (in[++i] - '0');
                            digits++;
                        }
                        out.write(value & 0xFF);
                    } else {
                        out.write(in[i]);
                    }
                }
            }
        }
        return Binary.text(out.toByteArray());
    }
}
