package xs.workspace;

import java.util.List;
import xs.interp.ErrorType;
import xs.interp.WebRequest;
import xs.interp.XsError;

/**
 * What the API answers a request: a status, the body (the query's response, or Xano's error
 * body) and the headers scripts set with {@code util.set_header}.
 * <pre>new Answer(200, Map.of("id", 7), List.of())</pre>
 */
public record Answer(int status, Object body, List<WebRequest.Header> headers) {
    /** Xano's answer to a URL nothing serves. */
    public static final String NOT_FOUND = "Unable to locate request.";

    public Answer {
        headers = List.copyOf(headers);
    }

    public static Answer error(XsError e) {
        return new Answer(e.type().status(), e.body(), List.of());
    }

    public static Answer error(ErrorType type, String message) {
        return error(new XsError(type, message, null, null, null));
    }

    public static Answer notFound() {
        return error(ErrorType.NOTFOUND, NOT_FOUND);
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    /** The Content-Type a script set, or null for JSON. */
    public String contentType() {
        for (int i = headers.size() - 1; i >= 0; i--) {
            if (headers.get(i).name().equalsIgnoreCase("Content-Type")) {
                return headers.get(i).value();
            }
        }
        return null;
    }
}
