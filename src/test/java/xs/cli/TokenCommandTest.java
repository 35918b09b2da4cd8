package xs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import xs.realtime.Tokens;

/** {@code xs token}: the lifetime it is given is the one the token carries. */
class TokenCommandTest {
    /** The expiry of a token minted with these extra arguments, checked to lie ttl seconds after the call. */
    private static void assertLifetime(long ttlSeconds, String... ttlArgs) throws Exception {
        String[] args = new String[4 + ttlArgs.length];
        System.arraycopy(new String[] {"token", "--user", "5", "--secret=s"}, 0, args, 0, 4);
        System.arraycopy(ttlArgs, 0, args, 4, ttlArgs.length);
        // exp is whole seconds: the window runs from the second the call started to the end of the one it ended in.
        long before = System.currentTimeMillis() / 1000 * 1000;
        Cli.Result r = Cli.run(args);
        long after = System.currentTimeMillis();
        assertEquals(0, r.code(), r.err());
        long expires = new Tokens("s").verify(r.out().trim()).expiresAtMillis();
        assertTrue(expires >= before + ttlSeconds * 1000 && expires <= after + ttlSeconds * 1000,
            () -> "expires at " + expires + ", not " + ttlSeconds + " s after the call (" + before + ".." + after + ")");
    }

    @Test
    void ttlSetsTheExpiry() throws Exception {
        assertLifetime(7200, "--ttl", "7200");
        assertLifetime(90, "--ttl=90");
    }

    @Test
    void theDefaultLifetimeIsOneDay() throws Exception {
        assertLifetime(86_400);
    }

    @Test
    void aLifetimeThatIsNotPositiveIsAUsageError() {
        Cli.Result r = Cli.run("token", "--user", "5", "--secret", "s", "--ttl", "0");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--ttl must be a positive number of seconds"), r.err());
    }
}
