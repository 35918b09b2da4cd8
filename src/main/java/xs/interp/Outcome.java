package xs.interp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What one top-level run produced: a response, or the error that ended it, and its logs. */
public record Outcome(Object response, XsError error, List<Object> logs) {
    public Outcome {
        // Not List.copyOf: debug.log { value = null } logs a null.
        logs = Collections.unmodifiableList(new ArrayList<>(logs));
    }

    public boolean ok() {
        return error == null;
    }
}
