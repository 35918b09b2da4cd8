package xs.interp.filters;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A PCRE pattern as PHP writes it, {@code "/(\\w+)@(\\w+)/i"}, translated to java.util.regex.
 * Delimiters may be any punctuation or a bracket pair; flags i m s x u are supported.
 * PCRE-only spellings are rewritten: {@code (?P<name>)}, {@code (?P=name)}, {@code \g{1}},
 * {@code [[:alpha:]]}. Named groups are renamed internally because Java group names cannot
 * hold underscores; results use the names as written.
 *
 * <p>Match results follow preg_match and preg_match_all (PREG_PATTERN_ORDER): an array of the
 * full match and then each group, "" for a group that did not take part, trailing unmatched
 * groups dropped; no match gives []. When the pattern has named groups the result is an object
 * keyed "0", name, "1", … in PHP's order, as PHP's array with string keys would encode.
 */
final class PhpRegex {
    private static final String BRACKETS = "()[]{}<>";
    private static final Map<String, String> POSIX_CLASSES = Map.ofEntries(
        Map.entry("alpha", "\\p{Alpha}"), Map.entry("digit", "\\d"), Map.entry("alnum", "\\p{Alnum}"),
        Map.entry("upper", "\\p{Upper}"), Map.entry("lower", "\\p{Lower}"), Map.entry("space", "\\s"),
        Map.entry("punct", "\\p{Punct}"), Map.entry("xdigit", "\\p{XDigit}"), Map.entry("word", "\\w"),
        Map.entry("blank", "\\p{Blank}"), Map.entry("cntrl", "\\p{Cntrl}"), Map.entry("print", "\\p{Print}"),
        Map.entry("graph", "\\p{Graph}"), Map.entry("ascii", "\\p{ASCII}"));

    /** Compiled patterns by their written form: a regex filter inside map runs once per element. */
    private static final Map<String, PhpRegex> CACHE = new ConcurrentHashMap<>();
    private static final int CACHE_LIMIT = 512;

    private final Pattern pattern;
    /** Group number to the name written in the pattern, for named groups only. */
    private final Map<Integer, String> names;

    private PhpRegex(Pattern pattern, Map<Integer, String> names) {
        this.pattern = pattern;
        this.names = names;
    }

    static PhpRegex compile(FilterCall c, String written) {
        PhpRegex cached = CACHE.get(written);
        if (cached != null) {
            return cached;
        }
        PhpRegex compiled = translateAndCompile(c, written);
        if (CACHE.size() >= CACHE_LIMIT) {
            CACHE.clear();
        }
        CACHE.put(written, compiled);
        return compiled;
    }

    private static PhpRegex translateAndCompile(FilterCall c, String written) {
        if (written.isEmpty()) {
            throw c.error("the regular expression is empty");
        }
        char open = written.charAt(0);
        if (Character.isLetterOrDigit(open) || open == '\\' || Character.isWhitespace(open)) {
            throw c.error("the regular expression needs delimiters, e.g. \"/" + FilterSupport.abbreviate(written)
                + "/\", got \"" + FilterSupport.abbreviate(written) + "\"");
        }
        int b = BRACKETS.indexOf(open);
        char close = b >= 0 && b % 2 == 0 ? BRACKETS.charAt(b + 1) : open;
        int end = written.lastIndexOf(close);
        if (end <= 0) {
            throw c.error("the regular expression has no closing delimiter '" + close + "'");
        }
        int flags = 0;
        for (char f : written.substring(end + 1).toCharArray()) {
            switch (f) {
                case 'i' -> flags |= Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
                case 'm' -> flags |= Pattern.MULTILINE;
                case 's' -> flags |= Pattern.DOTALL;
                case 'x' -> flags |= Pattern.COMMENTS;
                case 'u' -> flags |= Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;
                case '\n', '\r', ' ' -> {
                }
                default -> throw c.error("regular expression flag '" + f + "' is not supported (use i, m, s, x, u)");
            }
        }
        Map<Integer, String> names = new HashMap<>();
        String body = translate(written.substring(1, end), names);
        try {
            return new PhpRegex(Pattern.compile(body, flags), names);
        } catch (PatternSyntaxException e) {
            throw c.error("invalid regular expression " + written + ": " + e.getDescription());
        }
    }

