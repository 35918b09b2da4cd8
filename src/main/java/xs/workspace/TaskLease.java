package xs.workspace;

/**
 * Who runs an occurrence of a task when several {@code xs serve} nodes share a broker: the node
 * that claims it first. A single node claims every occurrence.
 * <pre>TaskLease lease = (task, occurrence, holdMillis) -> redis.claim("task:" + task + ":" + occurrence, holdMillis);</pre>
 */
@FunctionalInterface
public interface TaskLease {
    /** Every occurrence is this node's: the lease of a server that runs alone. */
    TaskLease ALONE = (task, occurrence, holdMillis) -> true;

    /**
     * Claims one occurrence; true for exactly one caller across the nodes.
     *
     * @param holdMillis how long the claim must outlive the occurrence so late nodes still see it
     */
    boolean claim(String task, long occurrence, long holdMillis);
}
