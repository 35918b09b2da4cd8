package xs.interp.filters;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import xs.interp.Values;

/**
 * CSV for the csv_* filters. csv_decode gives rows as arrays of text; csv_parse uses the first
 * row as column names and gives one object per further row (missing cells are null, extra
 * cells dropped); both read with jackson-dataformat-csv and skip blank lines. csv_encode writes
 * rows (arrays, or objects under a header row of the first object's keys); csv_create writes a
 * header and rows.
 * <pre>"a,b\n1,2"|csv_parse   // [{"a": "1", "b": "2"}]</pre>
 *
 * <p>Writing stays here, as PHP's fputcsv (which Xano runs) writes: a field is enclosed when it
 * holds the separator, the enclosure, the escape, a line break, a tab or a space, and true is
 * "1". Jackson's CSV generator cannot say that: it encloses either every field holding a
 * character up to the separator's (digits, with ";") or only those holding the separator,
 * the quote or a line break.
 */
final class Csv {
    private static final ObjectReader ROWS = new CsvMapper()
        .enable(CsvParser.Feature.WRAP_AS_ARRAY)
        .readerForListOf(String.class);

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

    /** csv_decode: every non-blank line as an array of text, read by jackson-dataformat-csv. */
    static List<Object> parseRows(FilterCall c, String text, Dialect d) {
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(d.separator()).withQuoteChar(d.enclosure());
        schema = d.escape() != 0 && d.escape() != d.enclosure() ? schema.withEscapeChar(d.escape()) : schema.withoutEscapeChar();
        List<Object> rows = new ArrayList<>();
        try (MappingIterator<List<String>> it = ROWS.with(schema).readValues(text)) {
            while (it.hasNextValue()) {
                List<String> row = it.nextValue();
                // Blank lines are skipped here: Jackson's SKIP_EMPTY_LINES also drops the leading spaces of a line.
                if (!row.isEmpty() && !(row.size() == 1 && row.get(0).isEmpty())) {
                    rows.add(new ArrayList<Object>(row));
                }
            }
        } catch (JsonProcessingException e) {
            throw c.error(problem(e));
        } catch (RuntimeJsonMappingException e) {
            throw c.error(e.getCause() instanceof JsonProcessingException p ? problem(p) : "invalid CSV: " + e.getMessage());
        } catch (IOException e) {
            throw c.error("invalid CSV: " + e.getMessage());
        }
        return rows;
    }

    private static String problem(JsonProcessingException e) {
        String message = e.getOriginalMessage().lines().findFirst().orElse("");
        if (message.startsWith("Missing closing quote")) {
            return "the CSV ends inside a quoted field";
        }
        int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
        return "invalid CSV" + (line > 0 ? " at line " + line : "") + ": " + message;
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
