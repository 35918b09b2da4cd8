package xs.interp.filters;

import static xs.interp.filters.FilterSupport.text;
import static xs.interp.filters.FilterSupport.textArg;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import xs.interp.Values;

/**
 * URLs and their query strings: url_parse splits a URL as PHP's parse_url does,
 * querystring_parse reads {@code a=1&b[]=2&c[x]=3} as PHP's parse_str does, and the
 * url_*arg filters edit one argument while leaving the rest of the URL exactly as written.
 */
final class UrlArgs {
    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");

    private UrlArgs() {
    }

    /** A URL cut around its query: everything before '?', the query, and the '#' part. */
    private record Cut(String base, String query, String fragment) {
        static Cut of(String url) {
            String fragment = null;
            int hash = url.indexOf('#');
            if (hash >= 0) {
                fragment = url.substring(hash + 1);
                url = url.substring(0, hash);
            }
            int q = url.indexOf('?');
            return q < 0 ? new Cut(url, "", fragment) : new Cut(url.substring(0, q), url.substring(q + 1), fragment);
        }

        List<String> pairs() {
            List<String> out = new ArrayList<>();
            for (String p : query.split("&")) {
                if (!p.isEmpty()) {
                    out.add(p);
                }
            }
            return out;
        }

        String with(List<String> pairs) {
            return base + (pairs.isEmpty() ? "" : "?" + String.join("&", pairs))
                + (fragment == null ? "" : "#" + fragment);
        }
    }

    private static String key(String pair) {
        int eq = pair.indexOf('=');
        return UrlCoding.decode(eq < 0 ? pair : pair.substring(0, eq), true);
    }

    private static String value(String pair) {
        int eq = pair.indexOf('=');
        return eq < 0 ? "" : UrlCoding.decode(pair.substring(eq + 1), true);
    }

    /** The key itself or an array form of it: "tag" also covers "tag[]" and "tag[x]". */
    private static boolean sameKey(String pairKey, String key) {
        return pairKey.equals(key) || pairKey.startsWith(key + "[");
    }

    /** url_addarg:key:value[:rfc3986] sets the argument, replacing an existing one in place. */
    static Object add(FilterCall c) {
        Cut cut = Cut.of(text(c));
        String key = textArg(c, 0);
        boolean rfc = c.hasArg(2) && Values.truthy(c.arg(2));
        String pair = UrlCoding.encode(key, rfc, !rfc) + "=" + UrlCoding.encode(Values.toText(c.arg(1)), rfc, !rfc);
        List<String> out = new ArrayList<>();
        boolean placed = false;
        for (String p : cut.pairs()) {
            if (key(p).equals(key)) {
                if (!placed) {
                    out.add(pair);
                    placed = true;
                }
            } else {
                out.add(p);
            }
        }
        if (!placed) {
            out.add(pair);
        }
        return cut.with(out);
    }

    static Object delete(FilterCall c) {
        Cut cut = Cut.of(text(c));
        String key = textArg(c, 0);
        List<String> out = new ArrayList<>();
        for (String p : cut.pairs()) {
            if (!sameKey(key(p), key)) {
                out.add(p);
            }
        }
        return cut.with(out);
    }

    static Object has(FilterCall c) {
        String key = textArg(c, 0);
        for (String p : Cut.of(text(c)).pairs()) {
            if (sameKey(key(p), key)) {
                return true;
            }
        }
        return false;
    }

    /** url_getarg:key[:default]: the decoded value; the default ("" unless given) when absent. */
    static Object get(FilterCall c) {
        String key = textArg(c, 0);
        for (String p : Cut.of(text(c)).pairs()) {
            if (key(p).equals(key)) {
                return value(p);
            }
        }
        return c.hasArg(1) ? c.arg(1) : "";
    }

