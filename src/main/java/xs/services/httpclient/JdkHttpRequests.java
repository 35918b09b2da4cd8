package xs.services.httpclient;

import java.io.ByteArrayOutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import xs.interp.HttpRequests;

/**
 * {@code api.request} over java.net.http. Every exchange is bounded: the whole of it (connect,
 * redirects, body) by the call's timeout, the body by a size cap, redirects by a hop limit, so an
 * unreachable host, a huge body or a redirect loop ends in an error and never holds the caller.
 * <pre>api.request { url = "http://127.0.0.1:8080/ping" timeout = 5 } as $r</pre>
 */
public final class JdkHttpRequests implements HttpRequests {
    /** Bodies past this are refused: a script holds the whole body in memory. */
    public static final int DEFAULT_MAX_BODY = 32 * 1024 * 1024;
    static final int MAX_REDIRECTS = 10;
    /** Headers the JDK client sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final int maxBody;
    private final HttpClient verified;
    private final HttpClient peerOnly;
    private final HttpClient unverified;

    public JdkHttpRequests() {
        this(DEFAULT_MAX_BODY);
    }

    public JdkHttpRequests(int maxBody) {
        this.maxBody = maxBody;
        this.verified = client(Tls.verifying());
        this.peerOnly = client(Tls.peerOnly());
        this.unverified = client(Tls.trustingAll());
    }

    private static HttpClient client(javax.net.ssl.SSLContext tls) {
        // Redirects are followed here, not by the client, so the hop limit and the error are ours.
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).sslContext(tls)
            .connectTimeout(Duration.ofSeconds(30)).build();
    }

    @Override
    public Reply send(Call call) throws Failure {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(call.timeoutMillis());
        HttpClient client = !call.verifyPeer() ? unverified : call.verifyHost() ? verified : peerOnly;
        URI uri = uri(call.url());
        String method = call.method();
        byte[] body = call.body();
        for (int hop = 0; ; hop++) {
            HttpResponse<byte[]> response = exchange(client, uri, method, call.headers(), body, deadline);
            int status = response.statusCode();
            String location = response.headers().firstValue("location").orElse(null);
            if (!call.followLocation() || location == null || status < 300 || status > 399 || status == 304) {
                return new Reply(status, headerLines(response), response.body());
            }
            if (hop == MAX_REDIRECTS) {
                throw new Failure("more than " + MAX_REDIRECTS + " redirects (a redirect loop?)");
            }
            uri = uri.resolve(location.strip());
            if (status == 303 || ((status == 301 || status == 302) && !method.equals("HEAD"))) {
                method = "GET";
                body = null;
            }
        }
    }

    private HttpResponse<byte[]> exchange(HttpClient client, URI uri, String method, List<String[]> headers, byte[] body,
                                          long deadline) throws Failure {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new Failure("timed out");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofNanos(left))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        for (String[] h : headers) {
            if (!RESTRICTED.contains(h[0].toLowerCase(Locale.ROOT))) {
                try {
                    request.header(h[0], h[1]);
                } catch (IllegalArgumentException e) {
                    throw new Failure("the header \"" + h[0] + "\" is not a valid HTTP header");
                }
            }
        }
        CompletableFuture<HttpResponse<byte[]>> future;
        try {
            future = client.sendAsync(request.build(), info -> new CappedBody(maxBody));
        } catch (IllegalArgumentException e) {
            throw new Failure("the request is not valid: " + e.getMessage());
        }
        try {
            return future.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new Failure("timed out");
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new Failure("interrupted");
        } catch (ExecutionException e) {
            throw new Failure(describe(e.getCause()));
        }
    }

    private static URI uri(String url) throws Failure {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                throw new Failure("the URL must be an absolute http:// or https:// URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new Failure("the URL is not valid: " + e.getReason());
        }
    }

    private static String describe(Throwable cause) {
        Throwable t = cause;
        while (t.getCause() != null && t.getMessage() == null) {
            t = t.getCause();
        }
        if (t instanceof BodyTooLarge big) {
            return big.getMessage();
        }
        if (t instanceof HttpConnectTimeoutException) {
            return "timed out connecting";
        }
        if (t instanceof HttpTimeoutException) {
            return "timed out";
        }
        if (t instanceof ConnectException) {
            return "connection refused";
        }
        if (t instanceof UnknownHostException) {
            return "unknown host";
        }
        if (t instanceof SSLException) {
            return "TLS failed: " + t.getMessage();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** Xano's shape: the status line first, then one {@code "name: value"} line per header value. */
    private static List<String> headerLines(HttpResponse<?> response) {
        List<String> lines = new ArrayList<>();
        lines.add((response.version() == HttpClient.Version.HTTP_2 ? "HTTP/2 " : "HTTP/1.1 ") + response.statusCode());
        for (Map.Entry<String, List<String>> e : response.headers().map().entrySet()) {
            if (e.getKey().startsWith(":")) {
                continue;
            }
            for (String v : e.getValue()) {
                lines.add(e.getKey() + ": " + v);
            }
        }
        return lines;
    }

    /** A body read into memory that fails, and stops reading, once it passes the cap. */
    private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final int max;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        CappedBody(int max) {
            this.max = max;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            for (ByteBuffer b : items) {
                if (bytes.size() + b.remaining() > max) {
                    subscription.cancel();
                    result.completeExceptionally(new BodyTooLarge(max));
                    return;
                }
                byte[] chunk = new byte[b.remaining()];
                b.get(chunk);
                bytes.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }
    }

    private static final class BodyTooLarge extends Exception {
        BodyTooLarge(int max) {
            super("the response body is larger than " + (max >= 1024 * 1024 ? max / (1024 * 1024) + " MB"
                : max + " bytes"));
        }
    }
}
