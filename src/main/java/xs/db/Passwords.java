package xs.db;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * How {@code password} columns are stored: as bcrypt hashes ({@code $2y$10$...}, the form PHP
 * and so Xano write), never as plain text.
 *
 * <pre>security.check_password { text_password = $input.password  hash_password = $user.password } as $ok</pre>
 *
 * <p>Passwords longer than bcrypt's 72 bytes are cut there, as every other bcrypt does, rather
 * than refused.
 */
public final class Passwords {
    /** PHP's default cost, so hashes look like the ones a Xano export carries. */
    static final int COST = 10;
    private static final Pattern HASH = Pattern.compile("^\\$2[abxy]\\$\\d\\d\\$[./A-Za-z0-9]{53}$");
    private static final BCrypt.Hasher HASHER =
        BCrypt.with(BCrypt.Version.VERSION_2Y, LongPasswordStrategies.truncate(BCrypt.Version.VERSION_2Y));
    private static final BCrypt.Verifyer VERIFIER =
        BCrypt.verifyer(BCrypt.Version.VERSION_2Y, LongPasswordStrategies.truncate(BCrypt.Version.VERSION_2Y));

    private Passwords() {
    }

    /** Whether text already is a bcrypt hash (so writing it again keeps it as it is). */
    public static boolean isHash(String text) {
        return text != null && HASH.matcher(text).matches();
    }

    /** A fresh salted bcrypt hash of the text. */
    public static String hash(String plain) {
        return HASHER.hashToString(COST, plain.toCharArray());
    }

    /** Whether plain is the password behind hash; false when hash is not a bcrypt hash at all. */
    public static boolean check(String plain, String hash) {
        if (plain == null || !isHash(hash)) {
            return false;
        }
        return VERIFIER.verify(plain.getBytes(StandardCharsets.UTF_8), hash.getBytes(StandardCharsets.UTF_8)).verified;
    }
}
