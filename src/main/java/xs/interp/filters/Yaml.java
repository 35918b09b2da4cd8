package xs.interp.filters;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import xs.db.JsonDepth;
import xs.interp.Values;

/**
 * yaml_encode and yaml_decode on jackson-dataformat-yaml (SnakeYAML underneath).
 * <pre>{a: 1, b: [1, 2]}|yaml_encode   // "a: 1\nb:\n- 1\n- 2\n"</pre>
 *
 * <p>Encoding writes block style, text quoted only when it would read back as something else
 * (multi-line text as a literal block). Decoding takes one document: only {@code true}/{@code false}
 * are booleans (YAML 1.2, so {@code yes} and {@code on} stay text), ints and decimals become
 * numbers, aliases of anchored mappings and sequences are resolved (merge keys {@code <<} included;
 * Jackson does not report the anchors of single values, so their aliases fail); several documents
 * in one text are refused, as is anything nested deeper than JSON may be.
 */
final class Yaml {
    /** Plain text SnakeYAML would read as a number (hex, octal, underscores), which the writer must quote. */
    private static final Pattern NUMBER_LIKE = Pattern.compile("[-+]?(0x[0-9a-fA-F_]+|0o?[0-7_]+|[0-9][0-9_]*(\\.[0-9_]*)?"
        + "([eE][-+]?[0-9]+)?|\\.[0-9_]+([eE][-+]?[0-9]+)?|\\.inf|\\.Inf|\\.INF)|\\.nan|\\.NaN|\\.NAN");

    private static final YAMLFactory FACTORY = YAMLFactory.builder()
        .loaderOptions(loaderOptions())
        .streamReadConstraints(JsonDepth.reading(0))
        .streamWriteConstraints(JsonDepth.writing())
        .stringQuotingChecker(new Quoting())
        .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
        .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
        .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
        .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
        .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
        .build();
    private static final ObjectMapper WRITER = new ObjectMapper(FACTORY)
        .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private Yaml() {
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        // A filter's text is already in memory: no cap of its own beyond what a script may hold.
        options.setCodePointLimit(Integer.MAX_VALUE);
        options.setNestingDepthLimit(JsonDepth.MAX);
        options.setAllowDuplicateKeys(true);
        return options;
    }

    /** Quotes, besides what Jackson quotes, text that SnakeYAML would read back as a number. */
    private static final class Quoting extends StringQuotingChecker.Default {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean needToQuoteValue(String value) {
            return super.needToQuoteValue(value) || NUMBER_LIKE.matcher(value).matches();
        }

        @Override
        public boolean needToQuoteName(String name) {
            return super.needToQuoteName(name) || NUMBER_LIKE.matcher(name).matches();
        }
    }

    static String encode(FilterCall c, Object value) {
        try {
            return WRITER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw c.error("cannot write this value as YAML: " + e.getOriginalMessage());
        }
    }

    static Object decode(FilterCall c, String text) {
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return null;
            }
            Object value = new Reading(c, (YAMLParser) p).value(first);
            if (p.nextToken() != null) {
                throw c.error("invalid YAML at line " + p.currentLocation().getLineNr()
                    + ": several YAML documents in one text are not supported");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw c.error(problem(e));
        } catch (IOException e) {
            throw c.error("invalid YAML: " + e.getMessage());
        }
    }

    /** What is wrong and where: SnakeYAML's problem and its line, rather than the context it was in. */
    private static String problem(JsonProcessingException e) {
        if (JsonDepth.refused(e)) {
            return "invalid YAML: " + JsonDepth.limitText();
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYAMLException marked && marked.getProblem() != null) {
                Mark mark = marked.getProblemMark();
                return "invalid YAML" + (mark == null ? "" : " at line " + (mark.getLine() + 1)) + ": " + marked.getProblem();
            }
        }
        String message = e.getOriginalMessage();
        if (message.startsWith("Expected a field name")) {
            message = "a mapping key must be text (complex keys are not supported)";
        }
        int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
        return "invalid YAML" + (line > 0 ? " at line " + line : "") + ": " + message.lines().findFirst().orElse(message);
    }

    /** One document read into xs values, remembering anchored nodes for their aliases. */
    private static final class Reading {
        private final FilterCall call;
        private final YAMLParser p;
        private final Map<String, Object> anchors = new HashMap<>();

        Reading(FilterCall call, YAMLParser p) {
            this.call = call;
            this.p = p;
        }

        Object value(JsonToken t) throws IOException {
            if (p.isCurrentAlias()) {
                String name = p.getText();
                if (!anchors.containsKey(name)) {
                    // Jackson reports the anchors of mappings and sequences, not those of single values.
                    throw call.error("invalid YAML at line " + p.currentLocation().getLineNr() + ": the alias *" + name
                        + " names no anchored mapping or sequence before it (aliases of single values are not supported)");
                }
                return Values.copy(anchors.get(name));
            }
            String anchor = p.getObjectId();
            Object v = switch (t) {
                case START_OBJECT -> mapping();
                case START_ARRAY -> sequence();
                case VALUE_NUMBER_INT -> p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                    ? new BigDecimal(p.getBigIntegerValue()) : (Object) p.getLongValue();
                case VALUE_NUMBER_FLOAT -> decimal();
                case VALUE_TRUE -> Boolean.TRUE;
                case VALUE_FALSE -> Boolean.FALSE;
                case VALUE_NULL -> null;
                default -> p.getText();
            };
            if (anchor != null) {
                anchors.put(anchor, v);
            }
            return v;
        }

        /** A decimal; .inf and .nan have no xs number, so they stay the text they are. */
        private Object decimal() throws IOException {
            String text = p.getText();
            try {
                return new BigDecimal(text.replace("_", ""));
            } catch (NumberFormatException e) {
                return text;
            }
        }

        private Map<String, Object> mapping() throws IOException {
            Map<String, Object> out = new LinkedHashMap<>();
            List<Object> merged = new ArrayList<>();
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_OBJECT) {
                String key = p.currentName();
                Object v = value(p.nextToken());
                if (key.equals("<<") && (v instanceof Map<?, ?> || v instanceof List<?>)) {
                    merged.add(v);
                } else {
                    out.put(key, v);
                }
            }
            if (merged.isEmpty()) {
                return out;
            }
            // Merge keys: the merged mappings' entries first, the mapping's own keys win.
            Map<String, Object> result = new LinkedHashMap<>();
            for (Object m : merged) {
                for (Object one : m instanceof List<?> l ? l : List.of(m)) {
                    if (one instanceof Map<?, ?> map) {
                        map.forEach((k, v) -> result.putIfAbsent(String.valueOf(k), v));
                    }
                }
            }
            result.keySet().removeAll(out.keySet());
            result.putAll(out);
            return result;
        }

        private List<Object> sequence() throws IOException {
            List<Object> out = new ArrayList<>();
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                out.add(value(t));
            }
            return out;
        }
    }
}
