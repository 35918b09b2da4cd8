package xs.interp.filters;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import xs.interp.Values;

/**
 * yaml_decode for the YAML that configuration and API payloads use: block mappings and
 * sequences, flow collections ({@code [a, b]}, {@code {k: v}}), plain, single- and
 * double-quoted scalars, literal ({@code |}) and folded ({@code >}) block scalars, comments
 * and a leading {@code ---}. Scalars follow the YAML 1.2 core schema: null, true/false, ints,
 * decimals, else text. Anchors, aliases, tags, complex keys and multiple documents are not
 * supported and fail with a message saying so; the project has no YAML library to lean on.
 */
final class YamlReader {
    private static final Pattern INT = Pattern.compile("[-+]?\\d+");
    private static final Pattern FLOAT = Pattern.compile("[-+]?(\\.\\d+|\\d+(\\.\\d*)?)([eE][-+]?\\d+)?");
    private static final Pattern HEX = Pattern.compile("0x[0-9a-fA-F]+");
    private static final Pattern OCT = Pattern.compile("0o[0-7]+");

    /** One source line: its number, indentation and the text after the indentation. */
    private record Line(int number, int indent, String raw) {
        boolean blank() {
            String t = raw.strip();
            return t.isEmpty() || t.startsWith("#");
        }
    }

    private final FilterCall call;
    private final List<Line> lines = new ArrayList<>();
    private int at;

    private YamlReader(FilterCall call, String text) {
        this.call = call;
        String[] raw = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        boolean started = false;
        for (int i = 0; i < raw.length; i++) {
            String s = raw[i];
            int indent = 0;
            while (indent < s.length() && s.charAt(indent) == ' ') {
                indent++;
            }
            String rest = s.substring(indent);
            if (rest.startsWith("\t") && !rest.isBlank()) {
                throw fail(i + 1, "tabs cannot indent YAML");
            }
            if (indent == 0 && (rest.startsWith("%") && !started)) {
                continue;
            }
            if (indent == 0 && (rest.equals("---") || rest.startsWith("--- ") || rest.equals("..."))) {
                if (started && !rest.equals("...")) {
                    throw fail(i + 1, "several YAML documents in one text are not supported");
                }
                if (rest.startsWith("--- ")) {
                    lines.add(new Line(i + 1, 0, rest.substring(4)));
                }
                started = true;
                continue;
            }
            started |= !rest.isBlank() && !rest.strip().startsWith("#");
            lines.add(new Line(i + 1, indent, rest));
        }
    }

    static Object read(FilterCall c, String text) {
        YamlReader r = new YamlReader(c, text);
        r.skipBlank();
        if (r.at >= r.lines.size()) {
            return null;
        }
        Object v = r.node(r.lines.get(r.at).indent());
        r.skipBlank();
        if (r.at < r.lines.size()) {
            throw r.fail(r.lines.get(r.at).number(), "unexpected indentation");
        }
        return v;
    }

    private RuntimeException fail(int line, String message) {
        return call.error("invalid YAML at line " + line + ": " + message);
    }

    private void skipBlank() {
        while (at < lines.size() && lines.get(at).blank()) {
            at++;
        }
    }

    private Line current() {
        return lines.get(at);
    }

    /** The node starting at the current line, which is indented by indent. */
    private Object node(int indent) {
        String text = content(current());
        if (isItem(text)) {
            return sequence(indent);
        }
        if (keyEnd(text) >= 0) {
            return mapping(indent);
        }
        Line first = current();
        at++;
        return inline(text + continued(first.indent() - 1), first.number());
    }

    private static boolean isItem(String text) {
        return text.equals("-") || text.startsWith("- ");
    }

