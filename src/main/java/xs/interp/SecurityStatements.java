package xs.interp;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import xs.ast.GenericStmt;
import xs.interp.filters.Filter;
import xs.interp.filters.JwkKeys;
import xs.source.Span;

/**
 * The security statements that compute (no outside service): random numbers and bytes, keys as
 * JWKs, AES encryption and JWS/JWE tokens. The token and cipher statements run the filters of
 * the same name with the statement's attributes as arguments, so both spellings agree.
 * <pre>security.jws_encode { claims = {sub: "1"} key = $env.JWT_SECRET signature_algorithm = "HS256" ttl = 3600 } as $token</pre>
 */
final class SecurityStatements {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** More than any sane use, and far below what would exhaust memory. */
    private static final long MAX_RANDOM_BYTES = 1 << 20;

    private SecurityStatements() {
    }

    static void register(StatementRegistry r) {
        r.add("security.random_number", Set.of("min", "max"), Set.of(), SecurityStatements::randomNumber);
        r.add("security.random_bytes", Set.of("length"), Set.of("length"), SecurityStatements::randomBytes);
        r.add("security.create_secret_key", Set.of("bits", "format"), Set.of(), SecurityStatements::secretKey);
        r.add("security.create_rsa_key", Set.of("bits", "format"), Set.of(), SecurityStatements::rsaKey);
        r.add("security.create_curve_key", Set.of("curve", "format"), Set.of(), SecurityStatements::curveKey);
        r.add("security.encrypt", Set.of("data", "algorithm", "key", "iv"), Set.of("algorithm", "key"),
            (s, c) -> filter(s, c, "encrypt", "data", "algorithm", "key", "iv"));
        r.add("security.decrypt", Set.of("data", "algorithm", "key", "iv"), Set.of("algorithm", "key"),
            (s, c) -> filter(s, c, "decrypt", "data", "algorithm", "key", "iv"));
        r.add("security.jws_encode", Set.of("headers", "claims", "key", "signature_algorithm", "ttl"), Set.of("key"),
            (s, c) -> filter(s, c, "jws_encode", "claims", "headers", "key", "signature_algorithm", "ttl"));
        r.add("security.jws_decode", Set.of("token", "key", "check_claims", "signature_algorithm", "timeDrift"),
            Set.of("token", "key"),
            (s, c) -> filter(s, c, "jws_decode", "token", "check_claims", "key", "signature_algorithm", "timeDrift"));
        r.add("security.jwe_encode", Set.of("headers", "claims", "key", "key_algorithm", "content_algorithm", "ttl"),
            Set.of("key"), (s, c) -> filter(s, c, "jwe_encode", "claims", "headers", "key", "key_algorithm",
                "content_algorithm", "ttl"));
        r.add("security.jwe_decode", Set.of("token", "key", "check_claims", "key_algorithm", "content_algorithm",
            "timeDrift"), Set.of("token", "key"), (s, c) -> filter(s, c, "jwe_decode", "token", "check_claims", "key",
                "key_algorithm", "content_algorithm", "timeDrift"));
        r.add("security.jws_encode_legacy", Set.of("payload", "audience", "key", "signature_algorithm", "ttl"),
            Set.of("key"), (s, c) -> legacyEncode(s, c, "jws_encode", "signature_algorithm"));
        r.add("security.jws_decode_legacy", Set.of("token", "audience", "key", "signature_algorithm", "timeDrift"),
            Set.of("token", "key"), (s, c) -> legacyDecode(s, c, "jws_decode", "signature_algorithm"));
        r.add("security.jwe_encode_legacy", Set.of("payload", "audience", "key", "key_algorithm", "content_algorithm",
            "ttl"), Set.of("key"), (s, c) -> legacyEncode(s, c, "jwe_encode", "key_algorithm", "content_algorithm"));
        r.add("security.jwe_decode_legacy", Set.of("token", "audience", "key", "key_algorithm", "content_algorithm",
            "timeDrift"), Set.of("token", "key"), (s, c) -> legacyDecode(s, c, "jwe_decode", "key_algorithm",
                "content_algorithm"));
    }

