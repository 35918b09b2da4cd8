package xs.db.postgres;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import xs.db.DbException;

/**
 * The SQL of {@code db.direct_query} made ready for JDBC: split into statements at top-level
 * {@code ;}, each {@code ?:raw} replaced by its argument's text, each {@code ?} left as a JDBC
 * placeholder with its argument bound. Quotes, quoted names, comments and dollar quoting are
 * skipped as PostgreSQL (and its JDBC driver) skip them, so a {@code ?} inside them is text.
 *
 * <pre>SELECT * FROM ?:raw WHERE name = ?    -- args: "step", "Review"</pre>
 *
 * <p>Raw text is pasted unquoted, so it can change the statement: it must never come from a
 * request. A literal {@code ?} in the raw text is doubled for JDBC, which reads {@code ??} as one.
 */
final class SqlTemplate {
    /** One statement for JDBC, its bound arguments in order, and where it starts in {@link Prepared#text}. */
    record Statement(String sql, List<Object> args, int offset) {
    }

    /** The SQL after raw substitution (for messages) and its statements. */
    record Prepared(String text, List<Statement> statements) {
    }

    private final String sql;
    private final List<Object> args;
    private int next;
    private final StringBuilder text = new StringBuilder();
    private final List<Statement> statements = new ArrayList<>();
    private int statementStart;
    private List<Object> bound = new ArrayList<>();

    private SqlTemplate(String sql, List<Object> args) {
        this.sql = sql;
        this.args = args;
    }

    /** Splits and fills the SQL; a count of placeholders that differs from the arguments is BAD_QUERY. */
    static Prepared prepare(String sql, List<Object> args) {
        SqlTemplate t = new SqlTemplate(sql, args);
        t.scan();
        return new Prepared(t.text.toString(), List.copyOf(t.statements));
    }

