package xs.db;

/**
 * Comparison operators of the where-clause sub-language.
 *
 * <pre>$db.user.email == $input.email &amp;&amp; $db.user.tags contains "vip"</pre>
 *
 * Equality is loose (PHP-like, {@code 1 == "1"}) except for the strict pair. A constant compared
 * with a typed column is first coerced to the column's type when it can be, so
 * {@code $db.event.at > "2025-01-01"} compares timestamps. Negated operators are the plain
 * negation of their positive form, also for null column values.
 */
public enum Op {
    EQ, NE, STRICT_EQ, STRICT_NE, GT, GE, LT, LE,
    /** Right side is a list. */
    IN, NOT_IN,
    /** Array column holds the element; on a text column: case-sensitive substring. */
    CONTAINS, NOT_CONTAINS,
    /** Text contains the substring, ignoring case. */
    INCLUDES, NOT_INCLUDES,
    /** SQL patterns with {@code %} and {@code _}; the I forms ignore case. */
    LIKE, NOT_LIKE, ILIKE, NOT_ILIKE,
    /** Java regular expression, found anywhere in the text; {@code /re/flags} also accepted. */
    REGEX, NOT_REGEX,
    /** Two arrays share at least one element. */
    OVERLAPS, NOT_OVERLAPS,
    /** {@code @>}: the left object or array contains the right one. */
    JSON_CONTAINS
}