    private static Exec randomNumber(GenericStmt s, Compilation c) {
        Eval min = c.attr(s, "min", 0L);
        Eval max = c.attr(s, "max", Long.MAX_VALUE);
        Span span = s.span();
        return CoreStatements.produce(s, c, f -> {
            long lo = whole(min.eval(f), "min", s.name(), span);
            long hi = whole(max.eval(f), "max", s.name(), span);
            if (lo > hi) {
                throw XsError.runtime(span, s.name() + ": min (" + lo + ") is greater than max (" + hi + ")");
            }
            BigInteger range = BigInteger.valueOf(hi).subtract(BigInteger.valueOf(lo)).add(BigInteger.ONE);
            BigInteger pick;
            do {
                pick = new BigInteger(range.bitLength(), RANDOM);
            } while (pick.compareTo(range) >= 0);
            return BigInteger.valueOf(lo).add(pick).longValueExact();
        });
    }

    private static Exec randomBytes(GenericStmt s, Compilation c) {
        Eval length = c.required(s, "length");
        Span span = s.span();
        return CoreStatements.produce(s, c, f -> {
            long n = whole(length.eval(f), "length", s.name(), span);
            if (n < 0 || n > MAX_RANDOM_BYTES) {
                throw XsError.runtime(span, s.name() + ": length must be between 0 and " + MAX_RANDOM_BYTES + ", got " + n);
            }
            return JwkKeys.randomBytes((int) n);
        });
    }

    private static Exec secretKey(GenericStmt s, Compilation c) {
        Eval bits = c.attr(s, "bits", 256L);
        Eval format = c.attr(s, "format", "object");
        Span span = s.span();
        return CoreStatements.produce(s, c, f -> {
            long n = whole(bits.eval(f), "bits", s.name(), span);
            if (n < 8 || n > 65536) {
                throw XsError.runtime(span, s.name() + ": bits must be between 8 and 65536, got " + n);
            }
            Map<String, Object> jwk = JwkKeys.secret((int) n);
            return formatted(jwk, format.eval(f), s.name(), span);
        });
    }

    private static Exec rsaKey(GenericStmt s, Compilation c) {
        Eval bits = c.attr(s, "bits", 2048L);
        Eval format = c.attr(s, "format", "object");
        Span span = s.span();
        return CoreStatements.produce(s, c, f -> {
            long n = whole(bits.eval(f), "bits", s.name(), span);
            if (n < 512 || n > 8192) {
                throw XsError.runtime(span, s.name() + ": bits must be between 512 and 8192, got " + n);
            }
            try {
                return formatted(JwkKeys.rsa((int) n), format.eval(f), s.name(), span);
            } catch (GeneralSecurityException e) {
                throw XsError.runtime(span, s.name() + ": cannot create the key: " + e.getMessage());
            }
        });
    }

    private static Exec curveKey(GenericStmt s, Compilation c) {
        Eval curve = c.attr(s, "curve", "P-256");
        Eval format = c.attr(s, "format", "object");
        Span span = s.span();
        return CoreStatements.produce(s, c, f -> {
            String name = Values.toText(curve.eval(f));
            if (!JwkKeys.isCurve(name)) {
                throw XsError.runtime(span, s.name() + ": curve must be P-256, P-384 or P-521, got \"" + name + "\"");
            }
            try {
                return formatted(JwkKeys.curve(name), format.eval(f), s.name(), span);
            } catch (GeneralSecurityException e) {
                throw XsError.runtime(span, s.name() + ": cannot create the key: " + e.getMessage());
            }
        });
    }

