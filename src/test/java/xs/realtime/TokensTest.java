package xs.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Verified tokens are remembered, and a remembered token still expires and never changes. */
class TokensTest {
    @Test
    void aRememberedTokenIsTheSameAnswer() throws Exception {
        Tokens tokens = new Tokens("tokens-secret");
        String token = tokens.mint("7", Map.of("role", "admin"), 3600, "users");
        Tokens.Verified first = tokens.verify(token);
        assertSame(first, tokens.verify(" " + token + " "));
        assertEquals("7", first.identity().userId());
        assertEquals("users", first.identity().table());
        assertThrows(UnsupportedOperationException.class, () -> first.identity().extras().put("role", "root"));
    }

    @Test
    void aRememberedTokenStillExpires() throws Exception {
        Tokens tokens = new Tokens("tokens-secret");
        String token = tokens.mint("7", Map.of(), 1, "user");
        Tokens.Verified v = tokens.verify(token);
        while (System.currentTimeMillis() <= v.expiresAtMillis()) {
            Thread.sleep(50);
        }
        Tokens.Rejected e = assertThrows(Tokens.Rejected.class, () -> tokens.verify(token));
        assertTrue(e.getMessage().contains("expired"), e.getMessage());
        assertThrows(Tokens.Rejected.class, () -> tokens.verify(token));
    }

    @Test
    void onlyVerifiedTokensAreRemembered() throws Exception {
        Tokens tokens = new Tokens("tokens-secret");
        String other = new Tokens("another-secret").mint("7", Map.of(), 3600, "user");
        assertThrows(Tokens.Rejected.class, () -> tokens.verify(other));
        assertThrows(Tokens.Rejected.class, () -> tokens.verify(other));
    }

    @Test
    void theCacheIsBounded() throws Exception {
        Tokens tokens = new Tokens("tokens-secret");
        for (int i = 0; i <= Tokens.CACHED + 10; i++) {
            tokens.verify(tokens.mint(String.valueOf(i), Map.of(), 3600, "user"));
        }
        assertTrue(tokens.remembered() <= Tokens.CACHED, String.valueOf(tokens.remembered()));
    }
}
