package xs.http;

import io.undertow.conduits.ReadDataStreamSourceConduit;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.ServerConnection;
import io.undertow.server.protocol.http.HttpOpenListener;
import java.lang.reflect.Field;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.xnio.ChannelListener;
import org.xnio.StreamConnection;

/**
 * Lets a socket that left HTTP for WebSocket drop Undertow's HTTP state. Undertow keeps each
 * upgraded socket's HTTP connection (its request parser and header cache, the response conduit,
 * the timeout updater: about 1.3 KB of live heap per socket) for as long as the socket stays open,
 * reachable two ways: XNIO 3.8 merges a socket's close listeners instead of replacing them, so
 * the HTTP connection's own close listener stays on the socket, and the open listener keeps every
 * HTTP connection in a set until it closes. Neither has a public way out, so both references are
 * dropped through their fields. What those close listeners would have done at the close is
 * nothing for an upgraded socket: the exchange has ended, its response buffer is back in the
 * pool, statistics are off. When a field is not found (another Undertow or XNIO), nothing is
 * detached and the socket works as before, holding the extra bytes.
 * <pre>exchange.upgradeChannel("websocket", (stream, ex) -> { UpgradedSockets.detach(ex, stream); … });</pre>
 */
public final class UpgradedSockets {
    private static final Field OPEN_CONNECTIONS = field(HttpOpenListener.class, "connections");
    private static final Field CLOSE_LISTENER = field(StreamConnection.class, "closeListener");
    /** The connection sets of the running listeners: a test may run several servers in one JVM. */
    private static final CopyOnWriteArrayList<Set<?>> OPEN_SETS = new CopyOnWriteArrayList<>();

    private UpgradedSockets() {
    }

    private static Field field(Class<?> owner, String name) {
        try {
            Field f = owner.getDeclaredField(name);
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** Whether this Undertow and XNIO have the fields {@link #detach} needs. */
    static boolean supported() {
        return OPEN_CONNECTIONS != null && CLOSE_LISTENER != null;
    }

    static void track(HttpOpenListener open) {
        Set<?> set = connections(open);
        if (set != null) {
            OPEN_SETS.add(set);
        }
    }

    static void untrack(HttpOpenListener open) {
        OPEN_SETS.remove(connections(open));
    }

    /** HTTP connections the listener still holds: the open ones that were not upgraded. */
    static int held(HttpOpenListener open) {
        Set<?> set = connections(open);
        return set == null ? -1 : set.size();
    }

    private static Set<?> connections(HttpOpenListener open) {
        try {
            return OPEN_CONNECTIONS == null ? null : (Set<?>) OPEN_CONNECTIONS.get(open);
        } catch (IllegalAccessException e) {
            return null;
        }
    }

    /**
     * Drops the HTTP connection behind a just-upgraded socket; call it first thing in the upgrade
     * listener, before the new owner sets its own close listener. A socket whose client sent bytes
     * right behind the handshake keeps its HTTP connection: those bytes are read through it.
     */
    public static void detach(HttpServerExchange exchange, StreamConnection stream) {
        if (!supported() || stream.getSourceChannel().getConduit() instanceof ReadDataStreamSourceConduit) {
            return;
        }
        ServerConnection http = exchange.getConnection();
        try {
            @SuppressWarnings("unchecked")
            AtomicReference<ChannelListener<? super StreamConnection>> listener =
                (AtomicReference<ChannelListener<? super StreamConnection>>) CLOSE_LISTENER.get(stream);
            ChannelListener<? super StreamConnection> current = listener.get();
            // Already closed: XNIO marks that with its own listener, which must stay.
            if (current == null || current.getClass().getName().startsWith("io.undertow.")) {
                listener.compareAndSet(current, null);
            }
        } catch (IllegalAccessException | ClassCastException e) {
            return;
        }
        for (Set<?> set : OPEN_SETS) {
            set.remove(http);
        }
    }
}