    /** "object": the JWK; "base64": the JWK as JSON, base64-encoded. */
    private static Object formatted(Map<String, Object> jwk, Object format, String statement, Span span) {
        String f = format == null ? "object" : Values.toText(format);
        return switch (f) {
            case "object", "" -> jwk;
            case "base64" -> Base64.getEncoder().encodeToString(Json.write(jwk).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            default -> throw XsError.runtime(span, statement + ": format must be \"object\" or \"base64\", got \"" + f + "\"");
        };
    }

    /** A statement that is a filter: the first attribute is the subject, the others its arguments in order. */
    private static Exec filter(GenericStmt s, Compilation c, String filterName, String subject, String... args) {
        Filter filter = c.interpreter.filters().get(filterName);
        Eval subjectValue = c.attr(s, subject, null);
        Eval[] argValues = new Eval[args.length];
        for (int i = 0; i < args.length; i++) {
            argValues[i] = c.attr(s, args[i], null);
        }
        return CoreStatements.produce(s, c, f -> {
            Object[] values = new Object[args.length];
            for (int i = 0; i < args.length; i++) {
                values[i] = argValues[i].eval(f);
            }
            return filter.apply(new ValueCall(s.name(), subjectValue.eval(f), f.context.now(), values));
        });
    }

    /** The older statements: a payload, with the audience as its "aud" claim. */
    private static Exec legacyEncode(GenericStmt s, Compilation c, String filterName, String... algorithms) {
        Filter filter = c.interpreter.filters().get(filterName);
        Eval payload = c.attr(s, "payload", null);
        Eval audience = c.attr(s, "audience", null);
        Eval key = c.required(s, "key");
        Eval ttl = c.attr(s, "ttl", 0L);
        List<Eval> algs = java.util.Arrays.stream(algorithms).map(a -> c.attr(s, a, null)).toList();
        Span span = s.span();
        return CoreStatements.produce(s, c, f -> {
            Object p = payload.eval(f);
            Object aud = audience.eval(f);
            Object claims = p;
            if (aud != null && !"".equals(aud)) {
                if (p != null && !(p instanceof Map<?, ?>)) {
                    throw XsError.runtime(span, s.name() + ": with an audience the payload must be an object");
                }
                Map<String, Object> m = new LinkedHashMap<>();
                if (p instanceof Map<?, ?> pm) {
                    pm.forEach((k, v) -> m.put(String.valueOf(k), v));
                }
                m.put("aud", aud);
                claims = m;
            }
            Object[] values = new Object[algs.size() + 3];
            values[0] = new LinkedHashMap<String, Object>();
            values[1] = key.eval(f);
            for (int i = 0; i < algs.size(); i++) {
                values[2 + i] = algs.get(i).eval(f);
            }
            values[values.length - 1] = ttl.eval(f);
            return filter.apply(new ValueCall(s.name(), claims, f.context.now(), values));
        });
    }

    private static Exec legacyDecode(GenericStmt s, Compilation c, String filterName, String... algorithms) {
        Filter filter = c.interpreter.filters().get(filterName);
        Eval token = c.required(s, "token");
        Eval audience = c.attr(s, "audience", null);
        Eval key = c.required(s, "key");
        Eval drift = c.attr(s, "timeDrift", 0L);
        List<Eval> algs = java.util.Arrays.stream(algorithms).map(a -> c.attr(s, a, null)).toList();
        return CoreStatements.produce(s, c, f -> {
            Object aud = audience.eval(f);
            Map<String, Object> check = new LinkedHashMap<>();
            if (aud != null && !"".equals(aud)) {
                check.put("aud", aud);
            }
            Object[] values = new Object[algs.size() + 3];
            values[0] = check;
            values[1] = key.eval(f);
            for (int i = 0; i < algs.size(); i++) {
                values[2 + i] = algs.get(i).eval(f);
            }
            values[values.length - 1] = drift.eval(f);
            return filter.apply(new ValueCall(s.name(), token.eval(f), f.context.now(), values));
        });
    }

    private static long whole(Object v, String what, String statement, Span span) {
        Object n = Values.number(v);
        if (!(n instanceof Long l)) {
            throw XsError.runtime(span, statement + ": " + what + " must be a whole number, got " + Operators.describe(v));
        }
        return l;
    }
}
