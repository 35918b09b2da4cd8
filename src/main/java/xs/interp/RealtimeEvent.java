package xs.interp;

/**
 * What {@code api.realtime_event} sends: a channel, an optional event name, the data, and
 * optionally the sender identity Xano's form attaches ({@code auth_table}, {@code auth_id}).
 */
public record RealtimeEvent(String channel, String event, Object data, String authTable, Object authId) {
}
