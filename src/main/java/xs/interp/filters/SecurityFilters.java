package xs.interp.filters;

import static xs.interp.filters.FilterSupport.text;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import xs.interp.Values;

/**
 * The security filters of reference §8: {@code $body|hmac_sha256:$secret},
 * {@code $claims|jws_encode:{}:$key:"HS256":3600}, {@code |uuid}. Digests and HMACs are
 * lowercase hex, or raw bytes when the optional last argument is true (so
 * {@code |hmac_sha256:$k:true|base64_encode} works as in PHP). Text is hashed as its UTF-8
 * bytes; see {@link Binary} for how raw bytes travel in text values.
 */
final class SecurityFilters {
    private static final SecureRandom RANDOM = new SecureRandom();

    private SecurityFilters() {
    }

    static void register(FilterRegistry r) {
        r.register("md5", c -> digest(c, "MD5"));
        r.register("sha1", c -> digest(c, "SHA-1"));
        r.register("sha256", c -> digest(c, "SHA-256"));
        r.register("sha384", c -> digest(c, "SHA-384"));
        r.register("sha512", c -> digest(c, "SHA-512"));
        r.register("hmac_md5", c -> hmac(c, "HmacMD5"));
        r.register("hmac_sha1", c -> hmac(c, "HmacSHA1"));
        r.register("hmac_sha256", c -> hmac(c, "HmacSHA256"));
        r.register("hmac_sha384", c -> hmac(c, "HmacSHA384"));
        r.register("hmac_sha512", c -> hmac(c, "HmacSHA512"));
        r.register("encrypt", c -> OpenSslCipher.encrypt(c));
        r.register("decrypt", c -> OpenSslCipher.decrypt(c));
        r.register("jws_encode", Jws::encode);
        r.register("jws_decode", Jws::decode);
        r.register("jwe_encode", Jwe::encode);
        r.register("jwe_decode", Jwe::decode);
        r.register("secureid_encode", SecureId::encode);
        r.register("secureid_decode", SecureId::decode);
        // A random positive 63-bit id; Xano's "seeded off the value" is not reproducible anyway.
        r.register("create_uid", c -> RANDOM.nextLong() >>> 1);
        r.register("uuid", c -> UUID.randomUUID().toString());

        // Older exports still use the engine's internal names.
        r.alias("crypto_jws_encode", "jws_encode");
        r.alias("crypto_jws_decode", "jws_decode");
        r.alias("crypto_jwe_encode", "jwe_encode");
        r.alias("crypto_jwe_decode", "jwe_decode");
        r.alias("uid", "create_uid");
        r.alias("uuid4", "uuid");
    }

    private static Object digest(FilterCall c, String algorithm) {
        byte[] input = Binary.bytes(text(c));
        try {
            return output(MessageDigest.getInstance(algorithm).digest(input), c.hasArg(0) && Values.truthy(c.arg(0)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks " + algorithm, e);
        }
    }

    private static Object hmac(FilterCall c, String algorithm) {
        byte[] input = Binary.bytes(text(c));
        byte[] key = Binary.bytes(FilterSupport.textArg(c, 0, ""));
        return output(hmac(algorithm, key, input), c.hasArg(1) && Values.truthy(c.arg(1)));
    }

    static byte[] hmac(String algorithm, byte[] key, byte[] input) {
        // HMAC pads keys with zero bytes, so an empty key (which SecretKeySpec refuses)
        // is the same key as a single zero byte.
        byte[] k = key.length == 0 ? new byte[1] : key;
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(k, algorithm));
            return mac.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks " + algorithm, e);
        }
    }

    private static String output(byte[] bytes, boolean raw) {
        return raw ? Binary.text(bytes) : Binary.hex(bytes);
    }

    static SecureRandom random() {
        return RANDOM;
    }
}
