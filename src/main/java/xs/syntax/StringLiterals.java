package xs.syntax;

/**
 * Turns the written form of XanoScript strings into their values: {@code "..."} with C escapes
 * (as the engine's stripcslashes reads them), {@code '...'} where only {@code \\} and {@code \'}
 * are escapes, and {@code """} blocks whose common indentation is removed.
 */
final class StringLiterals {
    private StringLiterals() {
    }

    /** The value of a double-quoted string token, quotes included in {@code token}. */
    static String doubleQuoted(String token) {
        String body = token.substring(1, token.length() - 1);
        if (body.indexOf('\\') < 0) {
            return body;
        }
        StringBuilder out = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\\' || i + 1 >= body.length()) {
                out.append(c);
                continue;
            }
            char n = body.charAt(++i);
            switch (n) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'f' -> out.append('\f');
                case 'v' -> out.append('\u000B');
                case 'a' -> out.append('\u0007');
                case 'b' -> out.append('\b');
                case 'e' -> out.append('\u001B');
                case '\\', '"', '\'', '/', '$' -> out.append(n);
                case 'x' -> i = hex(body, i, out);
                case 'u' -> i = unicode(body, i, out);
                default -> {
                    if (n >= '0' && n <= '7') {
                        i = octal(body, i, out);
                    } else {
                        // Unknown escapes stay as written, so regular expressions like "\d+" keep
                        // their meaning.
                        out.append('\\').append(n);
                    }
                }
            }
        }
        return out.toString();
    }

    /** The value of a single-quoted string token. */
    static String singleQuoted(String token) {
        String body = token.substring(1, token.length() - 1);
        if (body.indexOf('\\') < 0) {
            return body;
        }
        StringBuilder out = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length() && (body.charAt(i + 1) == '\\' || body.charAt(i + 1) == '\'')) {
                out.append(body.charAt(++i));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The text of a backtick expression, with {@code \`} and {@code \\} unescaped. */
    static String backtick(String body) {
        if (body.indexOf('\\') < 0) {
            return body;
        }
        StringBuilder out = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length() && (body.charAt(i + 1) == '`' || body.charAt(i + 1) == '\\')) {
                out.append(body.charAt(++i));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * The value of a triple-quoted block: the line break after the opening quotes is dropped,
     * and the indentation of the closing quotes (or else the smallest indentation) is removed
     * from every line.
     */
    static String block(String token) {
        String body = token.substring(3, token.length() - 3);
        if (body.startsWith("\r\n")) {
            body = body.substring(2);
        } else if (body.startsWith("\n")) {
            body = body.substring(1);
        }
        String[] lines = body.split("\r?\n", -1);
        int count = lines.length;
        int indent;
        if (count > 1 && lines[count - 1].isBlank()) {
            indent = lines[count - 1].length();
            count--;
        } else {
            indent = Integer.MAX_VALUE;
            for (int i = 0; i < count; i++) {
                if (!lines[i].isBlank()) {
                    indent = Math.min(indent, leadingSpace(lines[i]));
                }
            }
            if (indent == Integer.MAX_VALUE) {
                indent = 0;
            }
        }
        StringBuilder out = new StringBuilder(body.length());
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                out.append('\n');
            }
            String line = lines[i];
            out.append(line.substring(Math.min(Math.min(indent, leadingSpace(line)), line.length())));
        }
        return out.toString();
    }

    private static int leadingSpace(String line) {
        int n = 0;
        while (n < line.length() && (line.charAt(n) == ' ' || line.charAt(n) == '\t')) {
            n++;
        }
        return n;
    }

    private static int hex(String s, int i, StringBuilder out) {
        int end = i + 1;
        while (end < s.length() && end < i + 3 && Character.digit(s.charAt(end), 16) >= 0) {
            end++;
        }
        if (end == i + 1) {
            out.append("\\x");
            return i;
        }
        out.append((char) Integer.parseInt(s.substring(i + 1, end), 16));
        return end - 1;
    }

    private static int unicode(String s, int i, StringBuilder out) {
        if (i + 4 < s.length() + 0 && i + 5 <= s.length()) {
            String digits = s.substring(i + 1, i + 5);
            if (digits.chars().allMatch(ch -> Character.digit(ch, 16) >= 0)) {
                out.append((char) Integer.parseInt(digits, 16));
                return i + 4;
            }
        }
        out.append("\\u");
        return i;
    }

    private static int octal(String s, int i, StringBuilder out) {
        int end = i;
        while (end < s.length() && end < i + 3 && s.charAt(end) >= '0' && s.charAt(end) <= '7') {
            end++;
        }
        out.append((char) (Integer.parseInt(s.substring(i, end), 8) & 0xFF));
        return end - 1;
    }
}
