package xs.interp.filters;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import xs.interp.Json;
import xs.interp.Values;

/**
 * What JWS and JWE tokens share: base64url, the payload (the subject as JSON; a decoded
 * payload that is not JSON comes back as text), the protected header (alg and the caller's
 * extra headers), the ttl that sets "iat" and "exp", and the checks made when decoding:
 * "exp" and "nbf" with the allowed clock drift in seconds, and the caller's required claims.
 */
final class JoseClaims {
    private JoseClaims() {
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] unb64(FilterCall c, String part) {
        try {
            return Base64.getUrlDecoder().decode(part);
        } catch (IllegalArgumentException e) {
            throw c.error("the token is malformed: a part is not base64url");
        }
    }

    /** The protected header: the fixed entries, then the caller's headers argument (an object). */
    static Map<String, Object> header(FilterCall c, int headersArg, Map<String, Object> fixed) {
        Map<String, Object> header = new LinkedHashMap<>(fixed);
        Object extra = c.arg(headersArg);
        if (extra instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!fixed.containsKey((String) e.getKey()) || e.getKey().equals("typ")) {
                    header.put((String) e.getKey(), e.getValue());
                }
            }
        } else if (extra != null && !(extra instanceof List<?> l && l.isEmpty())) {
            throw c.error("expects an object of headers for argument " + (headersArg + 1) + ", got "
                + Values.typeName(extra));
        }
        return header;
    }

    /** The payload bytes: the subject as JSON, with "iat" and "exp" added when ttl is positive. */
    static byte[] payload(FilterCall c, int ttlArg) {
        Object subject = c.subject();
        long ttl = FilterSupport.intArg(c, ttlArg, 0);
        if (ttl > 0) {
            if (!(subject instanceof Map<?, ?> m)) {
                throw c.error("a ttl needs an object of claims as the input, got " + Values.typeName(subject));
            }
            Map<String, Object> claims = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                claims.put((String) e.getKey(), e.getValue());
            }
            long now = Math.floorDiv(c.now(), 1000L);
            claims.putIfAbsent("iat", now);
            claims.put("exp", now + ttl);
            subject = claims;
        }
        return Json.write(subject).getBytes(StandardCharsets.UTF_8);
    }

    /** The decoded header of a token: a JSON object or an error. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> readHeader(FilterCall c, String part) {
        try {
            Object h = Json.read(new String(unb64(c, part), StandardCharsets.UTF_8));
            if (h instanceof Map<?, ?>) {
                return (Map<String, Object>) h;
            }
        } catch (Json.Malformed e) {
            // reported below
        }
        throw c.error("the token is malformed: its header is not a JSON object");
    }

    /** Decodes the payload, then enforces exp, nbf and the required claims (argument checkArg). */
    static Object verifiedPayload(FilterCall c, byte[] payload, int checkArg, int driftArg) {
        String text = Binary.text(payload);
        Object value;
        try {
            value = Json.read(text);
        } catch (Json.Malformed e) {
            value = text;
        }
        long drift = FilterSupport.intArg(c, driftArg, 0);
        long now = Math.floorDiv(c.now(), 1000L);
        if (value instanceof Map<?, ?> claims) {
            Long exp = seconds(claims.get("exp"));
            Long nbf = seconds(claims.get("nbf"));
            if (exp != null && now > exp + drift) {
                throw c.error("the token has expired");
            }
            if (nbf != null && now + drift < nbf) {
                throw c.error("the token is not valid yet");
            }
        }
        Object check = c.arg(checkArg);
        if (check instanceof Map<?, ?> required && !required.isEmpty()) {
            if (!(value instanceof Map<?, ?> claims)) {
                throw c.error("the token has no claims to check");
            }
            for (Map.Entry<?, ?> e : required.entrySet()) {
                if (!claimMatches(claims.get(e.getKey()), e.getValue())) {
                    throw c.error("the token's claim '" + e.getKey() + "' does not match");
                }
            }
        }
        return value;
    }

    /** A NumericDate claim in whole seconds; null when absent or not a number. */
    private static Long seconds(Object claim) {
        if (claim == null || claim instanceof Boolean) {
            return null;
        }
        Object n = Values.number(claim);
        return n instanceof Long l ? l : n instanceof BigDecimal d ? d.longValue() : null;
    }

    /** A claim matches when equal, or when it is an array (such as "aud") holding the value. */
    private static boolean claimMatches(Object actual, Object expected) {
        if (Values.looseEquals(actual, expected) && (actual != null || expected == null)) {
            return true;
        }
        return actual instanceof List<?> l && !(expected instanceof List<?>)
            && l.stream().anyMatch(x -> Values.strictEquals(x, expected));
    }

    /** The algorithm argument, upper-cased, or the fallback. */
    static String algorithm(FilterCall c, int i, String fallback) {
        return FilterSupport.textArg(c, i, fallback).trim().toUpperCase(Locale.ROOT);
    }
}
