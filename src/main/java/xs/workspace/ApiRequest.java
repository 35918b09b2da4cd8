package xs.workspace;

import java.util.List;
import java.util.Map;
import xs.interp.Uploads;

/**
 * A request to a workspace's API, already taken apart by the HTTP layer (or made up by
 * {@code api.call}): where it goes, what it sends, and what {@code $env} shows of it.
 * <pre>GET /api:Ab12Cd34:v1/stage/7?full=1  →  canonical "Ab12Cd34", branch "v1", segments ["stage", "7"]</pre>
 *
 * @param branch the URL's {@code :BRANCH} or the {@code X-Branch} header; null for the workspace's own
 * @param body the decoded body (JSON object or form fields), null when there is none
 * @param rawBody the body as text, for {@code util.get_raw_input} with another encoding than json
 * @param headers request headers by Title-Cased name
 * @param uploads the files of its {@code file} inputs, readable while it runs
 */
public record ApiRequest(String canonical, String branch, String verb, List<String> segments,
                         Map<String, Object> query, Map<String, Object> body, String rawBody,
                         Map<String, Object> headers, String remoteIp, String uri, String querystring,
                         String baseUrl, Uploads uploads) {

    /** The value of a header (names compared without case), or null. */
    public String header(String name) {
        for (Map.Entry<String, Object> h : headers.entrySet()) {
            if (h.getKey().equalsIgnoreCase(name)) {
                return h.getValue() == null ? null : String.valueOf(h.getValue());
            }
        }
        return null;
    }
}
