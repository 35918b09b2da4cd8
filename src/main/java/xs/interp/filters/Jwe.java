package xs.interp.filters;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import xs.interp.Json;

/**
 * JSON Web Encryption in compact form (RFC 7516) with symmetric keys:
 * {@code $claims|jwe_encode:$headers:$key:"A256KW":"A256CBC-HS512":$ttl} and
 * {@code $token|jwe_decode:$required_claims:$key:"A256KW":"A256CBC-HS512":$drift}. Key
 * management: A128KW, A192KW, A256KW (AES key wrap) and dir; content encryption: A128CBC-HS256,
 * A192CBC-HS384, A256CBC-HS512, A128GCM, A192GCM, A256GCM. The key must have exactly the size
 * the algorithm needs (for example 32 bytes for A256KW); RSA and PBES2 key management are not
 * supported.
 */
final class Jwe {
    private Jwe() {
    }

    static Object encode(FilterCall c) {
        String keyAlg = JoseClaims.algorithm(c, 2, "A256KW");
        String enc = JoseClaims.algorithm(c, 3, "A256CBC-HS512");
        byte[] key = JoseKeys.secret(c, c.arg(1));
        int cekSize = contentKeySize(c, enc);
        byte[] cek;
        byte[] encryptedKey;
        if (keyAlg.equals("DIR")) {
            keyAlg = "dir";
            cek = sized(c, key, cekSize, "dir with " + enc);
            encryptedKey = new byte[0];
        } else {
            byte[] kek = sized(c, key, wrapKeySize(c, keyAlg), keyAlg);
            cek = new byte[cekSize];
            SecurityFilters.random().nextBytes(cek);
            encryptedKey = wrap(kek, cek);
        }
        Map<String, Object> fixed = new LinkedHashMap<>();
        fixed.put("alg", keyAlg);
        fixed.put("enc", enc);
        String header = JoseClaims.b64(Json.write(JoseClaims.header(c, 0, fixed)).getBytes(StandardCharsets.UTF_8));
        byte[] aad = header.getBytes(StandardCharsets.US_ASCII);
        byte[] iv = new byte[enc.endsWith("GCM") ? 12 : 16];
        SecurityFilters.random().nextBytes(iv);
        byte[][] sealed = seal(enc, cek, iv, aad, JoseClaims.payload(c, 4));
        return header + "." + JoseClaims.b64(encryptedKey) + "." + JoseClaims.b64(iv) + "."
            + JoseClaims.b64(sealed[0]) + "." + JoseClaims.b64(sealed[1]);
    }

    static Object decode(FilterCall c) {
        String[] parts = FilterSupport.text(c).trim().split("\\.", -1);
        if (parts.length != 5) {
            throw c.error("the token is malformed: a JWE has five parts separated by dots");
        }
        String keyAlg = JoseClaims.algorithm(c, 2, "A256KW");
        String enc = JoseClaims.algorithm(c, 3, "A256CBC-HS512");
        Map<String, Object> header = JoseClaims.readHeader(c, parts[0]);
        if (!keyAlg.equalsIgnoreCase(String.valueOf(header.get("alg"))) || !enc.equals(header.get("enc"))) {
            throw c.error("the token uses " + header.get("alg") + " with " + header.get("enc") + ", expected "
                + keyAlg + " with " + enc);
        }
        byte[] key = JoseKeys.secret(c, c.arg(1));
        int cekSize = contentKeySize(c, enc);
        byte[] cek;
        if (keyAlg.equals("DIR")) {
            cek = sized(c, key, cekSize, "dir with " + enc);
        } else {
            cek = unwrap(c, sized(c, key, wrapKeySize(c, keyAlg), keyAlg), JoseClaims.unb64(c, parts[1]));
            if (cek.length != cekSize) {
                throw c.error("the token's content key has the wrong size for " + enc);
            }
        }
        byte[] plain = open(c, enc, cek, JoseClaims.unb64(c, parts[2]), parts[0].getBytes(StandardCharsets.US_ASCII),
            JoseClaims.unb64(c, parts[3]), JoseClaims.unb64(c, parts[4]));
        return JoseClaims.verifiedPayload(c, plain, 0, 4);
    }