    private void scan() {
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char ch = sql.charAt(i);
            int end = skipQuoted(sql, i);
            if (end > i) {
                text.append(sql, i, end);
                i = end;
            } else if (ch == '?' && i + 1 < n && sql.charAt(i + 1) == '?') {
                text.append("??");
                i += 2;
            } else if (ch == '?' && sql.startsWith(":raw", i + 1) && !identifierChar(sql, i + 5)) {
                text.append(escapeQuestionMarks(rawText(take(i))));
                i += 5;
            } else if (ch == '?') {
                bound.add(take(i));
                text.append('?');
                i++;
            } else if (ch == ';') {
                endStatement();
                i++;
                statementStart = text.length() + 1;
                text.append(';');
            } else {
                text.append(ch);
                i++;
            }
        }
        endStatement();
        if (next < args.size()) {
            throw new DbException(DbException.Kind.BAD_QUERY, null, "the SQL has " + next + " placeholder"
                + (next == 1 ? "" : "s") + " (? and ?:raw) but " + args.size() + " args were given");
        }
    }

    private Object take(int at) {
        if (next >= args.size()) {
            int count = next + countPlaceholders(at);
            throw new DbException(DbException.Kind.BAD_QUERY, null, "the SQL has " + count + " placeholders (? and ?:raw) but "
                + args.size() + " arg" + (args.size() == 1 ? " was" : "s were") + " given");
        }
        return args.get(next++);
    }

    /** Placeholders from at to the end, for the message when the arguments run out. */
    private int countPlaceholders(int at) {
        int count = 0;
        int i = at;
        while (i < sql.length()) {
            int end = skipQuoted(sql, i);
            if (end > i) {
                i = end;
            } else if (sql.charAt(i) == '?' && i + 1 < sql.length() && sql.charAt(i + 1) == '?') {
                i += 2;
            } else {
                count += sql.charAt(i) == '?' ? 1 : 0;
                i++;
            }
        }
        return count;
    }

    private void endStatement() {
        String statement = text.substring(statementStart);
        if (!statement.isBlank()) {
            statements.add(new Statement(statement, java.util.Collections.unmodifiableList(bound), statementStart));
        }
        bound = new ArrayList<>();
    }

    /** How an argument reads pasted into SQL: text as it is, numbers plainly, null as NULL, json as json. */
    static String rawText(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return JsonText.write(value);
    }

    /** Doubles each {@code ?} outside quotes and comments, so JDBC reads it as text, not a placeholder. */
    static String escapeQuestionMarks(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        int i = 0;
        while (i < raw.length()) {
            int end = skipQuoted(raw, i);
            if (end > i) {
                out.append(raw, i, end);
                i = end;
            } else {
                out.append(raw.charAt(i) == '?' ? "??" : String.valueOf(raw.charAt(i)));
                i++;
            }
        }
        return out.toString();
    }

    /**
     * Where the JDBC statement's position (1-based, as PostgreSQL reports it for the statement
     * with its placeholders numbered $1, $2, ... and {@code ??} read as {@code ?}) lies in the
     * statement as xs sent it (0-based).
     */
    static int fromServerPosition(String statement, int position) {
        int seen = 0;
        int placeholder = 0;
        int i = 0;
        while (i < statement.length()) {
            int end = skipQuoted(statement, i);
            int width;
            int step;
            if (end > i) {
                width = end - i;
                step = end - i;
                if (seen + width >= position) {
                    return i + (position - seen - 1);
                }
            } else if (statement.startsWith("??", i)) {
                width = 1;
                step = 2;
            } else if (statement.charAt(i) == '?') {
                width = ("$" + (++placeholder)).length();
                step = 1;
            } else {
                width = 1;
                step = 1;
            }
            if (seen + width >= position) {
                return i;
            }
            seen += width;
            i += step;
        }
        return statement.length();
    }

    /**
     * The end of a quoted string, quoted name, comment or dollar-quoted text starting at i, or i
     * when none starts there. An unterminated one runs to the end, as PostgreSQL reads it.
     */
    static int skipQuoted(String s, int i) {
        char ch = s.charAt(i);
        int n = s.length();
        if (ch == '\'') {
            boolean backslashes = i > 0 && (s.charAt(i - 1) == 'E' || s.charAt(i - 1) == 'e') && !identifierChar(s, i - 2);
            int j = i + 1;
            while (j < n) {
                char c = s.charAt(j);
                if (backslashes && c == '\\') {
                    j += 2;
                } else if (c == '\'' && j + 1 < n && s.charAt(j + 1) == '\'') {
                    j += 2;
                } else if (c == '\'') {
                    return j + 1;
                } else {
                    j++;
                }
            }
            return n;
        }
        if (ch == '"') {
            int close = s.indexOf('"', i + 1);
            while (close >= 0 && close + 1 < n && s.charAt(close + 1) == '"') {
                close = s.indexOf('"', close + 2);
            }
            return close < 0 ? n : close + 1;
        }
        if (ch == '-' && s.startsWith("--", i)) {
            int eol = s.indexOf('\n', i);
            return eol < 0 ? n : eol;
        }
        if (ch == '/' && s.startsWith("/*", i)) {
            int depth = 0;
            int j = i;
            while (j < n) {
                if (s.startsWith("/*", j)) {
                    depth++;
                    j += 2;
                } else if (s.startsWith("*/", j)) {
                    depth--;
                    j += 2;
                    if (depth == 0) {
                        return j;
                    }
                } else {
                    j++;
                }
            }
            return n;
        }
        if (ch == '$' && !identifierChar(s, i - 1)) {
            int j = i + 1;
            while (j < n && (Character.isLetter(s.charAt(j)) || s.charAt(j) == '_'
                || (j > i + 1 && Character.isDigit(s.charAt(j))))) {
                j++;
            }
            if (j < n && s.charAt(j) == '$') {
                String tag = s.substring(i, j + 1);
                int close = s.indexOf(tag, j + 1);
                return close < 0 ? n : close + tag.length();
            }
        }
        return i;
    }

    private static boolean identifierChar(String s, int at) {
        if (at < 0 || at >= s.length()) {
            return false;
        }
        char c = s.charAt(at);
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
