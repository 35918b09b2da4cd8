package xs.db.memory;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import xs.db.JsonDepth;
import xs.db.value.Values;

/**
 * JSON for stored values in the journal and snapshots, exact in both directions: ints come
 * back as Long, decimals as BigDecimal with the same scale. A decimal without a fraction is
 * written with an exponent ({@code 5E0}) so that it is read back as a decimal, not an int.
 *
 * <p>Reading and writing allow the same depth: every stored value (at most
 * {@link JsonDepth#MAX} deep, see {@link Layout}) plus the journal's or snapshot's levels
 * around it. A value the journal took therefore always fits a snapshot and reads back.
 */
final class JsonValues {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_LONG_FOR_INTS);

    static {
        MAPPER.getFactory().setStreamReadConstraints(JsonDepth.reading(JsonDepth.WRAPPING));
        MAPPER.getFactory().setStreamWriteConstraints(JsonDepth.writing());
    }

    private JsonValues() {
    }

    static void write(JsonGenerator g, Object v) throws IOException {
        v = Values.normalize(v);
        if (v == null) {
            g.writeNull();
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Long l) {
            g.writeNumber(l);
        } else if (v instanceof BigDecimal d) {
            String text = d.toString();
            boolean looksIntegral = text.indexOf('.') < 0 && text.indexOf('E') < 0 && text.indexOf('e') < 0;
            g.writeNumber(looksIntegral ? text + "E0" : text);
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof List<?> list) {
            g.writeStartArray();
            for (Object e : list) write(g, e);
            g.writeEndArray();
        } else if (v instanceof Map<?, ?> map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else {
            g.writeString(String.valueOf(v));
        }
    }
}
