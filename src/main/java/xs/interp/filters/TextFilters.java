package xs.interp.filters;

import static xs.interp.filters.FilterSupport.text;
import static xs.interp.filters.FilterSupport.textArg;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import xs.interp.Values;

/**
 * The text filters of reference §8: {@code "  Epic Battle "|trim|to_upper}. Positions and
 * lengths count characters (code points), as PHP's mb_ functions do, not bytes. The regex
 * filters take the pattern as their subject: {@code "/^a.*c$/"|regex_matches:"abc"}.
 */
final class TextFilters {
    /** PHP trim's default set: space, tab, newline, carriage return, NUL, vertical tab. */
    private static final String WHITESPACE = " \t\n\r\0\u000B";

    private TextFilters() {
    }

    static void register(FilterRegistry r) {
        r.register("trim", c -> trimmed(c, true, true));
        r.register("ltrim", c -> trimmed(c, true, false));
        r.register("rtrim", c -> trimmed(c, false, true));
        r.register("to_lower", c -> text(c).toLowerCase(Locale.ROOT));
        r.register("to_upper", c -> text(c).toUpperCase(Locale.ROOT));
        r.register("capitalize", c -> capitalize(text(c)));
        r.register("strlen", c -> {
            String s = text(c);
            return (long) s.codePointCount(0, s.length());
        });
        r.register("substr", TextFilters::substr);
        r.register("split", TextFilters::split);
        r.register("replace", TextFilters::replace);
        r.register("concat", TextFilters::concat);
        r.register("sprintf", c -> PhpSprintf.format(c, text(c), sprintfArgs(c)));
        r.register("index", c -> index(c, false));
        r.register("iindex", c -> index(c, true));
        r.register("starts_with", c -> text(c).startsWith(textArg(c, 0)));
        r.register("istarts_with", c -> {
            String s = text(c);
            String prefix = textArg(c, 0);
            return s.regionMatches(true, 0, prefix, 0, prefix.length());
        });
        r.register("ends_with", c -> text(c).endsWith(textArg(c, 0)));
        r.register("iends_with", c -> {
            String s = text(c);
            String suffix = textArg(c, 0);
            return s.length() >= suffix.length()
                && s.regionMatches(true, s.length() - suffix.length(), suffix, 0, suffix.length());
        });
        r.register("contains", c -> text(c).contains(textArg(c, 0)));
        r.register("icontains", c -> indexIgnoringCase(text(c), textArg(c, 0)) >= 0);
        r.register("strip_html", c -> HtmlText.stripTags(text(c),
            c.arg(0) instanceof List<?> tags ? String.join(",", tags.stream().map(Values::toText).toList())
                : FilterSupport.textArg(c, 0, "")));
        r.register("unaccent", c -> unaccent(text(c)));
        r.register("addslashes", c -> addslashes(text(c)));
        // Xano documents escape as giving \t and \n escapes; text_escape is undocumented, so it is
        // taken to be the same, with text_unescape (PHP's stripcslashes) as the inverse of both.
        r.register("escape", c -> Escapes.escape(text(c)));
        r.register("text_escape", c -> Escapes.escape(text(c)));
        r.register("text_unescape", c -> Escapes.unescape(text(c)));
        r.register("regex_matches", c -> PhpRegex.compile(c, text(c)).matcher(textArg(c, 0)).find());
        r.register("regex_get_first_match", c -> PhpRegex.compile(c, text(c)).firstMatch(textArg(c, 0)));
        r.register("regex_get_all_matches", c -> PhpRegex.compile(c, text(c)).allMatches(textArg(c, 0)));
        r.register("regex_replace", c -> PhpRegex.compile(c, text(c)).replace(textArg(c, 0), textArg(c, 1)));
        r.register("regex_quote", c -> PhpRegex.quote(text(c), FilterSupport.textArg(c, 0, "")));
        TextEncodings.register(r);

        // Older exports still use the engine's internal names.
        r.alias("lower", "to_lower");
        r.alias("upper", "to_upper");
        r.alias("strip_tags", "strip_html");
        r.alias("strip_accents", "unaccent");
        r.alias("strpos", "index");
        r.alias("stripos", "iindex");
        r.alias("string_replace", "replace");
        r.alias("regex_test", "regex_matches");
        r.alias("regex_match", "regex_get_first_match");
        r.alias("regex_match_all", "regex_get_all_matches");
    }