    /**
     * parse_url: scheme, host, port, user, pass, path, query and fragment, each present only
     * when the URL has it. "localhost:8080" is a host and port, not a scheme.
     */
    static Object parse(String url) {
        Map<String, Object> out = new LinkedHashMap<>();
        String rest = url;
        String fragment = null;
        String query = null;
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            fragment = rest.substring(hash + 1);
            rest = rest.substring(0, hash);
        }
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        Matcher m = SCHEME.matcher(rest);
        if (m.find() && !rest.substring(m.end()).matches("\\d+(/.*)?")) {
            out.put("scheme", m.group(1));
            rest = rest.substring(m.end());
        } else if (!rest.startsWith("/") && rest.matches("[^/:]+:\\d+(/.*)?")) {
            rest = "//" + rest;
        }
        String path = rest;
        if (rest.startsWith("//")) {
            int slash = rest.indexOf('/', 2);
            String authority = slash < 0 ? rest.substring(2) : rest.substring(2, slash);
            path = slash < 0 ? "" : rest.substring(slash);
            authority(authority, out);
        }
        if (!path.isEmpty()) {
            out.put("path", path);
        }
        if (query != null) {
            out.put("query", query);
        }
        if (fragment != null) {
            out.put("fragment", fragment);
        }
        return reorder(out);
    }

    private static void authority(String authority, Map<String, Object> out) {
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            authority = authority.substring(at + 1);
            int colon = userInfo.indexOf(':');
            out.put("user", colon < 0 ? userInfo : userInfo.substring(0, colon));
            if (colon >= 0) {
                out.put("pass", userInfo.substring(colon + 1));
            }
        }
        int colon = authority.lastIndexOf(':');
        if (colon >= 0 && authority.indexOf(']', colon) < 0 && authority.substring(colon + 1).matches("\\d+")) {
            out.put("port", Long.parseLong(authority.substring(colon + 1)));
            authority = authority.substring(0, colon);
        }
        if (!authority.isEmpty()) {
            out.put("host", authority);
        }
    }

    /** PHP's key order: scheme, host, port, user, pass, path, query, fragment. */
    private static Map<String, Object> reorder(Map<String, Object> parts) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String k : List.of("scheme", "host", "port", "user", "pass", "path", "query", "fragment")) {
            if (parts.containsKey(k)) {
                out.put(k, parts.get(k));
            }
        }
        return out;
    }

    /**
     * parse_str: "a=1&b=2" gives {a:"1", b:"2"}; brackets build nested values ("t[]=x" an
     * array, "u[name]=y" an object). Values are always text. A leading '?' is ignored.
     */
    static Object parseQuery(String query) {
        if (query.startsWith("?")) {
            query = query.substring(1);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String key = key(pair);
            String value = value(pair);
            int bracket = key.indexOf('[');
            if (bracket <= 0 || !key.endsWith("]")) {
                root.put(key, value);
                continue;
            }
            List<String> path = new ArrayList<>();
            path.add(key.substring(0, bracket));
            for (String part : key.substring(bracket + 1, key.length() - 1).split("\\]\\[", -1)) {
                path.add(part);
            }
            put(root, path, value);
        }
        return listify(root, true);
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> container, List<String> path, String value) {
        Map<String, Object> current = container;
        for (int i = 0; i < path.size(); i++) {
            String k = path.get(i).isEmpty() ? nextIndex(current) : path.get(i);
            if (i == path.size() - 1) {
                current.put(k, value);
                return;
            }
            Object next = current.get(k);
            if (!(next instanceof Map<?, ?>)) {
                next = new LinkedHashMap<String, Object>();
                current.put(k, next);
            }
            current = (Map<String, Object>) next;
        }
    }

    /** The key "[]" appends at: one past the largest integer key so far, as PHP arrays do. */
    private static String nextIndex(Map<String, Object> m) {
        long next = 0;
        for (String k : m.keySet()) {
            if (k.matches("\\d+")) {
                next = Math.max(next, Long.parseLong(k) + 1);
            }
        }
        return Long.toString(next);
    }

    /** Nested objects keyed 0..n-1 in order are arrays. */
    private static Object listify(Object v, boolean top) {
        if (!(v instanceof Map<?, ?> m)) {
            return v;
        }
        boolean sequential = !top;
        int i = 0;
        for (Object k : m.keySet()) {
            if (!k.equals(Integer.toString(i++))) {
                sequential = false;
            }
        }
        if (sequential) {
            List<Object> list = new ArrayList<>();
            for (Object o : m.values()) {
                list.add(listify(o, false));
            }
            return list;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            out.put((String) e.getKey(), listify(e.getValue(), false));
        }
        return out;
    }
}
