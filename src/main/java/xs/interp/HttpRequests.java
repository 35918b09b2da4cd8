package xs.interp;

import java.util.List;

/**
 * What {@code api.request} sends through: one HTTP exchange, bounded in time and size. The
 * interpreter owns this interface; {@code xs.services.httpclient} implements it.
 * <pre>api.request { url = "https://api.example.com/users" method = "GET" } as $r</pre>
 */
public interface HttpRequests {
    /** Sends the request and returns the final response (after redirects, when followed). */
    Reply send(Call call) throws Failure;

    /**
     * One request: headers in order as {@code [name, value]} pairs, a body or null.
     *
     * @param verifyPeer check the server's certificate chain
     * @param verifyHost check that the certificate names the host
     */
    record Call(String method, String url, List<String[]> headers, byte[] body, long timeoutMillis,
                boolean followLocation, boolean verifyPeer, boolean verifyHost) {
    }

    /** The response: status, header lines as {@code "name: value"}, the body. */
    record Reply(int status, List<String> headers, byte[] body) {
    }

    /** The exchange did not complete; the message says why and never repeats the request's secrets. */
    final class Failure extends Exception {
        public Failure(String message) {
            super(message);
        }
    }

    /** For runs without a configured client: every request fails saying so. */
    HttpRequests NONE = call -> {
        throw new Failure("no HTTP client is configured for this run");
    };
}
