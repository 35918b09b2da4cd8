package xs.realtime.redis;

import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisConnectionStateListener;
import java.net.SocketAddress;
import java.util.function.Consumer;

/**
 * Whether this node is linked to the cluster: its command connection is up, its pub/sub
 * connection is subscribed again (only then does a publish come back to this node's members),
 * and Redis answers (a Redis that hangs keeps its sockets open; its commands time out). Lettuce
 * reports the connections from its I/O threads, the broker the answers; each change of the whole
 * is handed on once.
 * <pre>link.up()  →  false while Redis is down or hung: deliveries stay on this node</pre>
 */
final class RedisLink implements RedisConnectionStateListener {
    private final Object commands;
    private final Object pubsub;
    private final Consumer<Boolean> onChange;
    private boolean commandsUp = true;
    private boolean subscribed = true;
    private boolean answering = true;
    private volatile boolean up = true;

    /** Starts linked: both connections were just opened and subscribed. */
    RedisLink(Object commands, Object pubsub, Consumer<Boolean> onChange) {
        this.commands = commands;
        this.pubsub = pubsub;
        this.onChange = onChange;
    }

    boolean up() {
        return up;
    }

    /** Whether the link is down because Redis stopped answering, not because a connection dropped. */
    synchronized boolean hung() {
        return !answering && commandsUp && subscribed;
    }

    /** A command timed out: Redis is taken for lost until a command succeeds again. */
    void unanswered() {
        update(null, null, false);
    }

    /** A command succeeded. */
    void answered() {
        update(null, null, true);
    }

    @Override
    public void onRedisConnected(RedisChannelHandler<?, ?> connection, SocketAddress address) {
        if (connection == commands) {
            update(true, null, true); // a new connection to a Redis that accepted it
        }
    }

    @Override
    public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
        if (connection == commands) {
            update(false, null, null);
        } else if (connection == pubsub) {
            update(null, false, null);
        }
    }

    /** The pub/sub connection is subscribed (again, after a reconnection). */
    void subscribed() {
        update(null, true, null);
    }

    private void update(Boolean commandsNow, Boolean subscribedNow, Boolean answeringNow) {
        boolean changed;
        boolean now;
        synchronized (this) {
            if (commandsNow != null) {
                commandsUp = commandsNow;
            }
            if (subscribedNow != null) {
                subscribed = subscribedNow;
            }
            if (answeringNow != null) {
                answering = answeringNow;
            }
            now = commandsUp && subscribed && answering;
            changed = now != up;
            up = now;
        }
        if (changed) {
            onChange.accept(now);
        }
    }
}
