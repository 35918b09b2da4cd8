package xs.realtime;

/**
 * The hub's limits and timings (protocol §7). The defaults are the protocol's; tests shrink them
 * to see a 1009, a 1013 or an idle close within milliseconds.
 * <pre>HubConfig.defaults().withMaxBacklogBytes(64 * 1024)</pre>
 *
 * @param maxMessageBytes largest inbound message (all fragments together); larger closes with 1009
 * @param maxBacklogBytes outbound bytes a connection may have waiting; past it the connection closes with 1013
 * @param pingMillis      how often every connection is pinged
 * @param idleMillis      a connection that sent nothing (not even a pong) for this long is closed
 * @param closeGraceMillis how long a closing connection may take to flush its close frame and answer it
 * @param maxPendingRequests requests of one connection that may wait for the workers before its reads pause
 * @param workerThreads   threads that run channel work (triggers, fan-out)
 */
public record HubConfig(int maxMessageBytes, long maxBacklogBytes, long pingMillis, long idleMillis,
                        long closeGraceMillis, int maxPendingRequests, int workerThreads) {

    public static HubConfig defaults() {
        return new HubConfig(64 * 1024, 1024 * 1024, 25_000, 60_000, 2_000, 64,
            Math.max(8, 4 * Runtime.getRuntime().availableProcessors()));
    }

    public HubConfig withMaxMessageBytes(int bytes) {
        return new HubConfig(bytes, maxBacklogBytes, pingMillis, idleMillis, closeGraceMillis, maxPendingRequests,
            workerThreads);
    }

    public HubConfig withMaxBacklogBytes(long bytes) {
        return new HubConfig(maxMessageBytes, bytes, pingMillis, idleMillis, closeGraceMillis, maxPendingRequests,
            workerThreads);
    }

    public HubConfig withLiveness(long ping, long idle) {
        return new HubConfig(maxMessageBytes, maxBacklogBytes, ping, idle, closeGraceMillis, maxPendingRequests,
            workerThreads);
    }
}
