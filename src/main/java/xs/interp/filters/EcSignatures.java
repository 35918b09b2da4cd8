package xs.interp.filters;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.Arrays;
import java.util.Map;

/**
 * ES256/384/512 for jws_encode/jws_decode with EC JWK keys. JWS carries the signature as the two
 * numbers r and s side by side (RFC 7518 §3.4); the JDK reads and writes DER, so this converts.
 */
final class EcSignatures {
    private EcSignatures() {
    }

    static byte[] sign(FilterCall c, String alg, Object key, byte[] input) {
        Map<?, ?> jwk = ecKey(c, key);
        int size = JwkKeys.fieldBytes(JwkKeys.curveOf(c, jwk));
        try {
            Signature s = Signature.getInstance("SHA" + alg.substring(2) + "withECDSA");
            s.initSign(JwkKeys.ecPrivate(c, jwk));
            s.update(input);
            return raw(s.sign(), size);
        } catch (GeneralSecurityException e) {
            throw c.error("could not sign with " + alg + ": " + e.getMessage());
        }
    }

    static boolean verify(FilterCall c, String alg, Object key, byte[] input, byte[] signature) {
        Map<?, ?> jwk = ecKey(c, key);
        int size = JwkKeys.fieldBytes(JwkKeys.curveOf(c, jwk));
        if (signature.length != 2 * size) {
            return false;
        }
        try {
            Signature s = Signature.getInstance("SHA" + alg.substring(2) + "withECDSA");
            s.initVerify(JwkKeys.ecPublic(c, jwk));
            s.update(input);
            return s.verify(der(signature, size));
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static Map<?, ?> ecKey(FilterCall c, Object key) {
        if (!(key instanceof Map<?, ?> jwk) || !"EC".equals(jwk.get("kty"))) {
            throw c.error("ES algorithms need an EC key object (security.create_curve_key)");
        }
        return jwk;
    }

    /** DER SEQUENCE { INTEGER r, INTEGER s } to r || s, each {@code size} bytes. */
    private static byte[] raw(byte[] der, int size) {
        int i = 2;
        if ((der[1] & 0x80) != 0) {
            i = 2 + (der[1] & 0x7F);
        }
        int rLen = der[i + 1];
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(der, i + 2, i + 2 + rLen));
        i = i + 2 + rLen;
        int sLen = der[i + 1];
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(der, i + 2, i + 2 + sLen));
        byte[] out = new byte[2 * size];
        System.arraycopy(JwkKeys.fixed(r, size), 0, out, 0, size);
        System.arraycopy(JwkKeys.fixed(s, size), 0, out, size, size);
        return out;
    }

    private static byte[] der(byte[] raw, int size) {
        byte[] r = new BigInteger(1, Arrays.copyOfRange(raw, 0, size)).toByteArray();
        byte[] s = new BigInteger(1, Arrays.copyOfRange(raw, size, 2 * size)).toByteArray();
        int body = 2 + r.length + 2 + s.length;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(0x30);
        if (body >= 0x80) {
            out.write(0x81);
        }
        out.write(body);
        out.write(0x02);
        out.write(r.length);
        out.writeBytes(r);
        out.write(0x02);
        out.write(s.length);
        out.writeBytes(s);
        return out.toByteArray();
    }
}
