package xs.services.lambda;

import java.util.List;

/**
 * A worker could not give a call its answer: it ran past the time limit, printed or used too
 * much, exited, or could not start. The worker is of no further use after any of these.
 */
final class WorkerFailure extends Exception {
    enum Kind { TIMEOUT, OUTPUT, MEMORY, EXITED, START, BUSY }

    private final Kind kind;
    private final List<String> output;

    WorkerFailure(Kind kind, String message) {
        this(kind, message, List.of());
    }

    private WorkerFailure(Kind kind, String message, List<String> output) {
        super(message, null, false, false);
        this.kind = kind;
        this.output = List.copyOf(output);
    }

    /** The same failure with what the lambda printed before it. */
    WorkerFailure withOutput(List<String> printed) {
        return new WorkerFailure(kind, getMessage(), printed);
    }

    List<String> output() {
        return output;
    }

    Kind kind() {
        return kind;
    }
}