    private List<Object> sequence(int indent) {
        List<Object> out = new ArrayList<>();
        while (true) {
            skipBlank();
            if (at >= lines.size() || current().indent() != indent || !isItem(content(current()))) {
                return out;
            }
            Line line = current();
            String rest = line.raw().substring(1);
            int spaces = 0;
            while (spaces < rest.length() && rest.charAt(spaces) == ' ') {
                spaces++;
            }
            if (rest.isBlank() || rest.strip().startsWith("#")) {
                at++;
                out.add(nested(indent));
            } else {
                // "- a: 1" opens a node whose further lines align with "a".
                int inner = indent + 1 + spaces;
                lines.set(at, new Line(line.number(), inner, rest.substring(spaces)));
                out.add(node(inner));
            }
        }
    }

    private Map<String, Object> mapping(int indent) {
        Map<String, Object> out = new LinkedHashMap<>();
        while (true) {
            skipBlank();
            if (at >= lines.size() || current().indent() != indent) {
                return out;
            }
            Line line = current();
            String text = content(line);
            int colon = keyEnd(text);
            if (colon < 0) {
                throw fail(line.number(), "expected \"key: value\", got \"" + FilterSupport.abbreviate(text) + "\"");
            }
            String key = key(text.substring(0, colon).strip(), line.number());
            String rest = text.substring(colon + 1).strip();
            at++;
            Object value;
            if (rest.isEmpty()) {
                skipBlank();
                if (at < lines.size() && current().indent() == indent && isItem(content(current()))) {
                    value = sequence(indent);
                } else {
                    value = nested(indent);
                }
            } else if (rest.startsWith("|") || rest.startsWith(">")) {
                value = block(rest, indent, line.number());
            } else {
                value = inline(rest + continued(indent), line.number());
            }
            out.put(key, value);
        }
    }

    /** The node on the following lines when they are indented deeper than indent, else null. */
    private Object nested(int indent) {
        skipBlank();
        if (at < lines.size() && current().indent() > indent) {
            return node(current().indent());
        }
        return null;
    }

    /** Further lines of a plain, quoted or flow value deeper than indent, each after a space. */
    private String continued(int indent) {
        StringBuilder sb = new StringBuilder();
        while (true) {
            skipBlank();
            if (at >= lines.size() || current().indent() <= indent) {
                return sb.toString();
            }
            String text = content(current());
            if (isItem(text) || keyEnd(text) >= 0) {
                throw fail(current().number(), "unexpected indentation");
            }
            sb.append(' ').append(text);
            at++;
        }
    }

    /** A literal (|) or folded (>) block scalar with its chomping indicator (- or +). */
    private String block(String header, int parentIndent, int number) {
        boolean folded = header.charAt(0) == '>';
        char chomp = header.contains("-") ? '-' : header.contains("+") ? '+' : ' ';
        String digits = header.replaceAll("[^0-9]", "");
        int indent = digits.isEmpty() ? -1 : parentIndent + Integer.parseInt(digits);
        List<String> body = new ArrayList<>();
        while (at < lines.size()) {
            Line l = lines.get(at);
            if (l.raw().isBlank()) {
                body.add("");
                at++;
                continue;
            }
            if (indent < 0) {
                indent = l.indent();
            }
            if (l.indent() < indent || l.indent() <= parentIndent) {
                break;
            }
            body.add(" ".repeat(l.indent() - indent) + l.raw());
            at++;
        }
        int trailing = 0;
        while (trailing < body.size() && body.get(body.size() - 1 - trailing).isEmpty()) {
            trailing++;
        }
        List<String> content = body.subList(0, body.size() - trailing);
        String text = folded ? fold(content) : String.join("\n", content);
        if (content.isEmpty()) {
            return chomp == '+' ? "\n".repeat(trailing) : "";
        }
        return switch (chomp) {
            case '-' -> text;
            case '+' -> text + "\n" + "\n".repeat(trailing);
            default -> text + "\n";
        };
    }

