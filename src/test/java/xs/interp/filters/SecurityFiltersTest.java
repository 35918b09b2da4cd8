package xs.interp.filters;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static xs.interp.filters.Calls.NOW;
import static xs.interp.filters.Calls.apply;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import xs.interp.XsError;

class SecurityFiltersTest {
    /** A throwaway 1024-bit test key made with openssl genrsa -traditional (PKCS#1). */
    private static final String RSA_PKCS1 =
        "-----BEGIN RSA PRIVATE KEY-----\n"
        + "MIICWwIBAAKBgQC76YS0IWODcKi6Rdii/WneWESphhrrPdulXDRxmxglIJRMYvLs\n"
        + "LxW0a1eP/sgIPxZJ9Wh1aK7y4jZz4rVI3YRCBJQFTH+UAksX8sqWX2T2cTm0uye0\n"
        + "8rdYf283DWxWAVMeifctrBN92VduYQ18trV6lHVwtW0kc9pDgHD3TT5jOQIDAQAB\n"
        + "AoGAPL1+57rjL9l6sLtjC0xerEBb8XAnw2J7XTgwu4gmhdnCFe7mFvIhUfBgnWr9\n"
        + "vaymx8FLwqfT5S656zuc3bC8zwxHEDYarfhff0uBoPT8o8dIrtiCLvZhzNzVUU//\n"
        + "cJC47R0MRs9CoLxnSffLk4N36METda+cbeJR5UzEHhysHwECQQDjvBd3Dz6icHi4\n"
        + "J/WJxlqrJ4m8czbMNHVXp+D3VfiqaZzh1y6QDtmfZ7exLLKqI+Eoo/lL2dMn3XcN\n"
        + "XydP7QXvAkEA0zwg6c17Cp2fe5dDXWH7oS7nTowvWiCf4ogh0Q0Tq3x7NDFaCh2V\n"
        + "iwxAwKIBjZdAkDblMzeywxiMqLVCDvuRVwJARJA1dFf3oIpCHheRuhgo5gyyUDVT\n"
        + "0ykcBvb5KR4ODqhbXjcdwqtl47MjP8lYRRcmS8kKXkbHZuIrXLBAMrUGqwJAU/Cx\n"
        + "95bjDS3j4V4Ts/kq4DteSZVlf8A1KPUF0ygKJ/w4jV4LNLfa5D2DQclfKp/vVR+r\n"
        + "ZvX8QJDx3FzjGkcX0wJAIUhdlYm6XDsjDPQXdgDCOSUjIXOhRXlgQiCR/7pys5vB\n"
        + "h6qWqLIVBS1PXDGQbqwCW2dBCBDVbswiycxo1E8b9Q==\n"
        + "-----END RSA PRIVATE KEY-----\n";
    /** The same key as PKCS#8 (openssl pkcs8 -topk8 -nocrypt). */
    private static final String RSA_PKCS8 =
        "-----BEGIN PRIVATE KEY-----\n"
        + "MIICdQIBADANBgkqhkiG9w0BAQEFAASCAl8wggJbAgEAAoGBALvphLQhY4NwqLpF\n"
        + "2KL9ad5YRKmGGus926VcNHGbGCUglExi8uwvFbRrV4/+yAg/Fkn1aHVorvLiNnPi\n"
        + "tUjdhEIElAVMf5QCSxfyypZfZPZxObS7J7Tyt1h/bzcNbFYBUx6J9y2sE33ZV25h\n"
        + "DXy2tXqUdXC1bSRz2kOAcPdNPmM5AgMBAAECgYA8vX7nuuMv2Xqwu2MLTF6sQFvx\n"
        + "cCfDYntdODC7iCaF2cIV7uYW8iFR8GCdav29rKbHwUvCp9PlLrnrO5zdsLzPDEcQ\n"
        + "Nhqt+F9/S4Gg9Pyjx0iu2IIu9mHM3NVRT/9wkLjtHQxGz0KgvGdJ98uTg3fowRN1\n"
        + "r5xt4lHlTMQeHKwfAQJBAOO8F3cPPqJweLgn9YnGWqsnibxzNsw0dVen4PdV+Kpp\n"
        + "nOHXLpAO2Z9nt7Essqoj4Sij+UvZ0yfddw1fJ0/tBe8CQQDTPCDpzXsKnZ97l0Nd\n"
        + "YfuhLudOjC9aIJ/iiCHRDROrfHs0MVoKHZWLDEDAogGNl0CQNuUzN7LDGIyotUIO\n"
        + "+5FXAkBEkDV0V/egikIeF5G6GCjmDLJQNVPTKRwG9vkpHg4OqFteNx3Cq2XjsyM/\n"
        + "yVhFFyZLyQpeRsdm4itcsEAytQarAkBT8LH3luMNLePhXhOz+SrgO15JlWV/wDUo\n"
        + "9QXTKAon/DiNXgs0t9rkPYNByV8qn+9VH6tm9fxAkPHcXOMaRxfTAkAhSF2Vibpc\n"
        + "OyMM9Bd2AMI5JSMhc6FFeWBCIJH/unKzm8GHqpaoshUFLU9cMZBurAJbZ0EIENVu\n"
        + "zCLJzGjUTxv1\n"
        + "-----END PRIVATE KEY-----\n";
    /** Its public half as SubjectPublicKeyInfo and as PKCS#1. */
    private static final String RSA_PUBLIC =
        "-----BEGIN PUBLIC KEY-----\n"
        + "MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC76YS0IWODcKi6Rdii/WneWESp\n"
        + "hhrrPdulXDRxmxglIJRMYvLsLxW0a1eP/sgIPxZJ9Wh1aK7y4jZz4rVI3YRCBJQF\n"
        + "TH+UAksX8sqWX2T2cTm0uye08rdYf283DWxWAVMeifctrBN92VduYQ18trV6lHVw\n"
        + "tW0kc9pDgHD3TT5jOQIDAQAB\n"
        + "-----END PUBLIC KEY-----\n";
    private static final String RSA_PUBLIC_PKCS1 =
        "-----BEGIN RSA PUBLIC KEY-----\n"
        + "MIGJAoGBALvphLQhY4NwqLpF2KL9ad5YRKmGGus926VcNHGbGCUglExi8uwvFbRr\n"
        + "V4/+yAg/Fkn1aHVorvLiNnPitUjdhEIElAVMf5QCSxfyypZfZPZxObS7J7Tyt1h/\n"
        + "bzcNbFYBUx6J9y2sE33ZV25hDXy2tXqUdXC1bSRz2kOAcPdNPmM5AgMBAAE=\n"
        + "-----END RSA PUBLIC KEY-----\n";
    /** {"sub":"x"} signed RS256 with the key above by openssl dgst -sha256 -sign. */
    private static final String OPENSSL_RS256 = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ4In0.hkpesRNPRsFuX7x7mDYIqitqBJ_ovtCA1YbO0rZBmYl4NqtbTEEXXA7-FerTgTAE6joIyux_ZODfBoOfbDUHR7dS5_iWjsVLNI9Xa3Jc40UMx_wYvPuWvPTolNcferbQFGWvLaOjk42gIWawaROzGxDYPFRbQFwJZZBSHZlzvDk";

