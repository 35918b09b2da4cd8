package xs.interp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The HTTP request a query (or a function called over HTTP) runs for, as scripts see it:
 * the {@code $env} request variables, {@code util.get_raw_input}, and the headers
 * {@code util.set_header} adds to the answer.
 * <pre>util.set_header { value = "Content-Type: text/html" duplicates = "replace" }</pre>
 *
 * @param headers the request's headers by Title-Cased name ({@code $env.$http_headers})
 * @param rawInput the input as the client sent it (path, body and query string merged), after pre-middleware
 * @param sentInput the same before any middleware changed it ({@code exclude_middleware = true})
 * @param uploads the files uploaded with the request ({@code file} inputs)
 * @param delivery the client's end: {@code api.stream} and {@code util.post_process}; null for none
 */
public record WebRequest(String method, String uri, String querystring, Map<String, Object> headers,
                         String remoteIp, String authToken, String baseUrl, String datasource, String branch,
                         Map<String, Object> rawInput, Map<String, Object> sentInput, String rawBody, List<Header> responseHeaders,
                         Uploads uploads, Delivery delivery) {

    /** A response header set by {@code util.set_header}. */
    public record Header(String name, String value) {
    }

    public WebRequest {
        responseHeaders = responseHeaders == null ? new ArrayList<>() : responseHeaders;
        uploads = uploads == null ? Uploads.NONE : uploads;
    }

    /** The same request with other input (after pre-middleware), sharing the response headers. */
    public WebRequest withInput(Map<String, Object> input) {
        return new WebRequest(method, uri, querystring, headers, remoteIp, authToken, baseUrl, datasource, branch,
            input, sentInput, rawBody, responseHeaders, uploads, delivery);
    }

    /** The {@code $env} variables this request sets over the program's environment. */
    Map<String, Object> environment() {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("$remote_ip", remoteIp);
        env.put("$request_method", method);
        env.put("$request_uri", uri);
        env.put("$request_querystring", querystring);
        env.put("$http_headers", new LinkedHashMap<>(headers));
        env.put("$request_auth_token", authToken == null ? "" : authToken);
        env.put("$api_baseurl", baseUrl);
        env.put("$datasource", datasource);
        env.put("$branch", branch);
        return env;
    }

    /** Adds a header, replacing those of the same name unless {@code add}. */
    synchronized void setHeader(String name, String value, boolean add) {
        if (!add) {
            responseHeaders.removeIf(h -> h.name().equalsIgnoreCase(name));
        }
        responseHeaders.add(new Header(name, value));
    }

    /** The headers scripts have set so far. */
    public synchronized List<Header> headersSet() {
        return List.copyOf(responseHeaders);
    }

    /** The Content-Type a script set, lower-cased, or null. */
    public synchronized String contentType() {
        for (int i = responseHeaders.size() - 1; i >= 0; i--) {
            if (responseHeaders.get(i).name().equalsIgnoreCase("Content-Type")) {
                return responseHeaders.get(i).value().toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }

    /** {@code content-type} becomes {@code Content-Type}, as Xano shows request headers. */
    public static String titleCase(String name) {
        StringBuilder b = new StringBuilder(name.length());
        boolean upper = true;
        for (char c : name.toCharArray()) {
            b.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
            upper = c == '-';
        }
        return b.toString();
    }
}