    /** Folding: lines join with spaces; blank lines and more-indented lines keep their breaks. */
    private static String fold(List<String> content) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < content.size(); i++) {
            String l = content.get(i);
            if (i > 0) {
                String prev = content.get(i - 1);
                boolean keepBreak = l.isEmpty() || prev.isEmpty() || l.startsWith(" ") || prev.startsWith(" ");
                sb.append(keepBreak ? "\n" : " ");
            }
            sb.append(l);
        }
        return sb.toString().replace(" \n\n", "\n\n");
    }

    /** The line's text without a trailing comment; quotes are respected. */
    private static String content(Line line) {
        String s = line.raw();
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (quote == '"' && ch == '\\') {
                i++;
            } else if (quote != 0) {
                if (ch == quote) {
                    quote = 0;
                }
            } else if ((ch == '"' || ch == '\'') && (i == 0 || " [{,:".indexOf(s.charAt(i - 1)) >= 0)) {
                quote = ch;
            } else if (ch == '#' && (i == 0 || Character.isWhitespace(s.charAt(i - 1)))) {
                return s.substring(0, i).strip();
            }
        }
        return s.strip();
    }

    /** The index of the colon that ends a mapping key on this line, or -1. */
    private static int keyEnd(String text) {
        if (text.isEmpty() || "[{".indexOf(text.charAt(0)) >= 0 || isItem(text)) {
            return -1;
        }
        int from = 0;
        if (text.charAt(0) == '"' || text.charAt(0) == '\'') {
            int close = closingQuote(text, 0);
            if (close < 0) {
                return -1;
            }
            from = close + 1;
        }
        for (int i = from; i < text.length(); i++) {
            if (text.charAt(i) == ':' && (i + 1 == text.length() || text.charAt(i + 1) == ' ')) {
                return i;
            }
        }
        return -1;
    }

    private static int closingQuote(String s, int open) {
        char q = s.charAt(open);
        for (int i = open + 1; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (q == '"' && ch == '\\') {
                i++;
            } else if (ch == q) {
                if (q == '\'' && i + 1 < s.length() && s.charAt(i + 1) == '\'') {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return -1;
    }

    private String key(String k, int number) {
        if (k.startsWith("?")) {
            throw fail(number, "complex keys (\"? \") are not supported");
        }
        Object v = inline(k, number);
        return v instanceof String s ? s : Values.toText(v);
    }

    /** A value written on one line: quoted, flow collection or plain scalar. */
    private Object inline(String text, int number) {
        Flow f = new Flow(text.strip(), number);
        Object v = f.value(false);
        f.skipSpaces();
        if (f.pos < f.s.length()) {
            throw fail(number, "unexpected \"" + FilterSupport.abbreviate(f.s.substring(f.pos)) + "\"");
        }
        return v;
    }

    /** A cursor over inline text: scalars and the flow collections [..] and {..}. */
    private final class Flow {
        final String s;
        final int number;
        int pos;

        Flow(String s, int number) {
            this.s = s;
            this.number = number;
        }

        void skipSpaces() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        Object value(boolean inFlow) {
            skipSpaces();
            if (pos >= s.length()) {
                return null;
            }
            char ch = s.charAt(pos);
            switch (ch) {
                case '[' -> {
                    return list();
                }
                case '{' -> {
                    return map();
                }
                case '"', '\'' -> {
                    return quoted();
                }
                case '&', '*', '!' -> throw fail(number, "anchors, aliases and tags are not supported");
                default -> {
                    return plain(inFlow, false);
                }
            }
        }

        List<Object> list() {
            List<Object> out = new ArrayList<>();
            pos++;
            while (true) {
                skipSpaces();
                if (pos >= s.length()) {
                    throw fail(number, "unclosed [");
                }
                if (s.charAt(pos) == ']') {
                    pos++;
                    return out;
                }
                out.add(value(true));
                skipSpaces();
                if (pos < s.length() && s.charAt(pos) == ',') {
                    pos++;
                } else if (pos >= s.length() || s.charAt(pos) != ']') {
                    throw fail(number, "expected , or ] in a flow sequence");
                }
            }
        }

        Map<String, Object> map() {
            Map<String, Object> out = new LinkedHashMap<>();
            pos++;
            while (true) {
                skipSpaces();
                if (pos >= s.length()) {
                    throw fail(number, "unclosed {");
                }
                if (s.charAt(pos) == '}') {
                    pos++;
                    return out;
                }
                Object k = s.charAt(pos) == '"' || s.charAt(pos) == '\'' ? quoted() : plain(true, true);
                skipSpaces();
                Object v = null;
                if (pos < s.length() && s.charAt(pos) == ':') {
                    pos++;
                    v = value(true);
                }
                out.put(k instanceof String ks ? ks : Values.toText(k), v);
                skipSpaces();
                if (pos < s.length() && s.charAt(pos) == ',') {
                    pos++;
                } else if (pos >= s.length() || s.charAt(pos) != '}') {
                    throw fail(number, "expected , or } in a flow mapping");
                }
            }
        }

        String quoted() {
            int close = closingQuote(s, pos);
            if (close < 0) {
                throw fail(number, "unclosed quote");
            }
            String body = s.substring(pos + 1, close);
            boolean dbl = s.charAt(pos) == '"';
            pos = close + 1;
            return dbl ? unescape(body) : body.replace("''", "'");
        }

        Object plain(boolean inFlow, boolean key) {
            int start = pos;
            while (pos < s.length()) {
                char ch = s.charAt(pos);
                if (inFlow && (ch == ',' || ch == ']' || ch == '}')) {
                    break;
                }
                if (ch == ':' && (key || (inFlow && (pos + 1 >= s.length() || " ,]}".indexOf(s.charAt(pos + 1)) >= 0)))) {
                    break;
                }
                pos++;
            }
            String text = s.substring(start, pos).strip();
            return key ? text : scalar(text);
        }

        String unescape(String body) {
            StringBuilder sb = new StringBuilder(body.length());
            for (int i = 0; i < body.length(); i++) {
                char ch = body.charAt(i);
                if (ch != '\\' || i + 1 >= body.length()) {
                    sb.append(ch);
                    continue;
                }
                char e = body.charAt(++i);
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 't', '\t' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case '0' -> sb.append('\0');
                    case 'a' -> sb.append('\u0007');
                    case 'b' -> sb.append('\b');
                    case 'e' -> sb.append('\u001B');
                    case 'f' -> sb.append('\f');
                    case 'v' -> sb.append('\u000B');
                    case ' ' -> sb.append(' ');
                    case '_' -> sb.append('\u00A0');
                    case 'N' -> sb.append('\u0085');
                    case 'L' -> sb.append('\u2028');
                    case 'P' -> sb.append('\u2029');
                    case 'x', 'u', 'U' -> {
                        int len = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                        if (i + len >= body.length()) {
                            throw fail(number, "short \\" + e + " escape");
                        }
                        String hex = body.substring(i + 1, i + 1 + len);
                        try {
                            sb.appendCodePoint(Integer.parseInt(hex, 16));
                        } catch (IllegalArgumentException ex) {
                            throw fail(number, "bad \\" + e + " escape \"" + hex + "\"");
                        }
                        i += len;
                    }
                    default -> sb.append(e);
                }
            }
            return sb.toString();
        }
    }

    /** A plain scalar by the YAML 1.2 core schema. */
    private static Object scalar(String text) {
        switch (text) {
            case "", "~", "null", "Null", "NULL" -> {
                return null;
            }
            case "true", "True", "TRUE" -> {
                return true;
            }
            case "false", "False", "FALSE" -> {
                return false;
            }
            default -> {
            }
        }
        if (INT.matcher(text).matches()) {
            BigInteger n = new BigInteger(text.startsWith("+") ? text.substring(1) : text);
            return n.bitLength() < 64 ? (Object) n.longValue() : new BigDecimal(n);
        }
        if (HEX.matcher(text).matches() || OCT.matcher(text).matches()) {
            BigInteger n = new BigInteger(text.substring(2), text.charAt(1) == 'x' ? 16 : 8);
            return n.bitLength() < 64 ? (Object) n.longValue() : new BigDecimal(n);
        }
        if (FLOAT.matcher(text).matches()) {
            return new BigDecimal(text.startsWith("+") ? text.substring(1) : text);
        }
        return text;
    }
}
