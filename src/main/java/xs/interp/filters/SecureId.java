package xs.interp.filters;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import xs.interp.Values;

/**
 * secureid_encode and secureid_decode: {@code 12345|secureid_encode:"salt"} gives a 22-character
 * url-safe token that secureid_decode with the same salt turns back into 12345. This is our own
 * scheme, not Xano's (whose format is not published), so ids encoded by Xano do not decode here.
 * The token is one AES block, under a key derived from the salt, holding the id and eight bytes
 * of an HMAC of it: decoding with another salt or a tampered token fails instead of giving a
 * wrong id.
 */
final class SecureId {
    private SecureId() {
    }

    static Object encode(FilterCall c) {
        Object n = Values.number(c.subject());
        if (!(n instanceof Long id) || c.subject() == null || c.subject() instanceof Boolean) {
            throw c.error("expects an integer id, got " + Values.typeName(c.subject()));
        }
        byte[] key = key(FilterSupport.textArg(c, 0, ""));
        byte[] block = ByteBuffer.allocate(16).putLong(id).put(check(key, id)).array();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(aes(Cipher.ENCRYPT_MODE, key, block));
    }

    static Object decode(FilterCall c) {
        String token = FilterSupport.text(c);
        byte[] key = key(FilterSupport.textArg(c, 0, ""));
        byte[] block;
        try {
            block = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            block = null;
        }
        if (block == null || block.length != 16) {
            throw c.error("\"" + FilterSupport.abbreviate(token) + "\" is not a secure id");
        }
        ByteBuffer plain = ByteBuffer.wrap(aes(Cipher.DECRYPT_MODE, key, block));
        long id = plain.getLong();
        byte[] check = new byte[8];
        plain.get(check);
        if (!MessageDigest.isEqual(check, check(key, id))) {
            throw c.error("\"" + FilterSupport.abbreviate(token) + "\" is not a secure id for this salt");
        }
        return id;
    }

    private static byte[] key(String salt) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest(("xs-secureid|" + salt).getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(digest, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] check(byte[] key, long id) {
        byte[] mac = SecurityFilters.hmac("HmacSHA256", key, ByteBuffer.allocate(8).putLong(id).array());
        return Arrays.copyOf(mac, 8);
    }

    private static byte[] aes(int mode, byte[] key, byte[] block) {
        try {
            Cipher cipher = Cipher.getInstance("AES/ECB/NoPadding");
            cipher.init(mode, new SecretKeySpec(key, "AES"));
            return cipher.doFinal(block);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
