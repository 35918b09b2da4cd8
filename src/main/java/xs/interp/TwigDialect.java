package xs.interp;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites what Xano's Twig templates write and Pebble spells differently, inside tags only
 * (text outside {@code {{ }}} and {@code {% %}} is left alone): {@code $var.name} and
 * {@code $input.x} lose the {@code $}; Twig's 1-based {@code loop.index} and 0-based
 * {@code loop.index0} become Pebble's; {@code for key, value in x} iterates {@code pairs(x)};
 * {@code import _self as m} is dropped and {@code m.name(…)} calls the macro directly.
 * <pre>{% for i, item in $var.items %}{{ loop.index }}. {{ item|upper }}{% endfor %}</pre>
 */
final class TwigDialect {
    private static final Pattern TAG = Pattern.compile("\\{\\{-?.*?-?}}|\\{%-?.*?-?%}|\\{#.*?#}", Pattern.DOTALL);
    private static final Pattern FOR_PAIR = Pattern.compile(
        "^(\\{%-?\\s*)for\\s+(\\w+)\\s*,\\s*(\\w+)\\s+in\\s+(.*?)(\\s*-?%})$", Pattern.DOTALL);
    private static final Pattern IMPORT_SELF = Pattern.compile(
        "^\\{%-?\\s*import\\s+_self\\s+as\\s+(\\w+)\\s*-?%}$", Pattern.DOTALL);
    private static final Pattern FROM_SELF = Pattern.compile("^\\{%-?\\s*from\\s+_self\\s+import\\s+.*?-?%}$",
        Pattern.DOTALL);

    private TwigDialect() {
    }

    static String toPebble(String twig) {
        Set<String> macroAliases = new HashSet<>();
        Matcher m = TAG.matcher(twig);
        while (m.find()) {
            Matcher imp = IMPORT_SELF.matcher(m.group());
            if (imp.matches()) {
                macroAliases.add(imp.group(1));
            }
        }
        StringBuilder out = new StringBuilder(twig.length() + 64);
        m = TAG.matcher(twig);
        int at = 0;
        while (m.find()) {
            out.append(twig, at, m.start());
            out.append(tag(m.group(), macroAliases));
            at = m.end();
        }
        out.append(twig.substring(at));
        return out.toString();
    }

    private static String tag(String tag, Set<String> macroAliases) {
        if (tag.startsWith("{#") || IMPORT_SELF.matcher(tag).matches() || FROM_SELF.matcher(tag).matches()) {
            return tag.startsWith("{#") ? tag : "";
        }
        String t = outsideQuotes(tag, macroAliases);
        Matcher pair = FOR_PAIR.matcher(t);
        if (pair.matches()) {
            String open = pair.group(1);
            String close = pair.group(5);
            return open + "for __pair in pairs(" + pair.group(4) + ")" + close
                + "{% set " + pair.group(2) + " = __pair.key %}{% set " + pair.group(3) + " = __pair.value %}";
        }
        return t;
    }

    /** The code rewrites, applied outside string literals. */
    private static String outsideQuotes(String tag, Set<String> macroAliases) {
        StringBuilder out = new StringBuilder(tag.length());
        StringBuilder code = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < tag.length(); i++) {
            char c = tag.charAt(i);
            if (quote != 0) {
                out.append(c);
                if (c == '\\' && i + 1 < tag.length()) {
                    out.append(tag.charAt(++i));
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                out.append(code(code.toString(), macroAliases));
                code.setLength(0);
                quote = c;
                out.append(c);
            } else {
                code.append(c);
            }
        }
        out.append(code(code.toString(), macroAliases));
        return out.toString();
    }

    private static String code(String code, Set<String> macroAliases) {
        String c = code.replaceAll("\\$(?=[A-Za-z_])", "");
        c = c.replaceAll("\\bloop\\.index\\b(?!0)", "(loop.index + 1)").replaceAll("\\bloop\\.index0\\b", "loop.index");
        c = c.replaceAll("\\bloop\\.revindex\\b(?!0)", "(loop.revindex + 1)")
            .replaceAll("\\bloop\\.revindex0\\b", "loop.revindex");
        for (String alias : macroAliases) {
            c = c.replaceAll("\\b" + Pattern.quote(alias) + "\\.(?=\\w+\\s*\\()", "");
        }
        return c;
    }
}
