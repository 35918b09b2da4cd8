package xs.realtime;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.xnio.StreamConnection;
import org.xnio.XnioIoThread;
import org.xnio.conduits.ConduitStreamSinkChannel;
import org.xnio.conduits.ConduitStreamSourceChannel;
import org.xnio.ssl.SslConnection;

/**
 * One client socket after the WebSocket handshake. Reading happens on its I/O thread: frames are
 * decoded and handed to the hub, nothing else. Writing goes through a bounded {@link Outbox} that
 * any thread may add to and that one writer at a time drains, copying many frames into one buffer
 * per system call: the I/O thread, or a channel's lane at the end of its turn ({@link WriteBatch}),
 * which writes a plain socket itself rather than wake the I/O thread for it. The outbox's bytes are
 * bounded (protocol §7): past the bound the connection is closed with 1013 rather than let one
 * slow reader hold memory for everyone.
 */
public final class Connection implements FrameDecoder.Handler {
    private static final int OPEN = 0;
    private static final int CLOSING = 1;
    private static final int CLOSED = 2;
    /** Bytes of frames handed to the socket per write call. */
    private static final int BATCH_BYTES = 64 * 1024;

    private static final VarHandle STATE;
    private static final VarHandle BACKLOG;
    private static final VarHandle WAKE;
    private static final VarHandle PENDING;
    private static final VarHandle RELEASED;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            STATE = l.findVarHandle(Connection.class, "state", int.class);
            BACKLOG = l.findVarHandle(Connection.class, "backlog", long.class);
            WAKE = l.findVarHandle(Connection.class, "wakePending", int.class);
            PENDING = l.findVarHandle(Connection.class, "pending", int.class);
            RELEASED = l.findVarHandle(Connection.class, "released", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The read buffer of each I/O thread: idle connections hold none. */
    private static final ThreadLocal<ByteBuffer> READ_BUFFER = new ThreadLocal<>();
    /** Where a writing thread gathers the frames of one write: writing allocates nothing, and the socket takes one buffer. */
    private static final ThreadLocal<ByteBuffer> WRITE_BUFFER =
        ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(BATCH_BYTES));

    private final Hub hub;
    private final StreamConnection stream;
    private final ClientInfo client;
    private final FrameDecoder decoder;
    private final Outbox outbox = new Outbox();
    private final Runnable drainTask = this::drain;
    private final JoinedChannels channels = new JoinedChannels();
    /** Held by whichever thread writes: the I/O thread, or a lane writing its batch directly. */
    private final Object writer = new Object();
    /** A plain socket may be written from a lane; a TLS engine is left to its I/O thread. */
    private final boolean directWrites;

    private volatile int state;
    private volatile long backlog;
    private volatile int wakePending;
    private volatile int pending;
    private volatile int released;
    private volatile boolean readsPaused;
    /** After a protocol failure the rest of the input is read and dropped, so the close frame is not lost to a reset. */
    private boolean discarding;
    private volatile long lastSeen = System.currentTimeMillis();
    private volatile ScheduledFuture<?> expiry;

    // Writer state: touched while holding the writer lock.
    /** What the writer is writing: the frames of one write, or the part of them the socket did not take yet. */
    private ByteBuffer writing;
    /** The backlog those frames count for, released once they are all written. */
    private int writingBytes;
    private boolean closeWritten;
    // Closing state: touched on the I/O thread only, which alone writes a closing connection.
    /** What a closing connection still writes: the close frame, after a last error frame when there is one. */
    private WireFrame[] lastFrames;
    private boolean peerClosed;

    Connection(Hub hub, StreamConnection stream, ClientInfo client) {
        this.hub = hub;
        this.stream = stream;
        this.client = client;
        this.decoder = new FrameDecoder(hub.config().maxMessageBytes());
        this.directWrites = !(stream instanceof SslConnection);
    }

    public ClientInfo client() {
        return client;
    }

    public boolean isOpen() {
        return state == OPEN;
    }

    JoinedChannels channels() {
        return channels;
    }

    void expireAt(ScheduledFuture<?> task) {
        this.expiry = task;
    }

    /** Starts reading; called once on the I/O thread right after the upgrade. */
    void start() {
        ConduitStreamSourceChannel source = stream.getSourceChannel();
        source.getReadSetter().set(ch -> onReadable());
        stream.getSinkChannel().getWriteSetter().set(ch -> {
            ch.suspendWrites();
            drain();
        });
        stream.getCloseSetter().set(ch -> lost());
        source.resumeReads();
    }

    // ---- reading (I/O thread) ----

