package xs.db.value;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import xs.db.DbException;

/** Compiles the text patterns of where clauses: SQL LIKE patterns and regular expressions. */
public final class Patterns {
    private Patterns() {
    }

    /** A LIKE pattern ({@code %} any run, {@code _} one character, backslash escapes) as a regex. */
    public static Pattern like(String pattern, boolean ignoreCase) {
        StringBuilder re = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                literal.append(pattern.charAt(++i));
            } else if (c == '%' || c == '_') {
                if (literal.length() > 0) re.append(Pattern.quote(literal.toString()));
                literal.setLength(0);
                re.append(c == '%' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) re.append(Pattern.quote(literal.toString()));
        int flags = Pattern.DOTALL | (ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
        return Pattern.compile(re.toString(), flags);
    }

    /** A Java regex, also written {@code /body/flags} with flags among i, m, s, x, u. */
    public static Pattern regex(String source) {
        String body = source;
        int flags = 0;
        int end = source.lastIndexOf('/');
        if (source.length() >= 2 && source.charAt(0) == '/' && end > 0) {
            String suffix = source.substring(end + 1);
            if (suffix.chars().allMatch(ch -> "imsxu".indexOf(ch) >= 0)) {
                body = source.substring(1, end);
                for (char f : suffix.toCharArray()) {
                    flags |= switch (f) {
                        case 'i' -> Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
                        case 'm' -> Pattern.MULTILINE;
                        case 's' -> Pattern.DOTALL;
                        case 'x' -> Pattern.COMMENTS;
                        default -> Pattern.UNICODE_CHARACTER_CLASS;
                    };
                }
            }
        }
        try {
            return Pattern.compile(body, flags);
        } catch (PatternSyntaxException e) {
            throw new DbException(DbException.Kind.BAD_QUERY, "invalid regular expression " + Values.describe(source)
                    + ": " + e.getDescription());
        }
    }
}
