package xs.realtime.redis;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import xs.interp.Identity;
import xs.interp.Json;
import xs.realtime.ClientInfo;

/**
 * One member of a channel as the presence hash in Redis keeps it: when it joined (a number
 * shared by the cluster, for join order), on which node, and its {@code client} object.
 * <pre>"17|Q2xwb3Rz|{"socketId":"q3…","extras":{},"permissions":{"dbo_id":0,"row_id":0}}"</pre>
 */
record StoredMember(long joinSeq, String node, ClientInfo client) {

    /** Reads a hash value; null when it is not of this format. */
    static StoredMember parse(byte[] value) {
        String text = new String(value, StandardCharsets.UTF_8);
        int a = text.indexOf('|');
        int b = a < 0 ? -1 : text.indexOf('|', a + 1);
        if (b < 0) {
            return null;
        }
        ClientInfo client = client(text.substring(b + 1));
        if (client == null) {
            return null;
        }
        try {
            return new StoredMember(Long.parseLong(text.substring(0, a)), text.substring(a + 1, b), client);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * Rebuilds a member of another node from its {@code client} object. Only the JSON travels in
     * frames; the identity is filled in as far as the object tells it, for what reads it here.
     */
    static ClientInfo client(String json) {
        Object value;
        try {
            value = Json.read(json);
        } catch (Json.Malformed e) {
            return null;
        }
        if (!(value instanceof Map<?, ?> object) || !(object.get("socketId") instanceof String socketId)) {
            return null;
        }
        Map<?, ?> permissions = object.get("permissions") instanceof Map<?, ?> p ? p : Map.of();
        Object row = permissions.get("row_id");
        int dbo = permissions.get("dbo_id") instanceof Number n ? n.intValue() : 0;
        Identity identity = Identity.ANONYMOUS;
        if (dbo != 0 && row != null) {
            @SuppressWarnings("unchecked")
            Map<String, Object> extras = object.get("extras") instanceof Map<?, ?> e ? (Map<String, Object>) e : Map.of();
            Object table = permissions.get("table");
            identity = new Identity(String.valueOf(row), table == null ? null : String.valueOf(table), extras);
        }
        return new ClientInfo(socketId, identity, dbo, json);
    }
}
