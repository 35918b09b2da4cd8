package xs.interp.filters;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import xs.interp.Values;

/**
 * CSV for the csv_* filters, after PHP's str_getcsv and fputcsv. csv_decode gives rows as
 * arrays of text; csv_parse uses the first row as column names and gives one object per
 * further row (missing cells are null, extra cells dropped); csv_encode writes rows (arrays,
 * or objects under a header row of the first object's keys); csv_create writes a header and
 * rows. Written fields are enclosed when they hold the separator, the enclosure, the escape,
 * a line break, a tab or a space; every line ends with "\n". Blank lines are skipped on input.
 */
final class Csv {
    /** Separator, enclosure and escape characters; the escape may be absent (0). */
    record Dialect(char separator, char enclosure, char escape) {
        /** Reads the three optional arguments starting at index first. */
        static Dialect of(FilterCall c, int first) {
            return new Dialect(one(c, first, ',', false), one(c, first + 1, '"', false), one(c, first + 2, '"', true));
        }

        private static char one(FilterCall c, int i, char fallback, boolean mayBeEmpty) {
            if (!c.hasArg(i) || c.arg(i) == null) {
                return fallback;
            }
            String s = FilterSupport.textArg(c, i);
            if (s.isEmpty() && mayBeEmpty) {
                return 0;
            }
            if (s.length() != 1) {
                throw c.error("argument " + (i + 1) + " must be one character, got \"" + s + "\"");
            }
            return s.charAt(0);
        }
    }

    private Csv() {
    }

    static List<Object> parseRows(FilterCall c, String text, Dialect d) {
        List<Object> rows = new ArrayList<>();
        List<Object> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStart = true;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (d.escape() != 0 && ch == d.escape() && d.escape() != d.enclosure() && i + 1 < n) {
                    // PHP keeps the escape character along with the character it escapes.
                    field.append(ch).append(text.charAt(++i));
                } else if (ch == d.enclosure()) {
                    if (i + 1 < n && text.charAt(i + 1) == d.enclosure()) {
                        field.append(ch);
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(ch);
                }
                continue;
            }
            if (ch == d.enclosure() && fieldStart) {
                quoted = true;
                fieldStart = false;
            } else if (ch == d.separator()) {
                row.add(field.toString());
                field.setLength(0);
                fieldStart = true;
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                fieldStart = true;
                endRow(rows, row);
                row = new ArrayList<>();
            } else {
                field.append(ch);
                fieldStart = false;
            }
        }
        if (quoted) {
            throw c.error("the CSV ends inside a quoted field");
        }
        if (!fieldStart || !row.isEmpty()) {
            row.add(field.toString());
        }
        endRow(rows, row);
        return rows;
    }

    private static void endRow(List<Object> rows, List<Object> row) {
        boolean blank = row.isEmpty() || (row.size() == 1 && ((String) row.get(0)).isEmpty());
        if (!blank) {
            rows.add(row);
        }
    }

    static List<Object> parseObjects(FilterCall c, String text, Dialect d) {
        List<Object> rows = parseRows(c, text, d);
        List<Object> out = new ArrayList<>();
        if (rows.isEmpty()) {
            return out;
        }
        List<?> header = (List<?>) rows.get(0);
        for (Object r : rows.subList(1, rows.size())) {
            List<?> row = (List<?>) r;
            Map<String, Object> obj = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                obj.put((String) header.get(i), i < row.size() ? row.get(i) : null);
            }
            out.add(obj);
        }
        return out;
    }

    /** csv_encode: rows of arrays, or objects written under a header of the first one's keys. */
    static String encode(FilterCall c, List<Object> rows, Dialect d) {
        StringBuilder out = new StringBuilder();
        List<String> header = null;
        if (!rows.isEmpty() && rows.get(0) instanceof Map<?, ?> first) {
            header = new ArrayList<>();
            for (Object k : first.keySet()) {
                header.add((String) k);
            }
            line(out, new ArrayList<>(header), d);
        }
        for (Object row : rows) {
            line(out, cells(row, header), d);
        }
        return out.toString();
    }

    /** csv_create: the subject is the column names, the argument the rows. */
    static String create(FilterCall c, List<Object> columns, List<Object> rows, Dialect d) {
        StringBuilder out = new StringBuilder();
        List<String> header = new ArrayList<>();
        for (Object col : columns) {
            header.add(Values.toText(col));
        }
        line(out, new ArrayList<>(header), d);
        for (Object row : rows) {
            line(out, cells(row, header), d);
        }
        return out.toString();
    }

    private static List<Object> cells(Object row, List<String> header) {
        if (row instanceof List<?> l) {
            return new ArrayList<>(l);
        }
        if (row instanceof Map<?, ?> m) {
            List<Object> out = new ArrayList<>();
            if (header != null) {
                for (String k : header) {
                    out.add(m.get(k));
                }
            } else {
                out.addAll(m.values());
            }
            return out;
        }
        List<Object> single = new ArrayList<>();
        single.add(row);
        return single;
    }

    private static void line(StringBuilder out, List<Object> cells, Dialect d) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(d.separator());
            }
            out.append(field(cellText(cells.get(i)), d));
        }
        out.append('\n');
    }

    /** PHP's text for a cell: true is "1", false and null are empty. */
    private static String cellText(Object v) {
        if (v instanceof Boolean b) {
            return b ? "1" : "";
        }
        if (v instanceof BigDecimal dec) {
            return dec.toPlainString();
        }
        return Values.toText(v);
    }

    private static String field(String s, Dialect d) {
        boolean enclose = false;
        for (int i = 0; i < s.length() && !enclose; i++) {
            char ch = s.charAt(i);
            enclose = ch == d.separator() || ch == d.enclosure() || (d.escape() != 0 && ch == d.escape())
                || ch == '\n' || ch == '\r' || ch == '\t' || ch == ' ';
        }
        if (!enclose) {
            return s;
        }
        String e = String.valueOf(d.enclosure());
        return e + s.replace(e, e + e) + e;
    }
}
