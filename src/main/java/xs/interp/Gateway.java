package xs.interp;

import java.util.Map;

/**
 * What statements reach in the server around them: minting auth tokens
 * ({@code security.create_auth_token}) and calling the workspace's own API in process
 * ({@code api.call}). {@code xs serve} attaches one; without it those statements say what they need.
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
}
