package xs.workspace;

import java.util.Locale;
import xs.ast.Construct;

/**
 * A {@code middleware} block with its settings: how its response combines with the call's
 * input (pre) or response (post), and what an error in it does.
 * <pre>middleware log_calls { input { json vars  enum type { values = ["pre","post"] } } stack {…}
 *   response = $input.vars  response_strategy = "merge"  exception_policy = "silent" }</pre>
 */
public record Middleware(String name, Construct declaration, Strategy strategy, Policy policy) {

    /** {@code merge} (the default) merges an object response in; {@code replace} replaces. */
    public enum Strategy { MERGE, REPLACE }

    /**
     * {@code silent} ignores the error; {@code rethrow} (the default: an error is never swallowed
     * unless the script asks) answers the middleware's own error; {@code critical} stops the call
     * with a 500 that names the middleware.
     */
    public enum Policy { SILENT, RETHROW, CRITICAL }

    static Strategy strategy(Object written) {
        return "replace".equals(lower(written)) ? Strategy.REPLACE : Strategy.MERGE;
    }

    static Policy policy(Object written) {
        String p = lower(written);
        if ("silent".equals(p)) {
            return Policy.SILENT;
        }
        return "critical".equals(p) ? Policy.CRITICAL : Policy.RETHROW;
    }

    private static String lower(Object v) {
        return v instanceof String s ? s.toLowerCase(Locale.ROOT) : null;
    }
}
