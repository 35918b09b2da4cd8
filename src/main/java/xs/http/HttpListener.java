package xs.http;

import io.undertow.UndertowOptions;
import io.undertow.protocols.ssl.UndertowXnioSsl;
import io.undertow.server.DefaultByteBufferPool;
import io.undertow.server.HttpHandler;
import io.undertow.server.protocol.http.HttpOpenListener;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import org.xnio.ChannelListener;
import org.xnio.ChannelListeners;
import org.xnio.IoUtils;
import org.xnio.OptionMap;
import org.xnio.Options;
import org.xnio.StreamConnection;
import org.xnio.Xnio;
import org.xnio.XnioWorker;
import org.xnio.channels.AcceptingChannel;
import org.xnio.conduits.AbstractStreamSourceConduit;
import org.xnio.conduits.StreamSourceConduit;
import xs.realtime.SocketCloser;

/**
 * The listening socket of {@code xs serve}: Undertow's HTTP/1.1 protocol on an XNIO worker, set
 * up as {@code Undertow.start()} does, with one difference: every accepted connection reads
 * through {@link CloseElsewhere}, so a connection the peer ended or reset is closed on the
 * {@link SocketCloser}'s thread, not on the I/O thread (where XNIO pays a selectNow per close:
 * 15,000 keep-alive connections reset together stalled every other client for seconds); and
 * every connection writes through a {@link WriteTimeout}, so a client that stops reading cannot
 * hold a worker or the connection for good.
 * <pre>HttpListener l = HttpListener.start("127.0.0.1", 0, null, options, handler, 60_000, log::println);</pre>
 */
final class HttpListener implements AutoCloseable {
    private final XnioWorker worker;
    private final AcceptingChannel<? extends StreamConnection> server;
    private final HttpOpenListener open;

    private HttpListener(XnioWorker worker, AcceptingChannel<? extends StreamConnection> server, HttpOpenListener open) {
        this.worker = worker;
        this.server = server;
        this.open = open;
    }

    /**
     * Listens; throws {@link IllegalStateException} with the cause when the address cannot be bound.
     *
     * @param writeTimeoutMillis how long a response's bytes may wait for a client that takes none
     *                           before its connection is closed ({@link WriteTimeout}; 0: never)
     * @param log                where that closing is reported, one line each
     */
    static HttpListener start(String host, int port, SSLContext tls, OptionMap serverOptions, HttpHandler root,
                              long writeTimeoutMillis, Consumer<String> log) {
        int ioThreads = Math.max(Runtime.getRuntime().availableProcessors(), 2);
        Xnio xnio = Xnio.getInstance(HttpListener.class.getClassLoader());
        XnioWorker worker;
        try {
            worker = xnio.createWorker(OptionMap.builder()
                .set(Options.WORKER_IO_THREADS, ioThreads)
                .set(Options.CONNECTION_HIGH_WATER, 1_000_000)
                .set(Options.CONNECTION_LOW_WATER, 1_000_000)
                .set(Options.WORKER_TASK_CORE_THREADS, ioThreads * 8)
                .set(Options.WORKER_TASK_MAX_THREADS, ioThreads * 8)
                .set(Options.TCP_NODELAY, true)
                .set(Options.CORK, true)
                .getMap());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        OptionMap socketOptions = OptionMap.builder()
            .set(Options.WORKER_IO_THREADS, ioThreads)
            .set(Options.TCP_NODELAY, true)
            .set(Options.REUSE_ADDRESSES, true)
            .set(Options.BALANCING_TOKENS, 1)
            .set(Options.BALANCING_CONNECTIONS, 2)
            .set(Options.BACKLOG, 1000)
            .getMap();
        OptionMap options = OptionMap.builder().set(UndertowOptions.BUFFER_PIPELINED_DATA, false)
            .addAll(serverOptions).getMap();
        HttpOpenListener open = new HttpOpenListener(new DefaultByteBufferPool(true, 16 * 1024 - 20, -1, 4), options);
        open.setRootHandler(root);
        UpgradedSockets.track(open);
        ChannelListener<StreamConnection> wrapped = connection -> {
            connection.getSourceChannel().setConduit(new CloseElsewhere(connection.getSourceChannel().getConduit(),
                connection));
            if (writeTimeoutMillis > 0) {
                connection.getSinkChannel().setConduit(new WriteTimeout(connection.getSinkChannel().getConduit(),
                    connection, writeTimeoutMillis, log));
            }
            open.handleEvent(connection);
        };
        try {
            InetSocketAddress address = new InetSocketAddress(InetAddress.getByName(host), port);
            AcceptingChannel<? extends StreamConnection> server;
            if (tls == null) {
                server = worker.createStreamConnectionServer(address, ChannelListeners.openListenerAdapter(wrapped),
                    socketOptions);
            } else {
                UndertowXnioSsl ssl = new UndertowXnioSsl(xnio, OptionMap.create(Options.USE_DIRECT_BUFFERS, true), tls);
                server = ssl.createSslConnectionServer(worker, address, ChannelListeners.openListenerAdapter(wrapped),
                    socketOptions);
            }
            server.resumeAccepts();
            return new HttpListener(worker, server, open);
        } catch (IOException e) {
            UpgradedSockets.untrack(open);
            worker.shutdownNow();
            throw new IllegalStateException(e);
        }
    }

    InetSocketAddress address() {
        return server.getLocalAddress(InetSocketAddress.class);
    }

    /** HTTP connections Undertow holds: the open ones that did not become WebSockets. */
    int heldHttpConnections() {
        return UpgradedSockets.held(open);
    }

    @Override
    public void close() {
        UpgradedSockets.untrack(open);
        IoUtils.safeClose(server);
        worker.shutdownNow();
        try {
            worker.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Reads of one connection: at the end of its stream, or on a reset, the connection is handed
     * to the {@link SocketCloser} and the reader sees "nothing yet" (reads stop); the close
     * listeners (Undertow's, a WebSocket's) then run when the closer has closed it.
     */
    static final class CloseElsewhere extends AbstractStreamSourceConduit<StreamSourceConduit> {
        private final StreamConnection connection;
        private boolean ended;

        CloseElsewhere(StreamSourceConduit next, StreamConnection connection) {
            super(next);
            this.connection = connection;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            if (ended) {
                return 0;
            }
            try {
                int n = next.read(dst);
                return n < 0 ? end() : n;
            } catch (IOException e) {
                return end();
            }
        }

        @Override
        public long read(ByteBuffer[] dsts, int offs, int len) throws IOException {
            if (ended) {
                return 0;
            }
            try {
                long n = next.read(dsts, offs, len);
                return n < 0 ? end() : n;
            } catch (IOException e) {
                return end();
            }
        }

        @Override
        public void resumeReads() {
            if (!ended) {
                next.resumeReads();
            }
        }

        @Override
        public void wakeupReads() {
            if (!ended) {
                next.wakeupReads();
            }
        }

        private int end() {
            ended = true;
            next.suspendReads();
            SocketCloser.close(connection);
            return 0;
        }
    }
}
