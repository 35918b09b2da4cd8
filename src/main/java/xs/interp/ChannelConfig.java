package xs.interp;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * One {@code realtime_channel} declaration: a name pattern and its settings, with the defaults
 * of the realtime protocol (§4) for missing keys.
 * <pre>realtime_channel "room:*" { settings = { presence: true, message_history: 100 } }</pre>
 */
public record ChannelConfig(String pattern, String description, boolean active,
                            boolean publicMessaging, boolean publicAuth,
                            boolean privateMessaging, boolean privateAuth,
                            boolean anonymousClients, boolean nestedChannels, int messageHistory,
                            boolean authChannel, boolean presence) {

    /** Reads the attributes of a realtime_channel, already evaluated to values. */
    public static ChannelConfig of(String pattern, Map<String, Object> attributes) {
        Map<?, ?> pub = map(attributes.get("public_messaging"));
        Map<?, ?> priv = map(attributes.get("private_messaging"));
        Map<?, ?> settings = map(attributes.get("settings"));
        Object history = settings.get("message_history");
        Object n = Values.number(history);
        return new ChannelConfig(pattern,
            attributes.get("description") == null ? "" : Values.toText(attributes.get("description")),
            !attributes.containsKey("active") || Values.truthy(attributes.get("active")),
            messagingActive(pub), Values.truthy(pub.get("auth")),
            messagingActive(priv), Values.truthy(priv.get("auth")),
            Values.truthy(settings.get("anonymous_clients")),
            Values.truthy(settings.get("nested_channels")),
            n instanceof Long l ? (int) Math.max(0, Math.min(l, 1000)) : 0,
            Values.truthy(settings.get("auth_channel")),
            Values.truthy(settings.get("presence")));
    }

    /** Xano's exported {@code {auth: true}} means on with auth; {@code {active: false}} means off. */
    private static boolean messagingActive(Map<?, ?> m) {
        if (m.containsKey("active")) {
            return Values.truthy(m.get("active"));
        }
        return m.containsKey("auth");
    }

    private static Map<?, ?> map(Object v) {
        return v instanceof Map<?, ?> m ? m : Map.of();
    }

    /** The part of the pattern before its first {@code *}: longer wins when several match. */
    public int literalPrefix() {
        int star = pattern.indexOf('*');
        return star < 0 ? pattern.length() : star;
    }

    /** The regular expression for a pattern: {@code *} is any run of characters but {@code /}. */
    static Pattern regex(String pattern, boolean nested) {
        StringBuilder re = new StringBuilder();
        String[] parts = pattern.split("\\*", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                re.append("[^/]*");
            }
            re.append(Pattern.quote(parts[i]));
        }
        if (nested) {
            re.append("/.*");
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }
}
