package xs.interp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What one top-level run produced: a response, or the error that ended it, and its logs.
 *
 * @param datasource the data source the run ended in (after any {@code db.set_datasource}), so the
 *     next run of the same request starts there; null when the run did not say
 */
public record Outcome(Object response, XsError error, List<Object> logs, String datasource) {
    public Outcome {
        // Not List.copyOf: debug.log { value = null } logs a null.
        logs = Collections.unmodifiableList(new ArrayList<>(logs));
    }

    public Outcome(Object response, XsError error, List<Object> logs) {
        this(response, error, logs, null);
    }

    public boolean ok() {
        return error == null;
    }
}
