package xs.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The chunked decoder alone: any split of the input and any size of output gives the same body. */
class ChunkedDecoderTest {
    static final String BODY = "4;a=\"x;y\"\r\nWiki\r\n6\r\npedia \r\nE\r\nin \r\n\r\nchunks.\r\n0\r\nX-T: 1\r\n\r\nNEXT";

    /** Feeds {@code in} in pieces of {@code step} bytes into an output of {@code room} bytes at a time. */
    static String decode(String in, int step, int room, StringBuilder rest) throws ChunkedDecoder.Malformed {
        ChunkedDecoder d = new ChunkedDecoder(1000);
        byte[] bytes = in.getBytes(StandardCharsets.ISO_8859_1);
        StringBuilder out = new StringBuilder();
        for (int at = 0; at < bytes.length && !d.done(); at += step) {
            ByteBuffer piece = ByteBuffer.wrap(bytes, at, Math.min(step, bytes.length - at));
            while (piece.hasRemaining() && !d.done()) {
                ByteBuffer o = ByteBuffer.allocate(room);
                d.decode(piece, o);
                out.append(new String(o.array(), 0, o.position(), StandardCharsets.ISO_8859_1));
            }
            if (d.done()) {
                rest.append(new String(bytes, piece.position(), bytes.length - piece.position(), StandardCharsets.ISO_8859_1));
            }
        }
        assertTrue(d.done(), "the body ends");
        assertEquals(out.length(), d.received());
        return out.toString();
    }

    @Test
    void everySplitAndOutputSizeGivesTheSameBody() throws Exception {
        for (int step = 1; step <= BODY.length(); step++) {
            for (int room : new int[] {1, 2, 3, 7, 100}) {
                StringBuilder rest = new StringBuilder();
                assertEquals("Wikipedia in \r\n\r\nchunks.", decode(BODY, step, room, rest), "step " + step);
                assertEquals("NEXT", rest.toString(), "the bytes after the body stay unread");
            }
        }
    }

    @Test
    void aBodyAtTheLimitIsReadAndOneByteMoreIs413() throws Exception {
        ChunkedDecoder d = new ChunkedDecoder(4);
        d.decode(ByteBuffer.wrap("4\r\nabcd\r\n".getBytes(StandardCharsets.US_ASCII)), ByteBuffer.allocate(10));
        assertFalse(d.done());
        ChunkedDecoder.Malformed e = assertThrows(ChunkedDecoder.Malformed.class,
            () -> d.decode(ByteBuffer.wrap("1\r\n".getBytes(StandardCharsets.US_ASCII)), ByteBuffer.allocate(10)));
        assertEquals(413, e.status);
    }
}
