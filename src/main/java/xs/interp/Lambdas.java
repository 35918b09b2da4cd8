package xs.interp;

import java.util.List;
import java.util.Map;

/**
 * What runs the JavaScript of {@code api.lambda}. The interpreter owns this interface; the
 * services implement it (xs.services.lambda runs the code on Deno), so the interpreter never
 * starts a process and a test can put anything in its place.
 * <pre>api.lambda { code = "return $input.a + 1;" timeout = 10 } as $sum</pre>
 */
public interface Lambdas {
    /** Runs for hosts that set up no JavaScript runtime: every call fails and says so. */
    Lambdas NONE = call -> {
        throw new Failure(Failure.Kind.UNAVAILABLE, "api.lambda needs a JavaScript runtime, and none is set up here",
            0, List.of());
    };

    /**
     * One call: the code (the body of an async function), its time limit, and the values of its
     * globals {@code $input}, {@code $var}, {@code $env} and {@code $auth}.
     */
    record Call(String code, long timeoutMillis, Object input, Map<String, Object> variables,
                Map<String, Object> env, Map<String, Object> auth) {
    }

    /** What the code returned, and the lines it printed (console.log and the like). */
    record Result(Object value, List<String> output) {
        public Result {
            output = List.copyOf(output);
        }
    }

    /** The call did not return a value; the message says why, in words for the script's author. */
    final class Failure extends Exception {
        /** Why: the code threw, ran past its timeout, was stopped for its resources, or cannot run here. */
        public enum Kind { THROWN, TIMEOUT, STOPPED, UNAVAILABLE }

        private final Kind kind;
        private final int line;
        private final List<String> output;

        public Failure(Kind kind, String message, int line, List<String> output) {
            super(message, null, false, false);
            this.kind = kind;
            this.line = line;
            this.output = List.copyOf(output);
        }

        public Kind kind() {
            return kind;
        }

        /** The line of the code where it failed (1 is the first line), or 0 when unknown. */
        public int line() {
            return line;
        }

        /** What the code printed before it failed. */
        public List<String> output() {
            return output;
        }
    }

    Result run(Call call) throws Failure;
}
