package xs.interp.filters;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * yaml_encode: block-style YAML with two-space indentation, {@code {a:1,b:[x]}} as
 * {@code "a: 1\nb:\n  - x\n"}. Text is written plain when it reads back as the same text,
 * else single-quoted, or double-quoted with escapes when it holds line breaks or control
 * characters. Empty arrays and objects are written {@code []} and {@code {}}.
 */
final class YamlWriter {
    /** Plain text that a YAML reader would take for something other than text. */
    private static final Pattern NOT_PLAIN_TEXT = Pattern.compile(
        "(?i)null|~|true|false|yes|no|on|off|y|n|[-+]?\\.?\\d.*|\\.inf|\\.nan|[-+]\\.inf");
    private static final String INDICATORS = "-?:,[]{}#&*!|>'\"%@`";

    private YamlWriter() {
    }

    static String write(Object v) {
        StringBuilder out = new StringBuilder();
        if (v instanceof Map<?, ?> m && !m.isEmpty()) {
            map(out, m, 0);
        } else if (v instanceof List<?> l && !l.isEmpty()) {
            list(out, l, 0);
        } else {
            out.append(scalar(v)).append('\n');
        }
        return out.toString();
    }

    private static void map(StringBuilder out, Map<?, ?> m, int indent) {
        boolean first = true;
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (!first) {
                out.append(" ".repeat(indent));
            }
            first = false;
            out.append(text(String.valueOf(e.getKey()))).append(':');
            value(out, e.getValue(), indent);
        }
    }

    private static void list(StringBuilder out, List<?> l, int indent) {
        boolean first = true;
        for (Object item : l) {
            if (!first) {
                out.append(" ".repeat(indent));
            }
            first = false;
            out.append("- ");
            if (item instanceof Map<?, ?> m && !m.isEmpty()) {
                map(out, m, indent + 2);
            } else if (item instanceof List<?> inner && !inner.isEmpty()) {
                list(out, inner, indent + 2);
            } else {
                out.append(scalar(item)).append('\n');
            }
        }
    }

    /** What follows "key:" — a nested block on the next lines, or " scalar". */
    private static void value(StringBuilder out, Object v, int indent) {
        if (v instanceof Map<?, ?> m && !m.isEmpty()) {
            out.append('\n').append(" ".repeat(indent + 2));
            map(out, m, indent + 2);
        } else if (v instanceof List<?> l && !l.isEmpty()) {
            out.append('\n').append(" ".repeat(indent + 2));
            list(out, l, indent + 2);
        } else {
            out.append(' ').append(scalar(v)).append('\n');
        }
    }

    private static String scalar(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Map<?, ?>) {
            return "{}";
        }
        if (v instanceof List<?>) {
            return "[]";
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof String s) {
            return text(s);
        }
        return v.toString();
    }

    private static String text(String s) {
        if (needsDoubleQuotes(s)) {
            return doubleQuoted(s);
        }
        boolean plain = !s.isEmpty() && !Character.isWhitespace(s.charAt(0))
            && !Character.isWhitespace(s.charAt(s.length() - 1)) && INDICATORS.indexOf(s.charAt(0)) < 0
            && !s.contains(": ") && !s.contains(" #") && !s.endsWith(":") && !NOT_PLAIN_TEXT.matcher(s).matches();
        return plain ? s : "'" + s.replace("'", "''") + "'";
    }

    private static String doubleQuoted(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8).append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (ch < 0x20 || ch == 0x7F) {
                        sb.append(String.format("\\x%02x", (int) ch));
                    } else {
                        sb.append(ch);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    private static boolean needsDoubleQuotes(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch < 0x20 || ch == 0x7F) {
                return true;
            }
        }
        return false;
    }
}
