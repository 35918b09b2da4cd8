package xs.interp;

import java.util.Map;
import xs.ast.Construct;

/**
 * What statements reach in the server around them: minting auth tokens
 * ({@code security.create_auth_token}), calling the workspace's own API in process
 * ({@code api.call}) and the middleware around the functions, tasks and tools a stack
 * calls. {@code xs serve} attaches one; without it those statements say what they need.
 * <pre>security.create_auth_token { table = "user" id = $user.id extras = {} expiration = 86400 } as $token</pre>
 */
public interface Gateway {
    /** A token for a row of an auth table, as {@code xs token --table TABLE --user ID} mints it. */
    String mintToken(String table, Object id, Map<String, Object> extras, long ttlSeconds);

    /**
     * Runs the query at {@code PATH} of a group as a request from inside the server; answers its
     * response, or throws the error it answered with.
     */
    Object apiCall(String group, String path, String verb, Object input, Object headers);

    /**
     * Whether a call of the {@code kind} named {@code name} runs inside middleware (its own, else
     * the branch's for the kind); a call without any costs nothing more.
     */
    default boolean hasMiddleware(String kind, String name) {
        return false;
    }

    /**
     * Runs a call of {@code kind} ({@code function}, {@code task} or {@code tool}) named
     * {@code name} that a stack makes inside its middleware (its own, else the branch's for the
     * kind); {@code steps} runs each part within the caller's run. Answers the call's outcome (its
     * error when a middleware or the call failed). Without middleware it is the call alone.
     */
    default Outcome throughMiddleware(String kind, String name, Object input, Steps steps) {
        return steps.call(input);
    }

    /** The parts of one call that middleware wraps, each run where the call runs. */
    interface Steps {
        /** Runs a middleware block on {@code arguments} ({@code {vars, type}}). */
        Outcome middleware(Construct block, Map<String, Object> arguments);

        /** Runs the called construct on {@code input} (as the pre middleware left it). */
        Outcome call(Object input);
    }
}