    /**
     * Rewrites the PCRE-only parts of a pattern body and numbers its groups. Escapes and
     * character classes are copied through so that a '(' inside them is not taken for a group.
     */
    private static String translate(String p, Map<Integer, String> names) {
        StringBuilder out = new StringBuilder(p.length() + 16);
        Map<String, Integer> numbers = new HashMap<>();
        int group = 0;
        boolean inClass = false;
        int i = 0;
        while (i < p.length()) {
            char ch = p.charAt(i);
            if (ch == '\\' && i + 1 < p.length()) {
                char e = p.charAt(i + 1);
                if (!inClass && e == 'g') {
                    int[] consumed = new int[1];
                    String ref = backReference(p, i + 2, consumed, numbers);
                    if (ref != null) {
                        out.append(ref);
                        i += 2 + consumed[0];
                        continue;
                    }
                }
                if (!inClass && e == 'k' && i + 2 < p.length() && "<{'".indexOf(p.charAt(i + 2)) >= 0) {
                    char closer = p.charAt(i + 2) == '<' ? '>' : p.charAt(i + 2) == '{' ? '}' : '\'';
                    int stop = p.indexOf(closer, i + 3);
                    if (stop > 0 && numbers.containsKey(p.substring(i + 3, stop))) {
                        out.append("\\k<").append(javaName(numbers.get(p.substring(i + 3, stop)))).append('>');
                        i = stop + 1;
                        continue;
                    }
                }
                out.append(ch).append(e);
                i += 2;
                continue;
            }
            if (inClass) {
                if (ch == '[' && p.startsWith("[:", i)) {
                    int stop = p.indexOf(":]", i + 2);
                    String cls = stop > 0 ? p.substring(i + 2, stop) : null;
                    boolean negated = cls != null && cls.startsWith("^");
                    String java = cls == null ? null : POSIX_CLASSES.get(negated ? cls.substring(1) : cls);
                    if (java != null) {
                        out.append(negated ? "[^" + java + "]" : java);
                        i = stop + 2;
                        continue;
                    }
                }
                if (ch == '[') {
                    // A literal '[' in a PCRE class; Java would open a nested class.
                    out.append("\\[");
                    i++;
                    continue;
                }
                if (ch == ']') {
                    inClass = false;
                }
                out.append(ch);
                i++;
                continue;
            }
            if (ch == '[') {
                inClass = true;
                out.append(ch);
                i++;
                // A ']' right after '[' or '[^' is a literal in PCRE.
                if (i < p.length() && p.charAt(i) == '^') {
                    out.append('^');
                    i++;
                }
                if (i < p.length() && p.charAt(i) == ']') {
                    out.append("\\]");
                    i++;
                }
                continue;
            }
            if (ch == '(') {
                String name = groupName(p, i);
                if (name != null) {
                    group++;
                    names.put(group, name);
                    numbers.put(name, group);
                    out.append("(?<").append(javaName(group)).append('>');
                    int prefix = p.startsWith("(?P<", i) ? 4 : 3;
                    i += prefix + name.length() + 1;
                    continue;
                }
                if (p.startsWith("(?P=", i)) {
                    int stop = p.indexOf(')', i);
                    String ref = stop > 0 ? p.substring(i + 4, stop) : "";
                    if (numbers.containsKey(ref)) {
                        out.append("\\k<").append(javaName(numbers.get(ref))).append('>');
                        i = stop + 1;
                        continue;
                    }
                }
                if (i + 1 >= p.length() || p.charAt(i + 1) != '?' && p.charAt(i + 1) != '*') {
                    group++;
                }
            }
            out.append(ch);
            i++;
        }
        return out.toString();
    }

    /** The name of a named group opening at i: (?<n>, (?'n' or (?P<n>; null for other groups. */
    private static String groupName(String p, int i) {
        int start;
        char closer;
        if (p.startsWith("(?P<", i)) {
            start = i + 4;
            closer = '>';
        } else if (p.startsWith("(?<", i) && i + 3 < p.length() && p.charAt(i + 3) != '=' && p.charAt(i + 3) != '!') {
            start = i + 3;
            closer = '>';
        } else if (p.startsWith("(?'", i)) {
            start = i + 3;
            closer = '\'';
        } else {
            return null;
        }
        int stop = p.indexOf(closer, start);
        return stop > start ? p.substring(start, stop) : null;
    }

