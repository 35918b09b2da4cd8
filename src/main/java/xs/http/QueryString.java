package xs.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Form-encoded pairs, as query strings and {@code application/x-www-form-urlencoded} bodies
 * carry them: {@code a=1&tag[]=x&tag[]=y&tag=z} gives {@code {"a": "1", "tag": ["x", "y", "z"]}}
 * (a repeated name, or one ending in {@code []}, is a list).
 * <pre>QueryString.parse("page=2&q=ada+lovelace")   // {"page": "2", "q": "ada lovelace"}</pre>
 */
final class QueryString {
    private QueryString() {
    }

    /** Thrown for a malformed percent escape; the message names the pair. */
    static final class Malformed extends Exception {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> parse(String text) throws Malformed {
        Map<String, Object> out = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq), pair);
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1), pair);
            boolean listed = name.endsWith("[]");
            if (listed) {
                name = name.substring(0, name.length() - 2);
            }
            if (name.isEmpty()) {
                continue;
            }
            Object before = out.get(name);
            if (before instanceof List<?> l) {
                ((List<Object>) l).add(value);
            } else if (before != null || listed) {
                List<Object> values = new ArrayList<>();
                if (before != null) {
                    values.add(before);
                }
                values.add(value);
                out.put(name, values);
            } else {
                out.put(name, value);
            }
        }
        return out;
    }

    private static String decode(String s, String pair) throws Malformed {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new Malformed("the query parameter \"" + pair + "\" has a malformed % escape");
        }
    }

    /** One path segment: percent escapes decoded, '+' kept (it is a space only in query strings). */
    static String segment(String s) throws Malformed {
        if (s.indexOf('%') < 0) {
            return s;
        }
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new Malformed("the path segment \"" + s + "\" has a malformed % escape");
        }
    }
}
