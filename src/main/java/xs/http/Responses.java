package xs.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import xs.interp.ErrorType;
import xs.interp.Json;
import xs.interp.XsError;

/**
 * JSON in and out for the HTTP endpoints: answers, Xano's error body, and a request body read
 * with a size limit.
 * <pre>Responses.error(exchange, 404, ErrorType.NOTFOUND, "no function named \"x\"")</pre>
 */
final class Responses {
    private Responses() {
    }

    /** A request body the endpoint cannot take: the status and message to answer with. */
    static final class BadBody extends Exception {
        final int status;

        BadBody(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    /** A body no {@link RequestBody} read ahead (a request that announced none). */
    private static byte[] readBlocking(HttpServerExchange exchange, long maxBytes) throws BadBody {
        exchange.startBlocking();
        try (InputStream in = exchange.getInputStream()) {
            return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        } catch (IOException e) {
            exchange.setPersistent(false);
            throw new BadBody(400, "the request body could not be read: " + e.getMessage());
        }
    }

    static void json(HttpServerExchange exchange, int status, Object body) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json; charset=utf-8");
        exchange.getResponseSender().send(Json.write(body), StandardCharsets.UTF_8);
    }

    /** Xano's error body {@code {code, message, payload}} with the type's code and this status. */
    static void error(HttpServerExchange exchange, int status, ErrorType type, String message) {
        json(exchange, status, new XsError(type, message, null, null, null).body());
    }

    /** The request body as JSON (an empty object when blank), refused above {@code maxBytes}. */
    static Object readJson(HttpServerExchange exchange, long maxBytes) throws BadBody {
        byte[] body = exchange.getAttachment(RequestBody.BYTES);
        if (body == null) {
            body = readBlocking(exchange, maxBytes);
        }
        if (body.length > maxBytes) {
            exchange.setPersistent(false);
            throw new BadBody(413, "the request body is larger than " + maxBytes + " bytes");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new BadBody(400, "the request body is not valid UTF-8 (JSON is UTF-8 text)");
        }
        if (text.isBlank()) {
            return new LinkedHashMap<String, Object>();
        }
        try {
            return Json.read(text);
        } catch (Json.Malformed e) {
            throw new BadBody(400, "the request body is not valid JSON: " + e.getMessage());
        }
    }
}
