package xs.realtime;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.exceptions.TokenExpiredException;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.auth0.jwt.interfaces.JWTVerifier;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import xs.interp.Identity;
import xs.interp.Json;

/**
 * Auth tokens of {@code xs serve}: HS256 JWTs with {@code sub} (the user id, a string),
 * {@code table}, {@code extras} and {@code exp} (protocol §1). Without a secret every token is
 * refused: the hub fails closed, never silently anonymous.
 * <pre>xs token --user 42 --extras '{"role":"admin"}'</pre>
 */
public final class Tokens {
    /** A token that checked out: who it names and when it stops being valid (0 = never). */
    public record Verified(Identity identity, long expiresAtMillis) {
    }

    /** A token that did not check out; the message says why, without the token. */
    public static final class Rejected extends Exception {
        public Rejected(String message) {
            super(message, null, false, false);
        }
    }

    /** Verified tokens kept; past this many the cache starts over (a bound, not a policy). */
    static final int CACHED = 4096;

    private final Algorithm algorithm;
    private final JWTVerifier verifier;
    /**
     * Tokens that checked out, by their exact text: a client sends the same token with every
     * request, and checking it again (three JSON parses and an HMAC) was a fifth of a simple
     * endpoint's time. Only a fully verified token gets in, and its expiry is checked on each use.
     */
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    public Tokens(String secret) {
        this.algorithm = secret == null || secret.isEmpty() ? null : Algorithm.HMAC256(secret);
        this.verifier = algorithm == null ? null : JWT.require(algorithm).build();
    }

    public boolean enabled() {
        return algorithm != null;
    }

    public String mint(String userId, Map<String, Object> extras, long ttlSeconds, String table) {
        if (algorithm == null) {
            throw new IllegalStateException("no secret to sign tokens with");
        }
        Instant now = Instant.now();
        return JWT.create()
            .withSubject(userId)
            .withClaim("table", table)
            .withClaim("extras", claimSafe(extras == null ? Map.of() : extras))
            .withIssuedAt(now)
            .withExpiresAt(now.plusSeconds(ttlSeconds))
            .sign(algorithm);
    }

    /** java-jwt takes Long and Double but not BigDecimal: decimals become doubles inside the token. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> claimSafe(Map<String, Object> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(k, claimValue(v)));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object claimValue(Object v) {
        if (v instanceof java.math.BigDecimal d) {
            return d.doubleValue();
        }
        if (v instanceof Map<?, ?> m) {
            return claimSafe((Map<String, Object>) m);
        }
        if (v instanceof java.util.List<?> l) {
            return l.stream().map(Tokens::claimValue).toList();
        }
        return v;
    }

    public Verified verify(String token) throws Rejected {
        if (verifier == null) {
            throw new Rejected("this server has no auth secret (--auth-secret or XS_AUTH_SECRET), so it accepts no token");
        }
        String text = token.trim();
        Verified known = verified.get(text);
        if (known != null) {
            if (known.expiresAtMillis() == 0 || System.currentTimeMillis() < known.expiresAtMillis()) {
                return known;
            }
            verified.remove(text);
            throw new Rejected("the token has expired");
        }
        Verified v = check(text);
        if (verified.size() >= CACHED) {
            verified.clear();
        }
        verified.put(text, v);
        return v;
    }

    /** How many verified tokens are remembered now. */
    int remembered() {
        return verified.size();
    }

    @SuppressWarnings("unchecked")
    private Verified check(String token) throws Rejected {
        DecodedJWT jwt;
        try {
            jwt = verifier.verify(token);
        } catch (TokenExpiredException e) {
            throw new Rejected("the token has expired");
        } catch (JWTVerificationException e) {
            throw new Rejected("the token is not valid for this server");
        }
        if (jwt.getSubject() == null || jwt.getSubject().isEmpty()) {
            throw new Rejected("the token names no user (no sub claim)");
        }
        // Read the claims with the runtime's own JSON reader so numbers keep their exact types.
        Map<String, Object> claims;
        try {
            Object parsed = Json.read(new String(Base64.getUrlDecoder().decode(jwt.getPayload()), StandardCharsets.UTF_8));
            claims = parsed instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        } catch (Json.Malformed | IllegalArgumentException e) {
            throw new Rejected("the token is not valid for this server");
        }
        Object extras = claims.get("extras");
        Object table = claims.get("table");
        // Shared by every request with this token: nobody may change it (the $auth of a run is a copy).
        Identity identity = new Identity(jwt.getSubject(), table instanceof String t && !t.isEmpty() ? t : "user",
            extras instanceof Map<?, ?> ? Collections.unmodifiableMap(new LinkedHashMap<>((Map<String, Object>) extras))
                : Map.of());
        long exp = jwt.getExpiresAtAsInstant() == null ? 0 : jwt.getExpiresAtAsInstant().toEpochMilli();
        return new Verified(identity, exp);
    }
}
