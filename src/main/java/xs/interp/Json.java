package xs.interp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import xs.db.JsonDepth;

/**
 * JSON at the edges: script values to and from text. Numbers come in as Long or BigDecimal,
 * never double, so decimals survive a round trip exactly.
 */
public final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .enable(DeserializationFeature.USE_LONG_FOR_INTS)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(com.fasterxml.jackson.core.StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
        .build();
    private static final ObjectMapper PRETTY = MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT);

    static {
        for (ObjectMapper m : new ObjectMapper[] {MAPPER, PRETTY}) {
            m.getFactory().setStreamReadConstraints(JsonDepth.reading(0));
            m.getFactory().setStreamWriteConstraints(JsonDepth.writing());
        }
    }

    private Json() {
    }

    /** Thrown for text that is not JSON; the message says where. */
    public static final class Malformed extends Exception {
        public Malformed(String message) {
            super(message);
        }
    }

    public static Object read(String text) throws Malformed {
        try {
            return Values.normalize(MAPPER.readValue(text, Object.class));
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            if (JsonDepth.refused(e)) {
                throw new Malformed(JsonDepth.limitText() + (where.isEmpty() ? "" : " (passed" + where + ")"));
            }
            throw new Malformed("invalid JSON" + where + ": " + e.getOriginalMessage());
        }
    }

    /**
     * The value as JSON text. A value a script nested deeper than any input may be is a runtime
     * error naming the limit (a value read by xs always fits).
     */
    public static String write(Object value) {
        return write(MAPPER, value);
    }

    public static String pretty(Object value) {
        return write(PRETTY, value);
    }

    private static String write(ObjectMapper mapper, Object value) {
        if (JsonDepth.tooDeep(value)) {
            throw XsError.runtime(null, "the value cannot be written as JSON: " + JsonDepth.limitText());
        }
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("value cannot be written as JSON", e);
        }
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
