package xs.db.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import xs.db.DbException;
import xs.db.value.Values;

/** jsonb values to and from the plain Java values xs keeps (Long, BigDecimal, List, LinkedHashMap). */
final class JsonText {
    private static final ObjectMapper MAPPER = new ObjectMapper()
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .enable(DeserializationFeature.USE_LONG_FOR_INTS);

    private JsonText() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new DbException(DbException.Kind.INPUT_ERROR, null, "cannot store as json: " + e.getOriginalMessage());
        }
    }

    static Object read(String json) {
        try {
            return Values.copy(MAPPER.readValue(json, Object.class));
        } catch (JsonProcessingException e) {
            throw new DbException(DbException.Kind.STORAGE, null, "PostgreSQL returned json xs cannot read: " + e.getOriginalMessage());
        }
    }
}