    private void onReadable() {
        ConduitStreamSourceChannel source = stream.getSourceChannel();
        ByteBuffer buffer = readBuffer();
        try {
            if (discarding) {
                int n;
                do {
                    buffer.clear();
                    n = source.read(buffer);
                } while (n > 0);
                if (n < 0) {
                    terminate();
                }
                return;
            }
            for (int round = 0; round < 16; round++) {
                buffer.clear();
                decoder.prefix(buffer);
                int n = source.read(buffer);
                if (n < 0) {
                    lost();
                    return;
                }
                if (n == 0) {
                    return;
                }
                lastSeen = System.currentTimeMillis();
                buffer.flip();
                if (!decoder.feed(buffer, this)) {
                    if (!discarding) {
                        source.suspendReads();
                    }
                    return;
                }
                if (pending >= hub.config().maxPendingRequests()) {
                    pauseReads();
                    return;
                }
            }
        } catch (IOException e) {
            lost();
        }
    }

    private ByteBuffer readBuffer() {
        int size = FrameDecoder.bufferSize(hub.config().maxMessageBytes());
        ByteBuffer b = READ_BUFFER.get();
        if (b == null || b.capacity() < size) {
            b = ByteBuffer.allocateDirect(size);
            READ_BUFFER.set(b);
        }
        return b;
    }

    /**
     * Too many of this client's requests wait for the workers: stop reading its socket until
     * they drain, so a flood backs up into the flooder's TCP window instead of the hub's memory.
     */
    private void pauseReads() {
        readsPaused = true;
        stream.getSourceChannel().suspendReads();
        if (pending < hub.config().maxPendingRequests()) {
            resumeReads();
        }
    }

    private void resumeReads() {
        if (readsPaused && state != CLOSED) {
            readsPaused = false;
            stream.getSourceChannel().resumeReads();
        }
    }

    void requestStarted() {
        PENDING.getAndAdd(this, 1);
    }

    void requestDone() {
        int left = (int) PENDING.getAndAdd(this, -1) - 1;
        if (readsPaused && left < hub.config().maxPendingRequests()) {
            stream.getIoThread().execute(this::resumeReads);
        }
    }

    @Override
    public void text(byte[] message) {
        if (state == OPEN) {
            hub.received(this, message);
        }
    }

    @Override
    public void binary() {
        if (state == OPEN) {
            send(Frames.error(null, "bad_request", "binary frames are not accepted: send JSON text"));
        }
    }

    @Override
    public void ping(byte[] payload) {
        send(WireFrame.pong(payload));
    }

    @Override
    public void pong() {
        // lastSeen is already updated by the read
    }

    @Override
    public void close(int code) {
        if (state == OPEN) {
            // Answer with the client's own code: the SDK reconnects only when its 4000 comes back.
            beginClose(null, code == FrameDecoder.NO_STATUS ? WireFrame.emptyClose() : WireFrame.close(code), true);
        } else {
            terminate();
        }
    }

    @Override
    public void fail(int code, String why) {
        discarding = true;
        // Say why before closing: the SDK shows channel-less errors to every channel.
        WireFrame reason = Frames.error(null, code == 1009 ? "message_too_large" : "bad_request", why);
        beginClose(reason, WireFrame.close(code), false);
    }

    // ---- writing (any thread enqueues; the I/O thread or a lane writes) ----

    /** Queues a frame; never blocks. Past the backlog bound the connection is closed with 1013. */
    public void send(WireFrame frame) {
        if (state != OPEN) {
            return;
        }
        int size = frame.length();
        long total = (long) BACKLOG.getAndAdd(this, (long) size) + size;
        // The bound applies to what already waits, so one frame larger than it (a long history) still goes.
        if (total - size > hub.config().maxBacklogBytes()) {
            BACKLOG.getAndAdd(this, (long) -size);
            hub.stats().slowConsumerClosed();
            closeWith(1013);
            return;
        }
        outbox.add(frame);
        if (WAKE.compareAndSet(this, 0, 1) && !WriteBatch.defer(this)) {
            wake();
        }
    }

    /** Schedules the writer on this connection's I/O thread. */
    void wake() {
        stream.getIoThread().execute(drainTask);
    }

    XnioIoThread ioThread() {
        return stream.getIoThread();
    }

    /** Runs the writer; on this connection's I/O thread only. */
    void drainNow() {
        drain();
    }

    /** Whether a lane may write this connection itself ({@link #drainHere}) rather than wake its I/O thread. */
    boolean writesDirectly() {
        return directWrites;
    }

    /**
     * Writes the queued frames from the calling thread, a lane ending its turn, instead of waking
     * the I/O thread: one system call, no hand-off. What the socket does not take now is left to
     * the I/O thread, which is asked to write when the socket is writable again.
     */
    void drainHere() {
        if (!directWrites) {
            wake();
            return;
        }
        synchronized (writer) {
            write(true);
        }
    }

    long backlog() {
        return backlog;
    }

    /** Runs the writer on the I/O thread. */
    private void drain() {
        synchronized (writer) {
            write(false);
        }
    }

