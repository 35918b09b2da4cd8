package xs.interp;

import java.util.List;

/** What one top-level run produced: a response, or the error that ended it, and its logs. */
public record Outcome(Object response, XsError error, List<Object> logs) {
    public Outcome {
        logs = List.copyOf(logs);
    }

    public boolean ok() {
        return error == null;
    }
}
