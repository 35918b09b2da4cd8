package xs.interp.filters;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * strip_html, after PHP's strip_tags: {@code "<p>Epic <b>Battle</b></p>"|strip_html:"<b>"}
 * keeps only the b tags. Comments and processing instructions go entirely; a {@code <} that
 * does not start a tag ({@code "a < b"}) is text.
 */
final class HtmlText {
    private HtmlText() {
    }

    static String stripTags(String s, String allowed) {
        Set<String> keep = allowedTags(allowed);
        StringBuilder sb = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char ch = s.charAt(i);
            if (ch != '<' || i + 1 >= s.length() || !startsTag(s.charAt(i + 1))) {
                sb.append(ch);
                i++;
                continue;
            }
            if (s.startsWith("<!--", i)) {
                int end = s.indexOf("-->", i + 4);
                i = end < 0 ? s.length() : end + 3;
                continue;
            }
            int end = tagEnd(s, i + 1);
            String tag = s.substring(i, end);
            if (!keep.isEmpty() && keep.contains(tagName(tag))) {
                sb.append(tag);
            }
            i = end;
        }
        return sb.toString();
    }

    private static boolean startsTag(char next) {
        return Character.isLetter(next) || next == '/' || next == '!' || next == '?';
    }

    /** The index just past the tag's closing '>', skipping '>' inside quoted attribute values. */
    private static int tagEnd(String s, int from) {
        char quote = 0;
        for (int i = from; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (quote != 0) {
                if (ch == quote) {
                    quote = 0;
                }
            } else if (ch == '"' || ch == '\'') {
                quote = ch;
            } else if (ch == '>') {
                return i + 1;
            }
        }
        return s.length();
    }

    private static String tagName(String tag) {
        int i = 1;
        if (i < tag.length() && tag.charAt(i) == '/') {
            i++;
        }
        int start = i;
        while (i < tag.length() && (Character.isLetterOrDigit(tag.charAt(i)) || tag.charAt(i) == '-')) {
            i++;
        }
        return tag.substring(start, i).toLowerCase(Locale.ROOT);
    }

    /** Allowed tags written PHP's way ("<b><i>") or as a list ("b,i"). */
    private static Set<String> allowedTags(String allowed) {
        Set<String> out = new HashSet<>();
        for (String part : allowed.split("[<>,\\s/]+")) {
            if (!part.isEmpty()) {
                out.add(part.toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }
}