    /** Writes until the outbox is empty or the socket is full; {@code direct} when called by a lane. */
    private void write(boolean direct) {
        if (state == CLOSED || direct && state != OPEN) {
            return;
        }
        ConduitStreamSinkChannel sink = stream.getSinkChannel();
        try {
            while (writing != null || nextBatch(direct)) {
                sink.write(writing);
                if (writing.hasRemaining()) {
                    if (writing.isDirect()) {
                        // The thread's buffer serves its next write: keep the rest in one of the connection's own.
                        writing = ByteBuffer.allocate(writing.remaining()).put(writing).flip();
                    }
                    sink.resumeWrites();
                    return;
                }
                BACKLOG.getAndAdd(this, (long) -writingBytes);
                writing = null;
                writingBytes = 0;
                if (closeWritten) {
                    afterCloseWritten(sink);
                    return;
                }
            }
            if (!sink.flush()) {
                sink.resumeWrites();
            }
        } catch (IOException e) {
            lost();
        }
    }

    /** Takes the next frames to write; false when there is nothing, or when a lane meets a closing connection. */
    private boolean nextBatch(boolean direct) {
        if (state == CLOSING) {
            // The I/O thread writes the last frames and finishes the close (beginClose scheduled it).
            if (direct || lastFrames == null || closeWritten) {
                return false;
            }
            int size = 0;
            for (WireFrame f : lastFrames) {
                size += f.length();
            }
            ByteBuffer out = size <= BATCH_BYTES ? WRITE_BUFFER.get().clear() : ByteBuffer.allocate(size);
            for (WireFrame f : lastFrames) {
                out.put(f.bytes());
            }
            writing = out.flip();
            writingBytes = 0;
            closeWritten = true;
            return true;
        }
        WireFrame f = outbox.peek();
        if (f == null) {
            wakePending = 0;
            // A frame queued between the peek and the reset saw the flag still set and woke no one.
            f = outbox.peek();
            if (f == null) {
                return false;
            }
        }
        if (f.length() > BATCH_BYTES) {
            // A frame larger than the buffer (a long history) goes out from its own array; only the
            // writer takes frames, so the one the peek showed is still the oldest.
            outbox.pollIfFits(Integer.MAX_VALUE);
            writing = ByteBuffer.wrap(f.bytes());
            writingBytes = f.length();
            return true;
        }
        ByteBuffer out = WRITE_BUFFER.get().clear();
        int bytes = 0;
        while ((f = outbox.pollIfFits(out.remaining())) != null) {
            out.put(f.bytes());
            bytes += f.length();
        }
        writing = out.flip();
        writingBytes = bytes;
        return true;
    }

    // ---- closing ----

    /** Closes with a status code: 1009 too large, 1013 backlog, 4001 token expired, 1012 shutdown. */
    public void closeWith(int code) {
        beginClose(null, WireFrame.close(code), false);
    }

    private void beginClose(WireFrame lastWords, WireFrame close, boolean byPeer) {
        if (!STATE.compareAndSet(this, OPEN, CLOSING)) {
            return;
        }
        release();
        stream.getIoThread().execute(() -> {
            lastFrames = lastWords == null ? new WireFrame[] {close} : new WireFrame[] {lastWords, close};
            peerClosed = byPeer;
            long dropped;
            synchronized (writer) {
                // Taken with the lock: a lane still writing takes frames off this outbox too.
                dropped = outbox.clear();
            }
            BACKLOG.getAndAdd(this, -dropped);
            drain();
            // A reader that stopped reading never takes the close frame: give up after the grace period.
            stream.getIoThread().executeAfter(this::terminate, hub.config().closeGraceMillis(), TimeUnit.MILLISECONDS);
        });
    }

    private void afterCloseWritten(ConduitStreamSinkChannel sink) throws IOException {
        if (peerClosed) {
            sink.flush();
            terminate();
            return;
        }
        // Wait for the client's answering close frame (or its end of stream), then close.
        discarding = true;
        sink.shutdownWrites();
        if (!sink.flush()) {
            sink.resumeWrites();
        }
        stream.getSourceChannel().resumeReads();
    }

    /** The socket ended without a close handshake, or an I/O error broke it. */
    private void lost() {
        terminate();
    }

    private void terminate() {
        if ((int) STATE.getAndSet(this, CLOSED) == CLOSED) {
            return;
        }
        release();
        SocketCloser.close(stream);
        hub.closed(this);
    }

    /** Leaves every channel, once, as soon as the connection stops being usable. */
    private void release() {
        if (RELEASED.compareAndSet(this, 0, 1)) {
            ScheduledFuture<?> e = expiry;
            if (e != null) {
                e.cancel(false);
            }
            hub.released(this);
        }
    }

    /** Called by the hub's timer: ping a live connection, close a silent one. */
    void heartbeat(long now) {
        if (state != OPEN) {
            return;
        }
        if (now - lastSeen > hub.config().idleMillis()) {
            closeWith(1001);
        } else {
            send(WireFrame.EMPTY_PING);
        }
    }

    @Override
    public String toString() {
        return "connection " + client.socketId();
    }
}
