package xs.interp;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import xs.ast.GenericStmt;
import xs.source.Span;

/**
 * {@code api.request}: an HTTP request through the run's {@link HttpRequests}. A non-2xx answer
 * is a result like any other (scripts check {@code response.status}); only a request that does
 * not complete is an error, and its message names the URL without its query string or user info.
 * <pre>api.request { url = "https://api.example.com/users" method = "POST" params = {name: "Ada"} } as $r</pre>
 */
final class RequestStatements {
    /** Xano's default timeout, in seconds. */
    static final long DEFAULT_TIMEOUT_SECONDS = 10;
    /** Client-certificate attributes of the real statement, which xs does not send. */
    private static final Set<String> CERTIFICATES = Set.of("ca_certificate", "certificate", "certificate_pass",
        "private_key", "private_key_pass");

    private RequestStatements() {
    }

    static void register(StatementRegistry r) {
        Set<String> attributes = new java.util.HashSet<>(Set.of("url", "method", "params", "headers", "timeout",
            "follow_location", "verify_host", "verify_peer"));
        attributes.addAll(CERTIFICATES);
        r.add("api.request", attributes, Set.of("url"), RequestStatements::request);
    }

    private static Exec request(GenericStmt s, Compilation c) {
        Eval url = c.required(s, "url");
        Eval method = c.attr(s, "method", "GET");
        Eval params = c.attr(s, "params", null);
        Eval headers = c.attr(s, "headers", null);
        Eval timeout = c.attr(s, "timeout", DEFAULT_TIMEOUT_SECONDS);
        Eval follow = c.attr(s, "follow_location", true);
        Eval verifyHost = c.attr(s, "verify_host", true);
        Eval verifyPeer = c.attr(s, "verify_peer", true);
        List<Eval> certificates = CERTIFICATES.stream().map(k -> c.attr(s, k)).filter(e -> e != null).toList();
        Target target = c.as(s);
        Span span = s.span();
        return f -> {
            for (Eval e : certificates) {
                if (!Values.isEmpty(e.eval(f))) {
                    throw XsError.runtime(span, "api.request: client certificates are not supported by xs");
                }
            }
            Object u = url.eval(f);
            if (!(u instanceof String address) || address.isBlank()) {
                throw XsError.runtime(span, "api.request needs a url (text), got " + Operators.describe(u));
            }
            String verb = Values.toText(method.eval(f)).strip().toUpperCase(Locale.ROOT);
            if (verb.isEmpty()) {
                verb = "GET";
            }
            List<String[]> headerPairs = headerPairs(headers.eval(f), span);
            Object p = params.eval(f);
            String sentUrl = address;
            byte[] body = null;
            if (verb.equals("GET") || verb.equals("HEAD")) {
                String query = p instanceof Map<?, ?> m && !m.isEmpty() ? Forms.encode(m) : null;
                if (query != null) {
                    sentUrl += (address.contains("?") ? "&" : "?") + query;
                }
            } else if (p != null) {
                body = body(p, headerPairs);
            }
            Object seconds = Values.number(timeout.eval(f));
            long millis = seconds == null ? DEFAULT_TIMEOUT_SECONDS * 1000
                : Math.max(1, (long) (Values.toBigDecimal(seconds).doubleValue() * 1000));
            long left = f.context.deadline.remainingMillis();
            if (left >= 0) {
                millis = Math.min(millis, Math.max(1, left));
            }
            HttpRequests.Call call = new HttpRequests.Call(verb, sentUrl, headerPairs, body, millis,
                Values.truthy(follow.eval(f)), Values.truthy(verifyPeer.eval(f)), Values.truthy(verifyHost.eval(f)));
            HttpRequests.Reply reply;
            try {
                reply = f.context.services.outside().http().send(call);
            } catch (HttpRequests.Failure e) {
                throw XsError.runtime(span, "api.request " + verb + " " + Forms.safeUrl(address) + " failed: "
                    + e.getMessage());
            }
            f.context.deadline.check();
            if (target != null) {
                target.write(f, result(verb, address, headers.eval(f), p, reply));
            }
            return Exec.NORMAL;
        };
    }

