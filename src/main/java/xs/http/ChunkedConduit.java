package xs.http;

import io.undertow.conduits.ReadDataStreamSourceConduit;
import io.undertow.server.Connectors;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.protocol.http.HttpServerConnection;
import io.undertow.util.AttachmentKey;
import io.undertow.util.ImmediatePooledByteBuffer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import org.xnio.IoUtils;
import org.xnio.channels.StreamSinkChannel;
import org.xnio.conduits.AbstractStreamSourceConduit;
import org.xnio.conduits.ConduitReadableByteChannel;
import org.xnio.conduits.StreamSourceConduit;

/**
 * A chunked request body as the request's readers see it, decoded by {@link ChunkedDecoder} in
 * place of Undertow's decoder, which closes the connection itself on a chunk it cannot read (no
 * answer possible) and skips bytes after a chunk's data. Here a malformed body is an
 * {@link ChunkedDecoder.Malformed} thrown to the reader with the connection still open, so the
 * reader answers 400 (or 413) and the connection closes after that answer. Bytes read past the
 * body's end (a pipelined request) are handed back to the connection.
 * <pre>ChunkedConduit.install(exchange, 16 << 20);   // before anything reads the body</pre>
 */
final class ChunkedConduit extends AbstractStreamSourceConduit<StreamSourceConduit> {
    /** The request's conduit, for {@link RequestBody}'s stall timer. */
    static final AttachmentKey<ChunkedConduit> KEY = AttachmentKey.create(ChunkedConduit.class);

    private final HttpServerExchange exchange;
    private final HttpServerConnection connection;
    private final ChunkedDecoder decoder;
    /** Raw bytes read from the connection and not yet decoded (read mode). */
    private final ByteBuffer raw = ByteBuffer.allocate(8 * 1024).flip();
    private ChunkedDecoder.Malformed failure;
    private boolean ended;
    /** {@link System#nanoTime()} when bytes of the body last came, data or framing. */
    private volatile long lastArrival = System.nanoTime();

    private ChunkedConduit(StreamSourceConduit next, HttpServerExchange exchange, HttpServerConnection connection,
                           long maxBytes) {
        super(next);
        this.exchange = exchange;
        this.connection = connection;
        this.decoder = new ChunkedDecoder(maxBytes);
    }

    /**
     * Replaces Undertow's chunk decoder on this HTTP/1.1 request; reads the connection's bytes as
     * Undertow's own conduit does (those it buffered past the headers first).
     */
    static void install(HttpServerExchange exchange, long maxBytes) {
        if (exchange.getConnection() instanceof HttpServerConnection connection) {
            StreamSourceConduit bytes = new ReadDataStreamSourceConduit(connection.getOriginalSourceConduit(), connection);
            ChunkedConduit conduit = new ChunkedConduit(bytes, exchange, connection, maxBytes);
            connection.getChannel().getSourceChannel().setConduit(conduit);
            exchange.putAttachment(KEY, conduit);
        }
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        if (failure != null) {
            throw failure;
        }
        int copied = 0;
        try {
            while (true) {
                if (raw.hasRemaining()) {
                    copied += decoder.decode(raw, dst);
                }
                if (decoder.done()) {
                    handBackTheRest();
                    return copied > 0 ? copied : end();
                }
                if (raw.hasRemaining() || !dst.hasRemaining()) {
                    return copied;
                }
                raw.clear();
                int n = next.read(raw);
                raw.flip();
                if (n < 0) {
                    throw new ChunkedDecoder.Malformed(400, "malformed chunked body: the connection ended before "
                        + "its last chunk");
                }
                if (n == 0) {
                    return copied;
                }
                lastArrival = System.nanoTime();
            }
        } catch (ChunkedDecoder.Malformed e) {
            failure = e;
            raw.clear().flip();
            // The rest of the connection's bytes cannot be trusted: it closes after the answer, and
            // the request counts as read, so ending the exchange does not try to drain it.
            exchange.setPersistent(false);
            end();
            throw e;
        }
    }

    /** When bytes of the body last arrived: a size line or trailer that trickles in is not a stall. */
    long lastArrival() {
        return lastArrival;
    }

    @Override
    public long read(ByteBuffer[] dsts, int offs, int len) throws IOException {
        for (int i = offs; i < offs + len; i++) {
            if (dsts[i].hasRemaining()) {
                return read(dsts[i]);
            }
        }
        return 0;
    }

    @Override
    public long transferTo(long position, long count, FileChannel target) throws IOException {
        return target.transferFrom(new ConduitReadableByteChannel(this), position, count);
    }

    @Override
    public long transferTo(long count, ByteBuffer throughBuffer, StreamSinkChannel target) throws IOException {
        return IoUtils.transfer(new ConduitReadableByteChannel(this), count, throughBuffer, target);
    }

    @Override
    public void terminateReads() throws IOException {
        if (!decoder.done()) {
            exchange.setPersistent(false);
        }
        next.terminateReads();
    }

    /** Bytes after the body belong to the next request: back to the connection, which reads them first. */
    private void handBackTheRest() {
        if (raw.hasRemaining()) {
            byte[] rest = new byte[raw.remaining()];
            raw.get(rest);
            connection.ungetRequestBytes(new ImmediatePooledByteBuffer(ByteBuffer.wrap(rest)));
        }
    }

    private int end() {
        if (!ended) {
            ended = true;
            Connectors.terminateRequest(exchange);
        }
        return -1;
    }
}