    /** \g1, \g{1}, \g{-1} and \g{name}: a back-reference in Java's spelling, or null. */
    private static String backReference(String p, int from, int[] consumed, Map<String, Integer> numbers) {
        String ref;
        if (from < p.length() && p.charAt(from) == '{') {
            int stop = p.indexOf('}', from);
            if (stop < 0) {
                return null;
            }
            ref = p.substring(from + 1, stop);
            consumed[0] = stop - from + 1;
        } else {
            int j = from;
            while (j < p.length() && Character.isDigit(p.charAt(j))) {
                j++;
            }
            if (j == from) {
                return null;
            }
            ref = p.substring(from, j);
            consumed[0] = j - from;
        }
        if (numbers.containsKey(ref)) {
            return "\\k<" + javaName(numbers.get(ref)) + ">";
        }
        return ref.matches("\\d+") ? "\\" + ref : null;
    }

    private static String javaName(int group) {
        return "xsg" + group;
    }

    Matcher matcher(String subject) {
        return pattern.matcher(subject);
    }

    /** preg_match: the groups of the first match, or [] when nothing matches. */
    Object firstMatch(String subject) {
        Matcher m = pattern.matcher(subject);
        if (!m.find()) {
            return new ArrayList<>();
        }
        int last = m.groupCount();
        while (last > 0 && m.group(last) == null) {
            last--;
        }
        List<Object> groups = new ArrayList<>(last + 1);
        for (int g = 0; g <= last; g++) {
            groups.add(m.group(g) == null ? "" : m.group(g));
        }
        return keyed(groups);
    }

    /** preg_match_all with PREG_PATTERN_ORDER: one array per group, each listing every match. */
    Object allMatches(String subject) {
        Matcher m = pattern.matcher(subject);
        int count = m.groupCount();
        List<Object> perGroup = new ArrayList<>(count + 1);
        for (int g = 0; g <= count; g++) {
            perGroup.add(new ArrayList<>());
        }
        while (m.find()) {
            for (int g = 0; g <= count; g++) {
                @SuppressWarnings("unchecked")
                List<Object> list = (List<Object>) perGroup.get(g);
                list.add(m.group(g) == null ? "" : m.group(g));
            }
        }
        return keyed(perGroup);
    }

    /** A list indexed by group number; with named groups, PHP's mixed keys as an object. */
    private Object keyed(List<Object> groups) {
        if (names.isEmpty()) {
            return groups;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (int g = 0; g < groups.size(); g++) {
            if (names.containsKey(g)) {
                out.put(names.get(g), groups.get(g));
            }
            out.put(Integer.toString(g), groups.get(g));
        }
        return out;
    }

    /** preg_replace: $1, \1 and ${1} in the replacement stand for groups; a missing group is "". */
    String replace(String replacement, String subject) {
        Matcher m = pattern.matcher(subject);
        StringBuilder out = new StringBuilder(subject.length());
        int last = 0;
        while (m.find()) {
            out.append(subject, last, m.start());
            appendReplacement(out, replacement, m);
            last = m.end();
        }
        out.append(subject, last, subject.length());
        return out.toString();
    }

    private static void appendReplacement(StringBuilder out, String r, Matcher m) {
        int i = 0;
        while (i < r.length()) {
            char ch = r.charAt(i);
            if ((ch == '$' || ch == '\\') && i + 1 < r.length()) {
                int start = i + 1;
                boolean braced = ch == '$' && r.charAt(start) == '{';
                int j = braced ? start + 1 : start;
                int digitsStart = j;
                while (j < r.length() && j - digitsStart < 2 && Character.isDigit(r.charAt(j))) {
                    j++;
                }
                if (j > digitsStart && (!braced || (j < r.length() && r.charAt(j) == '}'))) {
                    int g = Integer.parseInt(r.substring(digitsStart, j));
                    if (g <= m.groupCount() && m.group(g) != null) {
                        out.append(m.group(g));
                    }
                    i = braced ? j + 1 : j;
                    continue;
                }
                if (ch == '\\' && r.charAt(start) == '\\') {
                    out.append('\\');
                    i += 2;
                    continue;
                }
            }
            out.append(ch);
            i++;
        }
    }

    /** preg_quote: a backslash before every regex metacharacter and the delimiter, if any. */
    static String quote(String s, String delimiter) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\0') {
                sb.append("\\000");
            } else if (".\\+*?[^]$(){}=!<>|:-#".indexOf(ch) >= 0 || delimiter.indexOf(ch) >= 0) {
                sb.append('\\').append(ch);
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }
}
