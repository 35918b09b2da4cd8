package xs.realtime;

import java.util.LinkedHashMap;
import java.util.Map;
import xs.interp.Identity;
import xs.interp.Json;
import xs.interp.Values;

/**
 * One connected client as frames describe it (protocol §1): its socket id, the identity its token
 * gave, and the {@code client} object written once and reused in every frame it causes.
 * <pre>{"socketId":"q3…","extras":{},"permissions":{"dbo_id":1,"row_id":42,"table":"user"}}</pre>
 */
public record ClientInfo(String socketId, Identity identity, int dboId, String json) {

    public static ClientInfo of(String socketId, Identity identity, int dboId) {
        return new ClientInfo(socketId, identity, dboId, Json.write(describe(socketId, identity, dboId)));
    }

    public boolean anonymous() {
        return identity.anonymous();
    }

    /** The client object as a script value: what Xano-form triggers get as {@code $input.client}. */
    public Map<String, Object> value() {
        return describe(socketId, identity, dboId);
    }

    private static Map<String, Object> describe(String socketId, Identity identity, int dboId) {
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("socketId", socketId);
        Map<String, Object> permissions = new LinkedHashMap<>();
        if (identity.anonymous()) {
            client.put("extras", new LinkedHashMap<>());
            permissions.put("dbo_id", 0L);
            permissions.put("row_id", 0L);
        } else {
            client.put("extras", Values.copy(identity.extras()));
            permissions.put("dbo_id", (long) dboId);
            permissions.put("row_id", identity.id());
            permissions.put("table", identity.table());
        }
        client.put("permissions", permissions);
        return client;
    }
}
