package xs.interp.filters;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.LinkedHashMap;
import java.util.Map;
import xs.interp.Json;

/**
 * JSON Web Signatures in compact form (RFC 7515).
 * {@code $claims|jws_encode:$headers:$key:"HS256":$ttl} signs the subject (as JSON) and
 * {@code $token|jws_decode:$required_claims:$key:"HS256":$drift} verifies it and gives the payload
 * back. HS256/384/512 (secret key), RS256/384/512 (PEM or JWK keys) and ES256/384/512 (EC JWK keys) are supported; the token's
 * "alg" must be the one asked for, so a token cannot choose a weaker check.
 */
final class Jws {
    private Jws() {
    }

    static Object encode(FilterCall c) {
        String alg = JoseClaims.algorithm(c, 2, "HS256");
        checkSupported(c, alg);
        Map<String, Object> fixed = new LinkedHashMap<>();
        fixed.put("alg", alg);
        fixed.put("typ", "JWT");
        Map<String, Object> header = JoseClaims.header(c, 0, fixed);
        String input = JoseClaims.b64(Json.write(header).getBytes(StandardCharsets.UTF_8)) + "."
            + JoseClaims.b64(JoseClaims.payload(c, 3));
        return input + "." + JoseClaims.b64(sign(c, alg, c.arg(1), input.getBytes(StandardCharsets.US_ASCII)));
    }

    static Object decode(FilterCall c) {
        String token = FilterSupport.text(c).trim();
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw c.error("the token is malformed: a JWS has three parts separated by dots");
        }
        String alg = JoseClaims.algorithm(c, 2, "HS256");
        checkSupported(c, alg);
        Object tokenAlg = JoseClaims.readHeader(c, parts[0]).get("alg");
        if (!alg.equals(tokenAlg)) {
            throw c.error("the token is signed with " + tokenAlg + ", expected " + alg);
        }
        byte[] input = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
        if (!verify(c, alg, c.arg(1), input, JoseClaims.unb64(c, parts[2]))) {
            throw c.error("the token's signature is not valid");
        }
        return JoseClaims.verifiedPayload(c, JoseClaims.unb64(c, parts[1]), 0, 3);
    }

    private static void checkSupported(FilterCall c, String alg) {
        if (!alg.matches("(HS|RS|ES)(256|384|512)")) {
            throw c.error("signature algorithm '" + alg + "' is not supported; use HS256, HS384, HS512, RS256,"
                + " RS384, RS512, ES256, ES384 or ES512");
        }
    }

    private static byte[] sign(FilterCall c, String alg, Object key, byte[] input) {
        String bits = alg.substring(2);
        if (alg.startsWith("HS")) {
            return SecurityFilters.hmac("HmacSHA" + bits, JoseKeys.secret(c, key), input);
        }
        if (alg.startsWith("ES")) {
            return EcSignatures.sign(c, alg, key, input);
        }
        try {
            Signature s = Signature.getInstance("SHA" + bits + "withRSA");
            s.initSign(JoseKeys.rsaPrivate(c, key));
            s.update(input);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw c.error("could not sign with " + alg + ": " + e.getMessage());
        }
    }

    private static boolean verify(FilterCall c, String alg, Object key, byte[] input, byte[] signature) {
        String bits = alg.substring(2);
        if (alg.startsWith("HS")) {
            byte[] expected = SecurityFilters.hmac("HmacSHA" + bits, JoseKeys.secret(c, key), input);
            return MessageDigest.isEqual(expected, signature);
        }
        if (alg.startsWith("ES")) {
            return EcSignatures.verify(c, alg, key, input, signature);
        }
        try {
            Signature s = Signature.getInstance("SHA" + bits + "withRSA");
            s.initVerify(JoseKeys.rsaPublic(c, key));
            s.update(input);
            return s.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
