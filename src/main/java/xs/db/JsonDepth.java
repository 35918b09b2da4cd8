package xs.db;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.util.List;
import java.util.Map;

/**
 * How deeply a JSON value may nest, one limit for all of xs: request bodies, realtime frames,
 * {@code --data} and {@code --input} files, {@code json} columns. {@code []} is 1 deep,
 * {@code [[1]]} is 2. Every reader refuses a deeper value; every writer takes any value a reader
 * accepted, plus the few levels of its own envelope (a realtime frame around a payload, a
 * snapshot around a row), so a value that came in always goes out again.
 * <pre>db.add blob { data = {value: $input.value} }   // refused when value nests past MAX</pre>
 */
public final class JsonDepth {
    /** The deepest a value may nest. */
    public static final int MAX = 1000;

    /**
     * Levels any writer adds around a value: a realtime frame around an event's data, the
     * journal and snapshots around a stored row. Writers allow {@code MAX + WRAPPING}.
     */
    public static final int WRAPPING = 16;

    private JsonDepth() {
    }

    /** The refusal, for messages: what the limit is. */
    public static String limitText() {
        return "JSON nests deeper than " + MAX + " levels, the most xs accepts";
    }

    /**
     * Constraints for reading a document whose values sit {@code envelope} levels inside it
     * (0 when the value is the whole document, 1 for a field of a frame object).
     */
    public static StreamReadConstraints reading(int envelope) {
        return StreamReadConstraints.builder().maxNestingDepth(MAX + envelope).build();
    }

    /** Constraints for writers: every value a reader accepted, inside its wrapping. */
    public static StreamWriteConstraints writing() {
        return StreamWriteConstraints.builder().maxNestingDepth(MAX + WRAPPING).build();
    }

    /** Whether Jackson refused a document for nesting past its limit (databind may wrap that refusal). */
    public static boolean refused(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StreamConstraintsException && String.valueOf(t.getMessage()).contains("nesting depth")) {
                return true;
            }
        }
        return false;
    }

    /** Whether a value (lists and maps, as script and stored values are) nests deeper than {@link #MAX}. */
    public static boolean tooDeep(Object value) {
        return exceeds(value, MAX);
    }

    /** Whether value nests deeper than {@code allowed} levels; stops as soon as it knows. */
    private static boolean exceeds(Object value, int allowed) {
        if (value instanceof List<?> list) {
            if (allowed == 0) return true;
            for (Object e : list) if (exceeds(e, allowed - 1)) return true;
        } else if (value instanceof Map<?, ?> map) {
            if (allowed == 0) return true;
            for (Object e : map.values()) if (exceeds(e, allowed - 1)) return true;
        }
        return false;
    }
}
