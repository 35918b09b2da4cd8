package xs.interp.filters;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import xs.interp.Values;

/**
 * Key material for the JOSE filters. A secret key is text (its bytes) or a JWK object
 * {@code {"kty":"oct","k":"<base64url>"}}. RSA keys are JWK objects ({@link JwkKeys}) or PEM text: PKCS#8 "PRIVATE KEY" or
 * PKCS#1 "RSA PRIVATE KEY" to sign, "PUBLIC KEY", PKCS#1 "RSA PUBLIC KEY" or a
 * "CERTIFICATE" to verify (a private key verifies too).
 */
final class JoseKeys {
    /** DER AlgorithmIdentifier for rsaEncryption with NULL parameters. */
    private static final byte[] RSA_ALGORITHM = {
        0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};

    private JoseKeys() {
    }

    static byte[] secret(FilterCall c, Object key) {
        if (key instanceof Map<?, ?> jwk) {
            if (!"oct".equals(jwk.get("kty")) || !(jwk.get("k") instanceof String k)) {
                throw c.error("the key object must be a JWK with kty \"oct\" and k");
            }
            return JoseClaims.unb64(c, k);
        }
        if (key == null || key instanceof List<?>) {
            throw c.error("expects a key (text or JWK object), got " + Values.typeName(key));
        }
        return Binary.bytes(Values.toText(key));
    }

    static PrivateKey rsaPrivate(FilterCall c, Object key) {
        if (key instanceof Map<?, ?> jwk && "RSA".equals(jwk.get("kty"))) {
            return JwkKeys.rsaPrivate(c, jwk);
        }
        String pem = Values.toText(key);
        try {
            if (pem.contains("BEGIN RSA PRIVATE KEY")) {
                // PKCS#1: wrap it as PKCS#8 (version 0, rsaEncryption, the key as an octet string).
                byte[] pkcs1 = der(c, pem, "RSA PRIVATE KEY");
                byte[] body = concat(new byte[] {0x02, 0x01, 0x00}, RSA_ALGORITHM, tlv(0x04, pkcs1));
                return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(tlv(0x30, body)));
            }
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der(c, pem, "PRIVATE KEY")));
        } catch (GeneralSecurityException e) {
            throw c.error("the key is not an RSA private key in PEM form");
        }
    }

    static PublicKey rsaPublic(FilterCall c, Object key) {
        if (key instanceof Map<?, ?> jwk && "RSA".equals(jwk.get("kty"))) {
            return JwkKeys.rsaPublic(c, jwk);
        }
        String pem = Values.toText(key);
        try {
            if (pem.contains("PRIVATE KEY")) {
                PrivateKey priv = rsaPrivate(c, key);
                if (priv instanceof RSAPrivateCrtKey crt) {
                    return KeyFactory.getInstance("RSA").generatePublic(
                        new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
                }
                throw c.error("the private key does not hold its public half; give the public key");
            }
            if (pem.contains("BEGIN CERTIFICATE")) {
                return CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der(c, pem, "CERTIFICATE"))).getPublicKey();
            }
            if (pem.contains("BEGIN RSA PUBLIC KEY")) {
                // PKCS#1: wrap it as SubjectPublicKeyInfo (the algorithm, then the key as a bit string).
                byte[] pkcs1 = der(c, pem, "RSA PUBLIC KEY");
                byte[] info = tlv(0x30, concat(RSA_ALGORITHM, tlv(0x03, concat(new byte[] {0}, pkcs1))));
                return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(info));
            }
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der(c, pem, "PUBLIC KEY")));
        } catch (GeneralSecurityException e) {
            throw c.error("the key is not an RSA public key in PEM form");
        }
    }

    private static byte[] der(FilterCall c, String pem, String label) {
        String begin = "-----BEGIN " + label + "-----";
        int start = pem.indexOf(begin);
        int end = pem.indexOf("-----END " + label + "-----");
        if (start < 0 || end < start) {
            throw c.error("expects a PEM " + label + " (" + begin + " …)");
        }
        String body = pem.substring(start + begin.length(), end).replaceAll("\\s+", "");
        try {
            return Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw c.error("the PEM " + label + " is not valid base64");
        }
    }

    /** A DER tag-length-value. */
    private static byte[] tlv(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(value.length + 6);
        out.write(tag);
        int len = value.length;
        if (len < 0x80) {
            out.write(len);
        } else {
            int bytes = len > 0xFFFFFF ? 4 : len > 0xFFFF ? 3 : len > 0xFF ? 2 : 1;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write((len >> (8 * i)) & 0xFF);
            }
        }
        out.writeBytes(value);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