    /** {@code ["Name: value", …]} (Xano's form) or an object of name to value. */
    private static List<String[]> headerPairs(Object headers, Span span) {
        List<String[]> pairs = new ArrayList<>();
        if (headers == null || "".equals(headers)) {
            return pairs;
        }
        if (headers instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                pairs.add(new String[] {String.valueOf(e.getKey()), Values.toText(e.getValue())});
            }
            return pairs;
        }
        if (!(headers instanceof List<?> list)) {
            throw XsError.runtime(span, "api.request: headers must be a list of \"Name: value\" texts, got "
                + Operators.describe(headers));
        }
        for (Object h : list) {
            String line = Values.toText(h);
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw XsError.runtime(span, "api.request: the header \"" + line + "\" needs the form \"Name: value\"");
            }
            pairs.add(new String[] {line.substring(0, colon).strip(), line.substring(colon + 1).strip()});
        }
        return pairs;
    }

    /** JSON unless the content type says a form; text is sent as it is. A JSON content type is added when none is given. */
    private static byte[] body(Object params, List<String[]> headers) {
        String type = null;
        for (String[] h : headers) {
            if (h[0].equalsIgnoreCase("content-type")) {
                type = h[1].toLowerCase(Locale.ROOT);
            }
        }
        if (params instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        if (type != null && type.startsWith("application/x-www-form-urlencoded") && params instanceof Map<?, ?> m) {
            return Forms.encode(m).getBytes(StandardCharsets.UTF_8);
        }
        if (type != null && type.startsWith("multipart/form-data") && params instanceof Map<?, ?> m) {
            String boundary = "xs" + java.util.UUID.randomUUID().toString().replace("-", "");
            for (String[] h : headers) {
                if (h[0].equalsIgnoreCase("content-type")) {
                    h[1] = "multipart/form-data; boundary=" + boundary;
                }
            }
            return Forms.multipart(m, boundary);
        }
        if (type == null) {
            headers.add(new String[] {"Content-Type", "application/json"});
        }
        return Json.write(params).getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, Object> result(String verb, String url, Object headers, Object params,
                                              HttpRequests.Reply reply) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("url", url);
        request.put("method", verb);
        request.put("headers", headers == null ? new ArrayList<>() : Values.copy(headers));
        request.put("params", params == null ? new ArrayList<>() : Values.copy(params));
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("headers", new ArrayList<Object>(reply.headers()));
        response.put("result", decode(reply.body()));
        response.put("status", (long) reply.status());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("request", request);
        out.put("response", response);
        return out;
    }

    /** The body as JSON when it is JSON, else as text. */
    static Object decode(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        String t = text.strip();
        if (!t.isEmpty() && (t.startsWith("{") || t.startsWith("[") || t.startsWith("\"") || t.equals("true")
            || t.equals("false") || t.equals("null") || Character.isDigit(t.charAt(0)) || t.startsWith("-"))) {
            try {
                return Json.read(t);
            } catch (Json.Malformed e) {
                return text;
            }
        }
        return text;
    }

    /** Query strings, form bodies and the URL an error may show. */
    static final class Forms {
        private Forms() {
        }

        /** PHP's http_build_query: nested objects and lists as {@code a[b]=…}, {@code a[0]=…}. */
        static String encode(Map<?, ?> params) {
            List<String> pairs = new ArrayList<>();
            for (Map.Entry<?, ?> e : params.entrySet()) {
                add(pairs, String.valueOf(e.getKey()), e.getValue());
            }
            return String.join("&", pairs);
        }

        private static void add(List<String> pairs, String key, Object value) {
            if (value instanceof Map<?, ?> m) {
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    add(pairs, key + "[" + e.getKey() + "]", e.getValue());
                }
            } else if (value instanceof List<?> l) {
                for (int i = 0; i < l.size(); i++) {
                    add(pairs, key + "[" + i + "]", l.get(i));
                }
            } else if (value != null) {
                String text = value instanceof Boolean b ? (b ? "1" : "0") : Values.toText(value);
                pairs.add(URLEncoder.encode(key, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(text, StandardCharsets.UTF_8));
            }
        }

        static byte[] multipart(Map<?, ?> params, String boundary) {
            StringBuilder sb = new StringBuilder();
            for (String pair : encode(params).split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = java.net.URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                sb.append("--").append(boundary).append("\r\n")
                    .append("Content-Disposition: form-data; name=\"").append(name.replace("\"", "%22")).append("\"\r\n\r\n")
                    .append(value).append("\r\n");
            }
            sb.append("--").append(boundary).append("--\r\n");
            return sb.toString().getBytes(StandardCharsets.UTF_8);
        }

        /** The URL without user info and query string, which may hold keys. */
        static String safeUrl(String url) {
            String u = url;
            int cut = u.indexOf('?');
            if (cut >= 0) {
                u = u.substring(0, cut);
            }
            cut = u.indexOf('#');
            if (cut >= 0) {
                u = u.substring(0, cut);
            }
            int scheme = u.indexOf("://");
            int at = u.indexOf('@', Math.max(0, scheme));
            int slash = u.indexOf('/', scheme < 0 ? 0 : scheme + 3);
            if (scheme >= 0 && at > 0 && (slash < 0 || at < slash)) {
                u = u.substring(0, scheme + 3) + u.substring(at + 1);
            }
            return u;
        }
    }
}
