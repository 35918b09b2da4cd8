package xs.interp.filters;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import xs.interp.Json;
import xs.interp.Values;

/**
 * encrypt and decrypt with OpenSSL cipher names, as PHP's openssl_encrypt with
 * OPENSSL_RAW_DATA: {@code "hello"|encrypt:"aes-256-cbc":$key:$iv|base64_encode}. The result
 * is raw bytes, which is what Xano documents ("returns the result in raw binary form"), so
 * scripts base64-encode it themselves. The key and iv are used as bytes, padded with zero
 * bytes or cut to the cipher's sizes as PHP does. Supported: aes-128/192/256 with cbc and ecb
 * (PKCS#7 padding) and ctr, ofb and cfb (no padding). Arrays and objects are encrypted as JSON.
 */
final class OpenSslCipher {
    private static final Map<String, String> MODES = Map.of(
        "cbc", "CBC/PKCS5Padding", "ecb", "ECB/PKCS5Padding", "ctr", "CTR/NoPadding",
        "ofb", "OFB/NoPadding", "cfb", "CFB/NoPadding");

    private OpenSslCipher() {
    }

    static Object encrypt(FilterCall c) {
        Object v = c.subject();
        String plain = v instanceof List<?> || v instanceof Map<?, ?> ? Json.write(v) : Values.toText(v);
        return Binary.text(run(c, Cipher.ENCRYPT_MODE, Binary.bytes(plain)));
    }

    static Object decrypt(FilterCall c) {
        byte[] data = Binary.bytes(FilterSupport.text(c));
        try {
            return Binary.text(run(c, Cipher.DECRYPT_MODE, data));
        } catch (DecryptionFailed e) {
            throw c.error("could not decrypt: wrong key, iv or algorithm, or the input is not the raw bytes"
                + " encrypt gave (base64_decode it first if it was stored as base64)");
        }
    }

    private static final class DecryptionFailed extends RuntimeException {
        DecryptionFailed() {
            super(null, null, false, false);
        }
    }

    private static byte[] run(FilterCall c, int mode, byte[] input) {
        String name = FilterSupport.textArg(c, 0, "aes-128-cbc").trim().toLowerCase(Locale.ROOT);
        String[] parts = name.split("-");
        int bits = parts.length == 3 && parts[0].equals("aes") && parts[1].matches("128|192|256")
            ? Integer.parseInt(parts[1]) : -1;
        String transformation = bits > 0 ? MODES.get(parts[2]) : null;
        if (transformation == null) {
            throw c.error("cipher '" + name + "' is not supported; use aes-128, aes-192 or aes-256 with cbc, ecb,"
                + " ctr, ofb or cfb, e.g. aes-256-cbc");
        }
        byte[] key = Arrays.copyOf(Binary.bytes(FilterSupport.textArg(c, 1, "")), bits / 8);
        byte[] iv = Arrays.copyOf(Binary.bytes(FilterSupport.textArg(c, 2, "")), 16);
        try {
            Cipher cipher = Cipher.getInstance("AES/" + transformation);
            if (parts[2].equals("ecb")) {
                cipher.init(mode, new SecretKeySpec(key, "AES"));
            } else {
                cipher.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
            }
            return cipher.doFinal(input);
        } catch (BadPaddingException | IllegalBlockSizeException e) {
            if (mode == Cipher.DECRYPT_MODE) {
                throw new DecryptionFailed();
            }
            throw new IllegalStateException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot run " + name, e);
        }
    }
}
