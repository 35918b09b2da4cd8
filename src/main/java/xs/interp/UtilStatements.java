package xs.interp;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import xs.ast.GenericStmt;
import xs.interp.filters.RawBytes;
import xs.source.Span;

/**
 * The utility statements that need no outside service: {@code util.geo_distance} (great-circle
 * metres), {@code stream.from_csv} and {@code stream.from_jsonl} (a file or text read into a
 * list of rows that {@code foreach} walks), and {@code util.ip_lookup}, which needs an offline
 * geolocation database xs does not ship, so it fails saying so.
 * <pre>util.geo_distance { latitude_1 = 40.71 longitude_1 = -74.01 latitude_2 = 34.05 longitude_2 = -118.24 } as $m</pre>
 */
final class UtilStatements {
    /** The mean Earth radius Xano's haversine uses, in metres. */
    static final double EARTH_RADIUS = 6_371_000;
    /** Rows read from one CSV before it is refused: a script holds them all in memory. */
    static final int MAX_ROWS = 1_000_000;

    private UtilStatements() {
    }

    static void register(StatementRegistry r) {
        r.add("util.geo_distance", Set.of("latitude_1", "longitude_1", "latitude_2", "longitude_2"),
            Set.of("latitude_1", "longitude_1", "latitude_2", "longitude_2"), UtilStatements::geoDistance);
        r.add("util.ip_lookup", Set.of("value"), Set.of(), (s, c) -> {
            Span span = s.span();
            return f -> {
                throw XsError.runtime(span, "util.ip_lookup needs an IP geolocation database, which xs does not ship;"
                    + " mock it in tests (mock = {\"test name\": {…}})");
            };
        });
        r.add("stream.from_csv", Set.of("value", "separator", "enclosure", "escape_char"), Set.of("value"),
            UtilStatements::fromCsv);
        r.add("stream.from_jsonl", Set.of("value"), Set.of("value"), UtilStatements::fromJsonl);
    }

    private static Exec geoDistance(GenericStmt s, Compilation c) {
        Eval lat1 = c.required(s, "latitude_1");
        Eval lon1 = c.required(s, "longitude_1");
        Eval lat2 = c.required(s, "latitude_2");
        Eval lon2 = c.required(s, "longitude_2");
        Span span = s.span();
        return CoreStatements.produce(s, c, f -> {
            double a1 = Math.toRadians(degrees(lat1.eval(f), "latitude_1", span));
            double b1 = Math.toRadians(degrees(lon1.eval(f), "longitude_1", span));
            double a2 = Math.toRadians(degrees(lat2.eval(f), "latitude_2", span));
            double b2 = Math.toRadians(degrees(lon2.eval(f), "longitude_2", span));
            double h = Math.pow(Math.sin((a2 - a1) / 2), 2) + Math.cos(a1) * Math.cos(a2) * Math.pow(Math.sin((b2 - b1) / 2), 2);
            double metres = 2 * EARTH_RADIUS * Math.asin(Math.min(1, Math.sqrt(h)));
            return Values.decimal(BigDecimal.valueOf(metres));
        });
    }

    private static double degrees(Object v, String what, Span span) {
        Object n = Values.number(v);
        if (n == null) {
            throw XsError.runtime(span, "util.geo_distance: " + what + " must be a number, got " + Operators.describe(v));
        }
        return Values.toBigDecimal(n).doubleValue();
    }

    /** A file resource's data, or text as it is. */
    private static String text(Object value, String statement, Span span) {
        if (value instanceof Map<?, ?> m && m.get("data") instanceof String data) {
            return new String(RawBytes.of(data), StandardCharsets.UTF_8);
        }
        if (value instanceof String t) {
            return t;
        }
        throw XsError.runtime(span, statement + ": value must be a file resource or text, got " + Operators.describe(value));
    }

    private static Exec fromCsv(GenericStmt s, Compilation c) {
        Eval value = c.required(s, "value");
        Eval separator = c.attr(s, "separator", ",");
        Eval enclosure = c.attr(s, "enclosure", "\"");
        Eval escape = c.attr(s, "escape_char", "\"");
        Span span = s.span();
        return CoreStatements.produce(s, c, f -> {
            String csv = text(value.eval(f), s.name(), span);
            char sep = single(separator.eval(f), ',', "separator", s, span);
            char quote = single(enclosure.eval(f), '"', "enclosure", s, span);
            char esc = single(escape.eval(f), '"', "escape_char", s, span);
            CsvSchema schema = CsvSchema.emptySchema().withHeader().withColumnSeparator(sep).withQuoteChar(quote);
            if (esc != quote) {
                schema = schema.withEscapeChar(esc);
            }
            CsvMapper mapper = new CsvMapper();
            mapper.enable(CsvParser.Feature.TRIM_SPACES).enable(CsvParser.Feature.SKIP_EMPTY_LINES);
            List<Object> rows = new ArrayList<>();
            try (MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class).with(schema).readValues(csv)) {
                while (it.hasNext()) {
                    if (rows.size() == MAX_ROWS) {
                        throw XsError.runtime(span, s.name() + ": more than " + MAX_ROWS + " rows");
                    }
                    rows.add(new LinkedHashMap<String, Object>(it.next()));
                    f.context.deadline.check();
                }
            } catch (IOException | RuntimeException e) {
                if (e instanceof XsError x) {
                    throw x;
                }
                throw XsError.runtime(span, s.name() + ": the CSV is not valid: " + e.getMessage().lines().findFirst().orElse(""));
            }
            return rows;
        });
    }

    private static char single(Object v, char fallback, String what, GenericStmt s, Span span) {
        String t = v == null ? "" : Values.toText(v);
        if (t.isEmpty()) {
            return fallback;
        }
        if (t.equals("\\t")) {
            return '\t';
        }
        if (t.length() != 1) {
            throw XsError.runtime(span, s.name() + ": " + what + " must be one character, got \"" + t + "\"");
        }
        return t.charAt(0);
    }

    private static Exec fromJsonl(GenericStmt s, Compilation c) {
        Eval value = c.required(s, "value");
        Span span = s.span();
        return CoreStatements.produce(s, c, f -> {
            List<Object> out = new ArrayList<>();
            int line = 0;
            for (String l : text(value.eval(f), s.name(), span).split("\r?\n")) {
                line++;
                if (l.isBlank()) {
                    continue;
                }
                try {
                    out.add(Json.read(l));
                } catch (Json.Malformed e) {
                    throw XsError.runtime(span, s.name() + ": line " + line + " is not JSON: " + e.getMessage());
                }
            }
            return out;
        });
    }
}
