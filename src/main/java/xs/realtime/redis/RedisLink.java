package xs.realtime.redis;

import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisConnectionStateListener;
import java.net.SocketAddress;
import java.util.function.Consumer;

/**
 * Whether this node is linked to the cluster: its command connection is up and its pub/sub
 * connection is subscribed again (only then does a publish come back to this node's members).
 * Lettuce reports both from its I/O threads; each change of the whole is handed on once.
 * <pre>link.up()  →  false while Redis is down: deliveries stay on this node</pre>
 */
final class RedisLink implements RedisConnectionStateListener {
    private final Object commands;
    private final Object pubsub;
    private final Consumer<Boolean> onChange;
    private boolean commandsUp = true;
    private boolean subscribed = true;
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

    @Override
    public void onRedisConnected(RedisChannelHandler<?, ?> connection, SocketAddress address) {
        if (connection == commands) {
            update(true, null);
        }
    }

    @Override
    public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
        if (connection == commands) {
            update(false, null);
        } else if (connection == pubsub) {
            update(null, false);
        }
    }

    /** The pub/sub connection is subscribed (again, after a reconnection). */
    void subscribed() {
        update(null, true);
    }

    private void update(Boolean commandsNow, Boolean subscribedNow) {
        boolean changed;
        boolean now;
        synchronized (this) {
            if (commandsNow != null) {
                commandsUp = commandsNow;
            }
            if (subscribedNow != null) {
                subscribed = subscribedNow;
            }
            now = commandsUp && subscribed;
            changed = now != up;
            up = now;
        }
        if (changed) {
            onChange.accept(now);
        }
    }
}
