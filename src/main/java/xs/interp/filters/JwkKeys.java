package xs.interp.filters;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keys as JSON Web Keys (RFC 7517), the form {@code security.create_secret_key},
 * {@code create_rsa_key} and {@code create_curve_key} give and the JOSE filters take:
 * {@code {"kty":"oct","k":…}}, {@code {"kty":"RSA","n":…,"e":…,"d":…,…}},
 * {@code {"kty":"EC","crv":"P-256","x":…,"y":…,"d":…}}.
 * <pre>security.create_rsa_key { bits = 2048 format = "object" } as $key</pre>
 */
public final class JwkKeys {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private JwkKeys() {
    }

    /** Random bytes as a text value (raw bytes travel in text as the filters expect). */
    public static String randomBytes(int length) {
        byte[] b = new byte[length];
        RANDOM.nextBytes(b);
        return Binary.text(b);
    }

    public static Map<String, Object> secret(int bits) {
        byte[] k = new byte[(bits + 7) / 8];
        RANDOM.nextBytes(k);
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", "oct");
        jwk.put("k", B64URL.encodeToString(k));
        return jwk;
    }

    public static Map<String, Object> rsa(int bits) throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(bits, RANDOM);
        RSAPrivateCrtKey k = (RSAPrivateCrtKey) g.generateKeyPair().getPrivate();
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", "RSA");
        jwk.put("n", unsigned(k.getModulus()));
        jwk.put("e", unsigned(k.getPublicExponent()));
        jwk.put("d", unsigned(k.getPrivateExponent()));
        jwk.put("p", unsigned(k.getPrimeP()));
        jwk.put("q", unsigned(k.getPrimeQ()));
        jwk.put("dp", unsigned(k.getPrimeExponentP()));
        jwk.put("dq", unsigned(k.getPrimeExponentQ()));
        jwk.put("qi", unsigned(k.getCrtCoefficient()));
        return jwk;
    }

    /** P-256, P-384 or P-521. */
    public static Map<String, Object> curve(String curve) throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec(stdName(curve)), RANDOM);
        KeyPair pair = g.generateKeyPair();
        ECPublicKey pub = (ECPublicKey) pair.getPublic();
        int size = fieldBytes(curve);
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", "EC");
        jwk.put("crv", curve);
        jwk.put("x", B64URL.encodeToString(fixed(pub.getW().getAffineX(), size)));
        jwk.put("y", B64URL.encodeToString(fixed(pub.getW().getAffineY(), size)));
        jwk.put("d", B64URL.encodeToString(fixed(((ECPrivateKey) pair.getPrivate()).getS(), size)));
        return jwk;
    }

    public static boolean isCurve(String curve) {
        return curve.equals("P-256") || curve.equals("P-384") || curve.equals("P-521");
    }

    static String stdName(String curve) {
        return switch (curve) {
            case "P-256" -> "secp256r1";
            case "P-384" -> "secp384r1";
            case "P-521" -> "secp521r1";
            default -> throw new IllegalArgumentException("unknown curve " + curve);
        };
    }

    static int fieldBytes(String curve) {
        return curve.equals("P-521") ? 66 : curve.equals("P-384") ? 48 : 32;
    }

    static boolean isJwk(Object key, String kty) {
        return key instanceof Map<?, ?> m && kty.equals(m.get("kty"));
    }

    static PrivateKey rsaPrivate(FilterCall c, Map<?, ?> jwk) {
        try {
            if (jwk.get("d") == null) {
                throw c.error("the RSA key object has no private part (d)");
            }
            return KeyFactory.getInstance("RSA").generatePrivate(new RSAPrivateCrtKeySpec(big(c, jwk, "n"),
                big(c, jwk, "e"), big(c, jwk, "d"), big(c, jwk, "p"), big(c, jwk, "q"), big(c, jwk, "dp"),
                big(c, jwk, "dq"), big(c, jwk, "qi")));
        } catch (GeneralSecurityException e) {
            throw c.error("the RSA key object is not valid");
        }
    }

    static PublicKey rsaPublic(FilterCall c, Map<?, ?> jwk) {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(big(c, jwk, "n"), big(c, jwk, "e")));
        } catch (GeneralSecurityException e) {
            throw c.error("the RSA key object is not valid");
        }
    }

    static PrivateKey ecPrivate(FilterCall c, Map<?, ?> jwk) {
        try {
            if (jwk.get("d") == null) {
                throw c.error("the EC key object has no private part (d)");
            }
            return KeyFactory.getInstance("EC").generatePrivate(new ECPrivateKeySpec(big(c, jwk, "d"), params(c, jwk)));
        } catch (GeneralSecurityException e) {
            throw c.error("the EC key object is not valid");
        }
    }

    static PublicKey ecPublic(FilterCall c, Map<?, ?> jwk) {
        try {
            ECPoint w = new ECPoint(big(c, jwk, "x"), big(c, jwk, "y"));
            return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, params(c, jwk)));
        } catch (GeneralSecurityException e) {
            throw c.error("the EC key object is not valid");
        }
    }

    static String curveOf(FilterCall c, Map<?, ?> jwk) {
        Object crv = jwk.get("crv");
        if (!(crv instanceof String s) || !isCurve(s)) {
            throw c.error("the EC key object needs crv P-256, P-384 or P-521");
        }
        return s;
    }

    private static ECParameterSpec params(FilterCall c, Map<?, ?> jwk) throws GeneralSecurityException {
        AlgorithmParameters p = AlgorithmParameters.getInstance("EC");
        p.init(new ECGenParameterSpec(stdName(curveOf(c, jwk))));
        return p.getParameterSpec(ECParameterSpec.class);
    }

    private static BigInteger big(FilterCall c, Map<?, ?> jwk, String name) {
        if (!(jwk.get(name) instanceof String s)) {
            throw c.error("the key object lacks \"" + name + "\"");
        }
        return new BigInteger(1, JoseClaims.unb64(c, s));
    }

    private static String unsigned(BigInteger n) {
        byte[] b = n.toByteArray();
        if (b.length > 1 && b[0] == 0) {
            b = java.util.Arrays.copyOfRange(b, 1, b.length);
        }
        return B64URL.encodeToString(b);
    }

    static byte[] fixed(BigInteger n, int size) {
        byte[] b = n.toByteArray();
        byte[] out = new byte[size];
        int copy = Math.min(b.length, size);
        System.arraycopy(b, b.length - copy, out, size - copy, copy);
        return out;
    }
}
