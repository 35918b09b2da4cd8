package xs.realtime.redis;

/**
 * The names a cluster of {@code xs serve} nodes uses in Redis. Keys live in the database the
 * {@code --broker} URL selects; pub/sub is not scoped to a database in Redis, so the pub/sub
 * channel carries the database number and two clusters on two databases of one Redis stay apart.
 * <pre>xs:history:room:1   xs:presence:room:1   xs:alive:Q2x…   xs:rt:0</pre>
 */
final class RedisKeys {
    /** Set of the ids of the nodes that have registered (alive or not yet reaped). */
    static final String NODES = "xs:nodes";
    /** Counter that orders joins across nodes (presence lists members in join order). */
    static final String JOIN_SEQUENCE = "xs:join-seq";
    static final String PRESENCE_PREFIX = "xs:presence:";

    private RedisKeys() {
    }

    /** The one pub/sub channel every delivery of the cluster crosses. */
    static String deliveries(int database) {
        return "xs:rt:" + database;
    }

    /** A channel's history: a list of stored frames, oldest first, trimmed to message_history. */
    static String history(String channel) {
        return "xs:history:" + channel;
    }

    /** A channel's members on every node: a hash socketId → "joinSeq|node|client json". */
    static String presence(String channel) {
        return PRESENCE_PREFIX + channel;
    }

    /** The channels where a node has members: what to clean when it dies. */
    static String nodeChannels(String node) {
        return "xs:node-channels:" + node;
    }

    /**
     * Set for an hour when a node is reaped: if that node was only stalled, not dead, it finds the
     * key when it registers again and announces its members anew.
     */
    static String reaped(String node) {
        return "xs:reaped:" + node;
    }

    /** A node's heartbeat: a key that expires unless the node keeps renewing it. */
    static String alive(String node) {
        return "xs:alive:" + node;
    }

    /** The claim of one occurrence of a scheduled task: the node that sets it first runs the occurrence. */
    static String taskLease(String task, long occurrence) {
        return "xs:task:" + task + ":" + occurrence;
    }
}