    /** trim, ltrim, rtrim; an array subject is trimmed element by element. */
    private static Object trimmed(FilterCall c, boolean left, boolean right) {
        String mask = c.hasArg(0) && c.arg(0) != null ? expandMask(textArg(c, 0)) : WHITESPACE;
        if (c.subject() instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object o : list) {
                out.add(o instanceof String s ? trim(s, mask, left, right) : o);
            }
            return out;
        }
        return trim(text(c), mask, left, right);
    }

    static String trim(String s, String mask, boolean left, boolean right) {
        int start = 0;
        int end = s.length();
        while (left && start < end && mask.indexOf(s.charAt(start)) >= 0) {
            start++;
        }
        while (right && end > start && mask.indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(start, end);
    }

    /** PHP's character masks allow ranges: "a..z" stands for every letter from a to z. */
    private static String expandMask(String mask) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < mask.length(); i++) {
            char ch = mask.charAt(i);
            if (i + 3 < mask.length() && mask.startsWith("..", i + 1) && mask.charAt(i + 3) >= ch) {
                for (char x = ch; x <= mask.charAt(i + 3); x++) {
                    sb.append(x);
                }
                i += 3;
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }

    /** Upper-cases the first letter of each word, leaving the rest alone (PHP ucwords). */
    private static String capitalize(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean wordStart = true;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            sb.appendCodePoint(wordStart ? Character.toUpperCase(cp) : cp);
            wordStart = WHITESPACE.indexOf(cp) >= 0 || cp == '\f';
            i += Character.charCount(cp);
        }
        return sb.toString();
    }

    /** substr:start:length with PHP's negative positions: -3 starts three from the end. */
    private static Object substr(FilterCall c) {
        int[] cps = text(c).codePoints().toArray();
        int n = cps.length;
        long start = FilterSupport.intArg(c, 0, 0);
        if (start < 0) {
            start = Math.max(0, n + start);
        }
        if (start >= n) {
            return "";
        }
        long end = n;
        if (c.hasArg(1) && c.arg(1) != null) {
            long len = FilterSupport.intArg(c, 1);
            end = len < 0 ? n + len : Math.min(n, start + len);
        }
        if (end <= start) {
            return "";
        }
        return new String(cps, (int) start, (int) (end - start));
    }

    /** split:sep; an empty separator splits into characters. */
    private static Object split(FilterCall c) {
        String s = text(c);
        String sep = FilterSupport.textArg(c, 0, "");
        List<Object> out = new ArrayList<>();
        if (sep.isEmpty()) {
            s.codePoints().forEach(cp -> out.add(new String(Character.toChars(cp))));
            return out;
        }
        int from = 0;
        while (true) {
            int at = s.indexOf(sep, from);
            if (at < 0) {
                out.add(s.substring(from));
                return out;
            }
            out.add(s.substring(from, at));
            from = at + sep.length();
        }
    }

    private static Object replace(FilterCall c) {
        String s = text(c);
        String search = textArg(c, 0);
        return search.isEmpty() ? s : s.replace(search, FilterSupport.textArg(c, 1, ""));
    }

    /** concat:value:separator gives subject, separator, value: "Hello"|concat:"World":" - ". */
    private static Object concat(FilterCall c) {
        return text(c) + FilterSupport.textArg(c, 1, "") + textArg(c, 0);
    }

    private static List<Object> sprintfArgs(FilterCall c) {
        List<Object> args = new ArrayList<>(c.argCount());
        for (int i = 0; i < c.argCount(); i++) {
            args.add(c.arg(i));
        }
        return args;
    }

    /** index/iindex: the character position of the needle, or false when it is absent. */
    private static Object index(FilterCall c, boolean ignoreCase) {
        String s = text(c);
        String needle = textArg(c, 0);
        int at = ignoreCase ? indexIgnoringCase(s, needle) : s.indexOf(needle);
        return at < 0 ? (Object) false : (Object) (long) s.codePointCount(0, at);
    }

    /** Compares in place, character by character, so case mapping never shifts positions. */
    private static int indexIgnoringCase(String s, String needle) {
        for (int i = 0; i + needle.length() <= s.length(); i++) {
            if (s.regionMatches(true, i, needle, 0, needle.length())) {
                return i;
            }
        }
        return -1;
    }

    private static final Map<Character, String> LETTERS_WITHOUT_DECOMPOSITION = Map.ofEntries(
        Map.entry('ß', "ss"), Map.entry('æ', "ae"), Map.entry('Æ', "AE"), Map.entry('ø', "o"),
        Map.entry('Ø', "O"), Map.entry('œ', "oe"), Map.entry('Œ', "OE"), Map.entry('đ', "d"),
        Map.entry('Đ', "D"), Map.entry('ł', "l"), Map.entry('Ł', "L"), Map.entry('ð', "d"),
        Map.entry('Ð', "D"), Map.entry('þ', "th"), Map.entry('Þ', "TH"), Map.entry('ı', "i"));

    /** Removes accents: decompose, drop the combining marks, then map letters like ß and ø. */
    private static String unaccent(String s) {
        String stripped = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        StringBuilder sb = new StringBuilder(stripped.length());
        for (int i = 0; i < stripped.length(); i++) {
            char ch = stripped.charAt(i);
            String repl = LETTERS_WITHOUT_DECOMPOSITION.get(ch);
            if (repl != null) {
                sb.append(repl);
            } else {
                sb.append(ch);
            }
        }
        return Normalizer.normalize(sb, Normalizer.Form.NFC);
    }

    /** PHP addslashes: a backslash before ' " and \, and NUL written as \0. */
    private static String addslashes(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\'', '"', '\\' -> sb.append('\\').append(ch);
                case '\0' -> sb.append("\\0");
                default -> sb.append(ch);
            }
        }
        return sb.toString();
    }
}