    private static int contentKeySize(FilterCall c, String enc) {
        return switch (enc) {
            case "A128CBC-HS256" -> 32;
            case "A192CBC-HS384" -> 48;
            case "A256CBC-HS512" -> 64;
            case "A128GCM" -> 16;
            case "A192GCM" -> 24;
            case "A256GCM" -> 32;
            default -> throw c.error("content encryption '" + enc + "' is not supported; use A128CBC-HS256,"
                + " A192CBC-HS384, A256CBC-HS512, A128GCM, A192GCM or A256GCM");
        };
    }

    private static int wrapKeySize(FilterCall c, String alg) {
        return switch (alg) {
            case "A128KW" -> 16;
            case "A192KW" -> 24;
            case "A256KW" -> 32;
            default -> throw c.error("key management '" + alg + "' is not supported; use A128KW, A192KW, A256KW"
                + " or dir");
        };
    }

    private static byte[] sized(FilterCall c, byte[] key, int size, String what) {
        if (key.length != size) {
            throw c.error(what + " needs a key of exactly " + size + " bytes, got " + key.length);
        }
        return key;
    }

    private static byte[] wrap(byte[] kek, byte[] cek) {
        try {
            Cipher w = Cipher.getInstance("AESWrap");
            w.init(Cipher.WRAP_MODE, new SecretKeySpec(kek, "AES"));
            return w.wrap(new SecretKeySpec(cek, "AES"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES key wrap failed", e);
        }
    }

    private static byte[] unwrap(FilterCall c, byte[] kek, byte[] wrapped) {
        try {
            Cipher w = Cipher.getInstance("AESWrap");
            w.init(Cipher.UNWRAP_MODE, new SecretKeySpec(kek, "AES"));
            Key k = w.unwrap(wrapped, "AES", Cipher.SECRET_KEY);
            return k.getEncoded();
        } catch (GeneralSecurityException e) {
            throw c.error("could not decrypt the token: wrong key");
        }
    }

    /** Encrypts; returns the ciphertext and the authentication tag. */
    private static byte[][] seal(String enc, byte[] cek, byte[] iv, byte[] aad, byte[] plain) {
        try {
            if (enc.endsWith("GCM")) {
                Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
                gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, iv));
                gcm.updateAAD(aad);
                byte[] out = gcm.doFinal(plain);
                return new byte[][] {Arrays.copyOf(out, out.length - 16), Arrays.copyOfRange(out, out.length - 16, out.length)};
            }
            int half = cek.length / 2;
            Cipher cbc = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cbc.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(cek, half, half, "AES"), new IvParameterSpec(iv));
            byte[] cipherText = cbc.doFinal(plain);
            return new byte[][] {cipherText, cbcTag(Arrays.copyOf(cek, half), aad, iv, cipherText)};
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("content encryption failed", e);
        }
    }

    private static byte[] open(FilterCall c, String enc, byte[] cek, byte[] iv, byte[] aad, byte[] cipherText, byte[] tag) {
        try {
            if (enc.endsWith("GCM")) {
                Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
                gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, iv));
                gcm.updateAAD(aad);
                byte[] both = Arrays.copyOf(cipherText, cipherText.length + tag.length);
                System.arraycopy(tag, 0, both, cipherText.length, tag.length);
                return gcm.doFinal(both);
            }
            int half = cek.length / 2;
            // Check the tag before decrypting, so a forged token reveals nothing about padding.
            if (!MessageDigest.isEqual(cbcTag(Arrays.copyOf(cek, half), aad, iv, cipherText), tag)) {
                throw c.error("the token's authentication tag is not valid");
            }
            Cipher cbc = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cbc.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, half, half, "AES"), new IvParameterSpec(iv));
            return cbc.doFinal(cipherText);
        } catch (GeneralSecurityException e) {
            throw c.error("could not decrypt the token: wrong key or damaged token");
        }
    }

    /** RFC 7518 §5.2.2: HMAC over AAD, IV, ciphertext and the AAD's bit length; the first half kept. */
    private static byte[] cbcTag(byte[] macKey, byte[] aad, byte[] iv, byte[] cipherText) {
        ByteBuffer input = ByteBuffer.allocate(aad.length + iv.length + cipherText.length + 8);
        input.put(aad).put(iv).put(cipherText).putLong((long) aad.length * 8);
        byte[] mac = SecurityFilters.hmac("HmacSHA" + (macKey.length * 16), macKey, input.array());
        return Arrays.copyOf(mac, macKey.length);
    }
}
