package xs.interp;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Who a call runs as, and how that appears in scripts as {@code $auth}: {@code {id, extras}}
 * for a user (id an int when numeric), an empty object for an anonymous caller.
 */
public record Identity(String userId, String table, Map<String, Object> extras) {
    public static final Identity ANONYMOUS = new Identity(null, null, Map.of());

    public Identity {
        extras = extras == null ? Map.of() : extras;
    }

    public boolean anonymous() {
        return userId == null;
    }

    /** The user id as scripts see it: an int when it is numeric, else the text. */
    public Object id() {
        if (userId == null) {
            return null;
        }
        try {
            return Long.parseLong(userId);
        } catch (NumberFormatException e) {
            return userId;
        }
    }

    /** The value of {@code $auth}. */
    public Map<String, Object> auth() {
        Map<String, Object> auth = new LinkedHashMap<>();
        if (userId != null) {
            auth.put("id", id());
            auth.put("extras", Values.copy(extras));
            if (table != null) {
                auth.put("table", table);
            }
        }
        return auth;
    }
}
