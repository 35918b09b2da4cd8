package xs.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import java.io.OutputStream;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Deque;
import xs.interp.ErrorType;
import xs.services.storage.FolderFileStore;

/**
 * {@code GET /vault/…}: the files {@code storage.*} saved. Public files are served to anyone;
 * private ones only with the {@code expires} and {@code signature} a {@code sign_private_url}
 * gave, until the expiry. Anything else is a 404, so a URL never tells whether a file exists.
 * <pre>storage.sign_private_url { pathname = $cv.path ttl = 300 } as $url</pre>
 */
final class VaultFiles implements HttpHandler {
    static final String PREFIX = FolderFileStore.PREFIX;

    private final FolderFileStore store;

    VaultFiles(FolderFileStore store) {
        this.store = store;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (exchange.isInIoThread()) {
            exchange.dispatch(this);
            return;
        }
        if (!exchange.getRequestMethod().equals(Methods.GET) && !exchange.getRequestMethod().equals(Methods.HEAD)) {
            Responses.error(exchange, 405, ErrorType.BADREQUEST, "files are read with GET");
            return;
        }
        Path file = store == null ? null
            : store.open(exchange.getRequestPath(), first(exchange, "expires"), first(exchange, "signature"));
        if (file == null) {
            Responses.error(exchange, 404, ErrorType.NOTFOUND, "no file here, or its signed URL has expired");
            return;
        }
        String type = URLConnection.guessContentTypeFromName(file.getFileName().toString());
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, type == null ? "application/octet-stream" : type);
        exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, Files.size(file));
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "private, no-store");
        exchange.startBlocking();
        if (exchange.getRequestMethod().equals(Methods.GET)) {
            try (OutputStream out = exchange.getOutputStream()) {
                Files.copy(file, out);
            }
        }
        exchange.endExchange();
    }

    private static String first(HttpServerExchange exchange, String name) {
        Deque<String> values = exchange.getQueryParameters().get(name);
        return values == null || values.isEmpty() ? null : values.peekFirst();
    }
}