    private static Map<String, Object> obj(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void digestsMatchKnownVectors() {
        assertEquals("900150983cd24fb0d6963f7d28e17f72", apply("md5", "abc"));
        assertEquals("a9993e364706816aba3e25717850c26c9cd0d89d", apply("sha1", "abc"));
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", apply("sha256", "abc"));
        assertEquals("cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7",
            apply("sha384", "abc"));
        assertEquals("ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd"
            + "454d4423643ce80e2a9ac94fa54ca49f", apply("sha512", "abc"));
        assertEquals("66ddcd97cfdeabb2f6fb8a999b4bc76f", apply("md5", "é"));
        assertEquals("kAFQmDzST7DWlj99KOF/cg==", apply("base64_encode", apply("md5", "abc", true)));
    }

    @Test
    void hmacsMatchRfc4231AndRfc2202() {
        String data = "what do ya want for nothing?";
        assertEquals("750c783e6ab0b503eaa86e310a5db738", apply("hmac_md5", data, "Jefe"));
        assertEquals("effcdf6ae5eb2fa2d27416d5f184df9c259a7c79", apply("hmac_sha1", data, "Jefe"));
        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", apply("hmac_sha256", data, "Jefe"));
        assertEquals("af45d2e376484031617f78d2b58a6b1b9c7ef464f5a01b47e42ec3736322445e8e2240ca5e69e2c78b3239ecfab21649",
            apply("hmac_sha384", data, "Jefe"));
        assertEquals("164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fd"
            + "caeab1a34d4a6b4b636e070a38bce737", apply("hmac_sha512", data, "Jefe"));
        // Raw output piped on, as webhook signatures are checked: |hmac_sha256:$k:true|base64_encode.
        assertEquals("W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM=",
            apply("base64_encode", apply("hmac_sha256", data, "Jefe", true)));
        assertEquals("fd7adb152c05ef80dccf50a1fa4c05d5a3ec6da95575fc312ae7c5d091836351", apply("hmac_sha256", "abc", ""));
    }

    @Test
    void encryptsLikeOpenSsl() {
        // Xano's documented example, checked with: openssl enc -aes-192-cbc -K <key as hex> -iv <iv as hex>
        assertEquals("uZntWiCtcnw1l8rA6X7bbA==", apply("base64_encode",
            apply("encrypt", "hello", "aes-192-cbc", "1494AX6XJUsDe51kF9S9sA==", "27222b6032574bad")));
        String key = (String) apply("hex2bin", "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
        String iv = (String) apply("hex2bin", "0f0e0d0c0b0a09080706050403020100");
        Object cipher = apply("encrypt", "hello world, this is xs", "aes-256-cbc", key, iv);
        assertEquals("5094d66aaf79919f64a7391eac48cf69fa1504950de1ab27598768032d133aa5", apply("bin2hex", cipher));
        assertEquals("hello world, this is xs", apply("decrypt", cipher, "aes-256-cbc", key, iv));
        assertEquals("e+3OsGVfOJQQaXifNkYgkQ==",
            apply("base64_encode", apply("encrypt", "hello", "aes-128-cbc", "0123456789abcdef", "fedcba9876543210")));
    }

    @Test
    void encryptRoundTripsEveryMode() {
        for (String alg : List.of("aes-128-cbc", "aes-192-cbc", "aes-256-cbc", "aes-256-ecb", "aes-128-ctr",
                "aes-256-ofb", "aes-256-cfb")) {
            Object secret = apply("encrypt", "données 🔒", alg, "k", "iv");
            assertNotEquals("données 🔒", secret, alg);
            assertEquals("données 🔒", apply("decrypt", secret, alg, "k", "iv"), alg);
            Object stored = apply("base64_encode", secret);
            assertEquals("données 🔒", apply("decrypt", apply("base64_decode", stored), alg, "k", "iv"), alg);
        }
        Object secret = apply("encrypt", "x", "aes-256-cbc", "key-one", "iv");
        XsError wrong = assertThrows(XsError.class, () -> apply("decrypt", secret, "aes-256-cbc", "key-two", "iv"));
        assertTrue(wrong.getMessage().startsWith("filter 'decrypt': could not decrypt"), wrong.getMessage());
        XsError alg = assertThrows(XsError.class, () -> apply("encrypt", "x", "des-cbc", "k", "iv"));
        assertTrue(alg.getMessage().startsWith("filter 'encrypt': cipher 'des-cbc' is not supported"), alg.getMessage());
        assertEquals("{\"a\":1}", apply("decrypt", apply("encrypt", obj("a", 1L), "aes-128-cbc", "k", "iv"),
            "aes-128-cbc", "k", "iv"));
    }

    @Test
    void jwsMatchesTheJwtIoExample() {
        String token = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0"
            + "IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
        Map<String, Object> claims = obj("sub", "1234567890", "name", "John Doe", "iat", 1516239022L);
        assertEquals(token, apply("jws_encode", claims, obj(), "your-256-bit-secret", "HS256"));
        assertEquals(claims, apply("jws_decode", token, obj(), "your-256-bit-secret", "HS256"));
        assertEquals(claims, apply("jws_decode", token, obj("sub", "1234567890"), "your-256-bit-secret"));
        XsError forged = assertThrows(XsError.class, () -> apply("jws_decode", token, obj(), "another-secret", "HS256"));
        assertEquals("filter 'jws_decode': the token's signature is not valid", forged.getMessage());
        XsError claim = assertThrows(XsError.class, () -> apply("jws_decode", token, obj("sub", "x"), "your-256-bit-secret"));
        assertEquals("filter 'jws_decode': the token's claim 'sub' does not match", claim.getMessage());
        XsError alg = assertThrows(XsError.class, () -> apply("jws_decode", token, obj(), "your-256-bit-secret", "HS512"));
        assertEquals("filter 'jws_decode': the token is signed with HS256, expected HS512", alg.getMessage());
    }

    @Test
    void jwsTtlExpiresTokens() {
        Map<String, Object> expected = obj("user", 7L, "iat", NOW / 1000, "exp", NOW / 1000 + 60);
        for (String alg : List.of("HS256", "HS384", "HS512")) {
            Object token = apply("jws_encode", obj("user", 7L), obj("kid", "k1"), "secret", alg, 60L);
            assertEquals(expected, apply("jws_decode", token, null, "secret", alg));
            String header = (String) apply("base64_decode_urlsafe", ((String) token).split("\\.")[0]);
            assertEquals("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\",\"kid\":\"k1\"}", header);
        }
        Object old = apply("jws_encode", obj("exp", NOW / 1000 - 10), null, "secret");
        XsError e = assertThrows(XsError.class, () -> apply("jws_decode", old, null, "secret"));
        assertEquals("filter 'jws_decode': the token has expired", e.getMessage());
        assertEquals(obj("exp", NOW / 1000 - 10), apply("jws_decode", old, null, "secret", "HS256", 30L));
        assertEquals("hello", apply("jws_decode", apply("jws_encode", "hello", null, "k"), null, "k"));
        Map<String, Object> jwk = obj("kty", "oct", "k", "c2VjcmV0");
        assertEquals(obj("a", 1L), apply("jws_decode", apply("jws_encode", obj("a", 1L), null, jwk), null, "secret"));
    }

    @Test
    void jwsSignsWithRsaKeys() {
        assertEquals(OPENSSL_RS256, apply("jws_encode", obj("sub", "x"), null, RSA_PKCS1, "RS256"));
        assertEquals(OPENSSL_RS256, apply("jws_encode", obj("sub", "x"), null, RSA_PKCS8, "RS256"));
        assertEquals(obj("sub", "x"), apply("jws_decode", OPENSSL_RS256, null, RSA_PUBLIC, "RS256"));
        assertEquals(obj("sub", "x"), apply("jws_decode", OPENSSL_RS256, null, RSA_PUBLIC_PKCS1, "RS256"));
        assertEquals(obj("sub", "x"), apply("jws_decode", OPENSSL_RS256, null, RSA_PKCS8, "RS256"));
        Object token = apply("jws_encode", obj("n", 1L), null, RSA_PKCS8, "RS512");
        assertEquals(obj("n", 1L), apply("jws_decode", token, null, RSA_PUBLIC, "RS512"));
        XsError es = assertThrows(XsError.class, () -> apply("jws_encode", obj(), null, "k", "ES256"));
        assertTrue(es.getMessage().contains("ES algorithms need an EC key object"), es.getMessage());
        XsError ps = assertThrows(XsError.class, () -> apply("jws_encode", obj(), null, "k", "PS256"));
        assertTrue(ps.getMessage().contains("'PS256' is not supported"), ps.getMessage());
    }

    @Test
    void jweDecodesTheRfc7516Example() {
        String token = "eyJhbGciOiJBMTI4S1ciLCJlbmMiOiJBMTI4Q0JDLUhTMjU2In0."
            + "6KB707dM9YTIgHtLvtgWQ8mKwboJW3of9locizkDTHzBC2IlrT1oOQ."
            + "AxY8DCtDaGlsbGljb3RoZQ."
            + "KDlTtXchhZTGufMYmOYGS4HffxPSUrfmqCHXaI9wOGY."
            + "U0m_YmjN04DJvceFICbCVQ";
        Map<String, Object> jwk = obj("kty", "oct", "k", "GawgguFyGrWKav7AX4VKUg");
        assertEquals("Live long and prosper.", apply("jwe_decode", token, null, jwk, "A128KW", "A128CBC-HS256"));
        String tampered = token.substring(0, token.length() - 2) + "VA";
        XsError e = assertThrows(XsError.class, () -> apply("jwe_decode", tampered, null, jwk, "A128KW", "A128CBC-HS256"));
        assertEquals("filter 'jwe_decode': the token's authentication tag is not valid", e.getMessage());
    }

    @Test
    void jweRoundTripsEveryAlgorithm() {
        String key32 = "0123456789abcdef0123456789abcdef";
        Map<String, Object> claims = obj("user", 7L);
        for (String enc : List.of("A128CBC-HS256", "A192CBC-HS384", "A256CBC-HS512", "A128GCM", "A192GCM", "A256GCM")) {
            for (String alg : List.of("A128KW", "A256KW")) {
                String key = key32.substring(0, alg.equals("A128KW") ? 16 : 32);
                Object token = apply("jwe_encode", claims, null, key, alg, enc);
                assertEquals(claims, apply("jwe_decode", token, null, key, alg, enc), alg + " " + enc);
            }
        }
        Object direct = apply("jwe_encode", claims, obj("kid", "d"), key32, "dir", "A256GCM", 60L);
        assertEquals(obj("user", 7L, "iat", NOW / 1000, "exp", NOW / 1000 + 60),
            apply("jwe_decode", direct, obj("user", 7L), key32, "dir", "A256GCM"));
        assertEquals(claims, apply("jwe_decode", apply("jwe_encode", claims, null, key32), null, key32));
        XsError size = assertThrows(XsError.class, () -> apply("jwe_encode", claims, null, "short", "A256KW"));
        assertEquals("filter 'jwe_encode': A256KW needs a key of exactly 32 bytes, got 5", size.getMessage());
        XsError rsa = assertThrows(XsError.class, () -> apply("jwe_encode", claims, null, key32, "RSA-OAEP"));
        assertTrue(rsa.getMessage().contains("'RSA-OAEP' is not supported"), rsa.getMessage());
    }

    @Test
    void secureIdsRoundTripPerSalt() {
        Object token = apply("secureid_encode", 12345L, "my_salt");
        assertEquals(22, ((String) token).length());
        assertTrue(((String) token).matches("[A-Za-z0-9_-]+"), (String) token);
        assertEquals(token, apply("secureid_encode", "12345", "my_salt"));
        assertEquals(12345L, apply("secureid_decode", token, "my_salt"));
        assertNotEquals(token, apply("secureid_encode", 12345L, "other"));
        assertEquals(-9L, apply("secureid_decode", apply("secureid_encode", -9L), (Object) null));
        XsError salt = assertThrows(XsError.class, () -> apply("secureid_decode", token, "other"));
        assertTrue(salt.getMessage().endsWith("is not a secure id for this salt"), salt.getMessage());
        XsError junk = assertThrows(XsError.class, () -> apply("secureid_decode", "nope", "my_salt"));
        assertEquals("filter 'secureid_decode': \"nope\" is not a secure id", junk.getMessage());
    }

    @Test
    void makesIdentifiers() {
        String uuid = (String) apply("uuid", null);
        assertTrue(uuid.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"), uuid);
        assertNotEquals(uuid, apply("uuid", null));
        long uid = (Long) apply("create_uid", null);
        assertTrue(uid >= 0);
        assertNotEquals(uid, apply("create_uid", null));
    }

    @Test
    void wrongTypesNameTheFilterAndTheType() {
        XsError e = assertThrows(XsError.class, () -> apply("sha256", List.of("a")));
        assertEquals("filter 'sha256': expects text for its input, got array", e.getMessage());
        XsError id = assertThrows(XsError.class, () -> apply("secureid_encode", "abc", "s"));
        assertEquals("filter 'secureid_encode': expects an integer id, got text", id.getMessage());
        XsError key = assertThrows(XsError.class, () -> apply("jws_encode", obj(), null, List.of(), "HS256"));
        assertEquals("filter 'jws_encode': expects a key (text or JWK object), got array", key.getMessage());
    }

    /** One assertion per registered name (aliases included), so an untested filter fails here. */
    @Test
    void everySecurityFilterIsCovered() {
        String jwt = (String) apply("jws_encode", obj("a", 1L), null, "k");
        String jwe = (String) apply("jwe_encode", obj("a", 1L), null, "0123456789abcdef0123456789abcdef");
        Map<String, Executable> examples = Map.ofEntries(
            Map.entry("md5", () -> assertEquals("d41d8cd98f00b204e9800998ecf8427e", apply("md5", ""))),
            Map.entry("sha1", () -> assertEquals("da39a3ee5e6b4b0d3255bfef95601890afd80709", apply("sha1", ""))),
            Map.entry("sha256", () -> assertEquals(64, ((String) apply("sha256", "")).length())),
            Map.entry("sha384", () -> assertEquals(96, ((String) apply("sha384", "")).length())),
            Map.entry("sha512", () -> assertEquals(128, ((String) apply("sha512", "")).length())),
            Map.entry("hmac_md5", () -> assertEquals(32, ((String) apply("hmac_md5", "a", "k")).length())),
            Map.entry("hmac_sha1", () -> assertEquals(40, ((String) apply("hmac_sha1", "a", "k")).length())),
            Map.entry("hmac_sha256", () -> assertEquals(64, ((String) apply("hmac_sha256", "a", "k")).length())),
            Map.entry("hmac_sha384", () -> assertEquals(96, ((String) apply("hmac_sha384", "a", "k")).length())),
            Map.entry("hmac_sha512", () -> assertEquals(128, ((String) apply("hmac_sha512", "a", "k")).length())),
            Map.entry("encrypt", () -> assertEquals(16, ((String) apply("bin2hex", apply("encrypt", "a", "aes-128-cbc", "k", "i"))).length() / 2)),
            Map.entry("decrypt", () -> assertEquals("a", apply("decrypt", apply("encrypt", "a", "aes-128-cbc", "k", "i"), "aes-128-cbc", "k", "i"))),
            Map.entry("jws_encode", () -> assertEquals(3, jwt.split("\\.").length)),
            Map.entry("jws_decode", () -> assertEquals(obj("a", 1L), apply("jws_decode", jwt, null, "k"))),
            Map.entry("jwe_encode", () -> assertEquals(5, jwe.split("\\.", -1).length)),
            Map.entry("jwe_decode", () -> assertEquals(obj("a", 1L), apply("jwe_decode", jwe, null, "0123456789abcdef0123456789abcdef"))),
            Map.entry("secureid_encode", () -> assertEquals(22, ((String) apply("secureid_encode", 1L, "s")).length())),
            Map.entry("secureid_decode", () -> assertEquals(1L, apply("secureid_decode", apply("secureid_encode", 1L, "s"), "s"))),
            Map.entry("create_uid", () -> assertTrue(apply("create_uid", null) instanceof Long)),
            Map.entry("uuid", () -> assertEquals(36, ((String) apply("uuid", null)).length())),
            Map.entry("crypto_jws_encode", () -> assertEquals(jwt, apply("crypto_jws_encode", obj("a", 1L), null, "k"))),
            Map.entry("crypto_jws_decode", () -> assertEquals(obj("a", 1L), apply("crypto_jws_decode", jwt, null, "k"))),
            Map.entry("crypto_jwe_encode", () -> assertEquals(5, ((String) apply("crypto_jwe_encode", "x", null, "0123456789abcdef0123456789abcdef")).split("\\.", -1).length)),
            Map.entry("crypto_jwe_decode", () -> assertEquals(obj("a", 1L), apply("crypto_jwe_decode", jwe, null, "0123456789abcdef0123456789abcdef"))),
            Map.entry("uid", () -> assertTrue((Long) apply("uid", null) >= 0)),
            Map.entry("uuid4", () -> assertEquals('4', ((String) apply("uuid4", null)).charAt(14))));
        FilterRegistry family = new FilterRegistry();
        SecurityFilters.register(family);
        TreeSet<String> missing = new TreeSet<>(family.names());
        missing.removeAll(examples.keySet());
        assertEquals(new TreeSet<String>(), missing, "security filters without an example");
        assertAll(examples.values().stream());
    }
}
