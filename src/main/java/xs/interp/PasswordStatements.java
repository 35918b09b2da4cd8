package xs.interp;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import xs.ast.GenericStmt;
import xs.db.Passwords;
import xs.source.Span;

/**
 * Passwords: checking one against the bcrypt hash a {@code password} column stores, and making
 * random ones.
 *
 * <pre>security.check_password { text_password = $input.password  hash_password = $user.password } as $ok</pre>
 */
final class PasswordStatements {
    private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
    private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String DIGITS = "0123456789";
    private static final String SYMBOLS = "!@#$%^&*()-_=+[]{};:,.<>?";
    /** Longer is a mistake, not a password. */
    private static final int MAX_LENGTH = 4096;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordStatements() {
    }

    static void register(StatementRegistry r) {
        r.add("security.check_password", Set.of("text_password", "hash_password"), Set.of("text_password", "hash_password"),
            PasswordStatements::check);
        r.add("security.create_password", Set.of("character_count", "require_lowercase", "require_uppercase",
            "require_digit", "require_symbol", "symbol_whitelist"), Set.of("character_count"), PasswordStatements::create);
    }

    /** True when the text is the password behind the hash; false for anything else, a non-hash included. */
    private static Exec check(GenericStmt s, Compilation c) {
        Eval text = c.required(s, "text_password");
        Eval hash = c.required(s, "hash_password");
        return CoreStatements.produce(s, c, f -> {
            Object plain = text.eval(f);
            Object stored = hash.eval(f);
            return plain != null && stored instanceof String h && Passwords.check(Values.toText(plain), h);
        });
    }

    /** A random password of character_count characters with at least one of each required kind. */
    private static Exec create(GenericStmt s, Compilation c) {
        Eval count = c.required(s, "character_count");
        Eval lower = c.attr(s, "require_lowercase", false);
        Eval upper = c.attr(s, "require_uppercase", false);
        Eval digit = c.attr(s, "require_digit", false);
        Eval symbol = c.attr(s, "require_symbol", false);
        Eval whitelist = c.attr(s, "symbol_whitelist", null);
        Span span = s.span();
        return CoreStatements.produce(s, c, f -> {
            List<String> kinds = new ArrayList<>();
            if (Values.truthy(lower.eval(f))) {
                kinds.add(LOWER);
            }
            if (Values.truthy(upper.eval(f))) {
                kinds.add(UPPER);
            }
            if (Values.truthy(digit.eval(f))) {
                kinds.add(DIGITS);
            }
            if (Values.truthy(symbol.eval(f))) {
                Object allowed = whitelist.eval(f);
                String symbols = allowed == null || Values.toText(allowed).isEmpty() ? SYMBOLS : Values.toText(allowed);
                kinds.add(symbols);
            }
            if (kinds.isEmpty()) {
                kinds = List.of(LOWER, UPPER, DIGITS);
            }
            return generate(length(count.eval(f), kinds.size(), span), kinds);
        });
    }

    private static int length(Object value, int kinds, Span span) {
        Object n = Values.number(value);
        if (!(n instanceof Long) && !(n instanceof BigDecimal d && d.stripTrailingZeros().scale() <= 0)) {
            throw XsError.input(span, "character_count", "character_count must be a whole number, got "
                + Values.typeName(value));
        }
        long length = ((Number) n).longValue();
        if (length < kinds || length > MAX_LENGTH) {
            throw XsError.input(span, "character_count", "character_count must be between " + kinds
                + " (one character of each required kind) and " + MAX_LENGTH + ", got " + length);
        }
        return (int) length;
    }

    private static String generate(int length, List<String> kinds) {
        List<Character> chars = new ArrayList<>(length);
        for (String kind : kinds) {
            chars.add(pick(kind));
        }
        String all = String.join("", kinds);
        while (chars.size() < length) {
            chars.add(pick(all));
        }
        Collections.shuffle(chars, RANDOM);
        StringBuilder out = new StringBuilder(length);
        chars.forEach(out::append);
        return out.toString();
    }

    private static char pick(String from) {
        return from.charAt(RANDOM.nextInt(from.length()));
    }
}
