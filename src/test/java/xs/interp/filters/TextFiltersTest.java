package xs.interp.filters;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static xs.interp.filters.Calls.apply;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import xs.interp.XsError;

class TextFiltersTest {
    private static BigDecimal dec(String s) {
        return new BigDecimal(s);
    }

    @Test
    void trimsWhitespaceOrGivenCharacters() {
        assertEquals("Epic Battle", apply("trim", "  Epic Battle \n\t"));
        assertEquals("Epic Battle  ", apply("ltrim", "  Epic Battle  "));
        assertEquals("  Epic Battle", apply("rtrim", "  Epic Battle  "));
        assertEquals("hi", apply("trim", "xyhiyx", "xy"));
        assertEquals("123", apply("trim", "abc123cab", "a..c"));
        assertEquals(List.of("a", "b", 3L), apply("trim", List.of(" a ", "b ", 3L)));
    }

    @Test
    void changesCase() {
        assertEquals("epic battle", apply("to_lower", "Epic Battle"));
        assertEquals("EPIC BATTLE", apply("to_upper", "Epic Battle"));
        assertEquals("Epic Battle", apply("capitalize", "epic battle"));
        assertEquals("Hello-world Foo\tBar", apply("capitalize", "hello-world foo\tbar"));
        assertEquals("ÉTUDE", apply("upper", "étude"));
        assertEquals("étude", apply("lower", "ÉTUDE"));
    }

    @Test
    void measuresAndCutsByCharacter() {
        assertEquals(11L, apply("strlen", "Epic Battle"));
        assertEquals(5L, apply("strlen", "héllo"));
        assertEquals(1L, apply("strlen", "😀"));
        assertEquals("Battle", apply("substr", "Epic Battle", 5L, 6L));
        assertEquals("ef", apply("substr", "abcdef", -2L));
        assertEquals("bcde", apply("substr", "abcdef", 1L, -1L));
        assertEquals("de", apply("substr", "abcdef", -3L, 2L));
        assertEquals("", apply("substr", "abc", 5L));
        assertEquals("ll", apply("substr", "héllo", 2L, 2L));
        assertEquals("abc", apply("substr", "abc", -10L));
    }

    @Test
    void splitsReplacesAndConcatenates() {
        assertEquals(List.of("a", "b", "", "c"), apply("split", "a,b,,c", ","));
        assertEquals(List.of("a", "é", "😀"), apply("split", "aé😀", ""));
        assertEquals(List.of("Epic", "Battle"), apply("split", "Epic Battle", " "));
        assertEquals("Hella Warld", apply("replace", "Hello World", "o", "a"));
        assertEquals("abc", apply("replace", "abc", "", "x"));
        assertEquals("Hello - World", apply("concat", "Hello", "World", " - "));
        assertEquals("HelloWorld", apply("concat", "Hello", "World"));
        assertEquals("5x", apply("concat", 5L, "x"));
    }

    @Test
    void formatsLikePhpSprintf() {
        assertEquals("Hello Bob, you have 5 new messages",
            apply("sprintf", "Hello %s, you have %d new messages", "Bob", 5L));
        assertEquals("03.14", apply("sprintf", "%05.2f", dec("3.14159")));
        assertEquals("********hi", apply("sprintf", "%'*10s", "hi"));
        assertEquals("42   |", apply("sprintf", "%-5d|", 42L));
        assertEquals("+5 -5", apply("sprintf", "%+d %+d", 5L, -5L));
        assertEquals("ff FF 10 101 A", apply("sprintf", "%x %X %o %b %c", 255L, 255L, 8L, 5L, 65L));
        assertEquals("1.234500e+3", apply("sprintf", "%e", dec("1234.5")));
        assertEquals("1.230e-4", apply("sprintf", "%.3e", dec("0.000123")));
        assertEquals("b a", apply("sprintf", "%2$s %1$s", "a", "b"));
        assertEquals("18446744073709551615", apply("sprintf", "%u", -1L));
        assertEquals("100% 0.1 12 -0003", apply("sprintf", "%d%% %.1f %d %05d", 100L, dec("0.05"), "12abc", -3L));
        assertEquals(" -2.3", apply("sprintf", "%5.1f", dec("-2.345")));
        assertEquals("1.234e-5 1.23457e+8 100 0.5", apply("sprintf", "%g %g %g %g", dec("0.00001234"), 123456789L, 100L, dec("0.5")));
        assertEquals("3.000000 abc", apply("sprintf", "%f %.3s", 3L, "abcdef"));
        XsError e = assertThrows(XsError.class, () -> apply("sprintf", "%s and %s", "one"));
        assertEquals("filter 'sprintf': the format needs 2 arguments, got 1", e.getMessage());
    }

    @Test
    void findsAndCompares() {
        assertEquals(5L, apply("index", "Epic Battle", "Battle"));
        assertEquals(false, apply("index", "Epic Battle", "battle"));
        assertEquals(5L, apply("iindex", "Epic Battle", "battle"));
        assertEquals(6L, apply("index", "héllo wörld", "wörld"));
        assertEquals(0L, apply("index", "abc", ""));
        assertEquals(true, apply("starts_with", "Epic Battle", "Epic"));
        assertEquals(false, apply("starts_with", "Epic Battle", "epic"));
        assertEquals(true, apply("istarts_with", "Epic Battle", "epic"));
        assertEquals(true, apply("ends_with", "Epic Battle", "Battle"));
        assertEquals(true, apply("iends_with", "Epic Battle", "BATTLE"));
        assertEquals(true, apply("contains", "Epic Battle", "c B"));
        assertEquals(false, apply("contains", "Epic Battle", "c b"));
        assertEquals(true, apply("icontains", "Epic Battle", "c b"));
    }

    @Test
    void stripsMarkupAndAccents() {
        assertEquals("Epic Battle", apply("strip_html", "<p>Epic <b>Battle</b></p>"));
        assertEquals("Epic <b>Battle</b>", apply("strip_html", "<p>Epic <b>Battle</b></p>", "<b>"));
        assertEquals("Epic <b>Battle</b>!", apply("strip_html", "<p class=\"x>y\">Epic <b>Battle</b></p><!-- note -->!", List.of("b")));
        assertEquals("a < b", apply("strip_tags", "a < b"));
        assertEquals("etudes", apply("unaccent", "études"));
        assertEquals("Strasse Orsted Cafe", apply("unaccent", "Straße Ørsted Café"));
    }

    @Test
    void escapesAndUnescapes() {
        assertEquals("he said \\\"Hi!\\\"", apply("addslashes", "he said \"Hi!\""));
        assertEquals("O\\'Re\\\\illy\\0", apply("addslashes", "O'Re\\illy\0"));
        assertEquals("he said\\n- \\\"Hi!\\\"\\t\\\\", apply("escape", "he said\n- \"Hi!\"\t\\"));
        assertEquals("a\\x01b", apply("text_escape", "a\u0001b"));
        assertEquals("a\tbAA\\\"é", apply("text_unescape", "a\\tb\\x41\\101\\\\\\\"\\xc3\\xa9"));
        String tricky = "line1\nline2\t\"q\" \\ \u0000 7\u0000";
        assertEquals(tricky, apply("text_unescape", apply("text_escape", tricky)));
    }

    @Test
    void regexFiltersTakeThePatternAsSubject() {
        assertEquals(true, apply("regex_matches", "/^a.*c$/", "abbbbc"));
        assertEquals(false, apply("regex_matches", "/^a.*c$/", "abd"));
        assertEquals(List.of("test@example.com", "test", "example", "com"),
            apply("regex_get_first_match", "/(\\w+)@(\\w+).(\\w+)/", "test@example.com"));
        assertEquals(List.of(), apply("regex_get_first_match", "/x(y)/", "abc"));
        assertEquals(List.of("a", "a"), apply("regex_get_first_match", "/(a)(b)?/", "a"));
        assertEquals(List.of("b", "", "b"), apply("regex_get_first_match", "/(a)?(b)/", "b"));
        assertEquals(List.of(List.of("test@example.com")),
            apply("regex_get_all_matches", "/\\b\\w+@\\w+.\\w+\\b/", "test@example.com"));
        assertEquals(List.of(List.of("1x", "2"), List.of("1", "2"), List.of("x", "")),
            apply("regex_get_all_matches", "/(\\d)(x)?/", "1x2"));
        assertEquals(List.of(List.of()), apply("regex_get_all_matches", "/z/", "abc"));
        assertEquals("Hello-World", apply("regex_replace", "/\\s+/", "-", "Hello   World"));
        assertEquals("world hello!", apply("regex_replace", "/(\\w+) (\\w+)/", "$2 \\1", "hello world!"));
        assertEquals("[a]1", apply("regex_replace", "/(a)/", "[${1}]1", "a"));
        assertEquals("-a-b-", apply("regex_replace", "/x*/", "-", "ab"));
    }

    @Test
    void regexNamedGroupsGiveObjectsLikePhp() {
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("0", "2024-05");
        expected.put("year", "2024");
        expected.put("1", "2024");
        expected.put("the_month", "05");
        expected.put("2", "05");
        assertEquals(expected, apply("regex_get_first_match", "/(?<year>\\d{4})-(?P<the_month>\\d{2})/", "2024-05"));
        assertEquals(true, apply("regex_matches", "/(?P<n>a)(?P=n)\\k<n>/", "aaa"));
    }

    @Test
    void regexDelimitersAndFlags() {
        assertEquals(true, apply("regex_matches", "/HELLO/i", "say hello"));
        assertEquals(true, apply("regex_matches", "/^b$/m", "a\nb"));
        assertEquals(false, apply("regex_matches", "/^b$/", "a\nb"));
        assertEquals(true, apply("regex_matches", "/a.b/s", "a\nb"));
        assertEquals(true, apply("regex_matches", "/a b c # letters\n/x", "abc"));
        assertEquals(true, apply("regex_matches", "/^\\w+$/u", "héllo"));
        assertEquals(true, apply("regex_matches", "#a/b#", "a/b"));
        assertEquals(true, apply("regex_matches", "{^a+$}", "aaa"));
        assertEquals(true, apply("regex_matches", "/a\\/b/", "a/b"));
        assertEquals(true, apply("regex_matches", "/^[[:alpha:]]+[[:digit:]]$/", "abc1"));
        assertEquals(true, apply("regex_matches", "/^[]a]+$/", "a]a"));
        XsError noDelimiter = assertThrows(XsError.class, () -> apply("regex_matches", "abc", "abc"));
        assertTrue(noDelimiter.getMessage().contains("needs delimiters"), noDelimiter.getMessage());
        XsError flag = assertThrows(XsError.class, () -> apply("regex_matches", "/a/q", "a"));
        assertEquals("filter 'regex_matches': regular expression flag 'q' is not supported (use i, m, s, x, u)",
            flag.getMessage());
        XsError bad = assertThrows(XsError.class, () -> apply("regex_matches", "/(a/", "a"));
        assertTrue(bad.getMessage().startsWith("filter 'regex_matches': invalid regular expression /(a/"), bad.getMessage());
    }

    @Test
    void quotesRegexMetacharacters() {
        assertEquals("Hello\\. How are you\\?", apply("regex_quote", "Hello. How are you?", "/"));
        assertEquals("a\\/b \\+ \\#", apply("regex_quote", "a/b + #", "/"));
        assertEquals("a/b", apply("regex_quote", "a/b"));
    }

    @Test
    void convertsCharacterEncodings() {
        assertTrue(((List<?>) apply("list_encodings", null)).containsAll(List.of("UTF-8", "ISO-8859-1")));
        assertEquals("UTF-8", apply("detect_encoding", "étude"));
        assertEquals("ASCII", apply("detect_encoding", "etude"));
        Object latin1 = apply("from_utf8", "études");
        assertEquals("\uDCE9tudes", latin1);
        assertEquals("ISO-8859-1", apply("detect_encoding", latin1));
        assertEquals(false, apply("detect_encoding", latin1, "ASCII,UTF-8"));
        assertEquals("études", apply("to_utf8", latin1));
        assertEquals("\uDCE9tudes", apply("convert_encoding", "études", "ISO-8859-1", "UTF-8"));
        assertEquals("études", apply("convert_encoding", latin1, "UTF-8", "ISO-8859-1"));
        assertEquals("\u0000A", apply("convert_encoding", "A", "UTF-16BE"));
        XsError e = assertThrows(XsError.class, () -> apply("convert_encoding", "a", "EBCDIC-FOO"));
        assertTrue(e.getMessage().contains("unknown encoding 'EBCDIC-FOO'"), e.getMessage());
    }

    @Test
    void wrongTypesNameTheFilterAndTheType() {
        XsError e = assertThrows(XsError.class, () -> apply("split", List.of("a"), ","));
        assertEquals("filter 'split': expects text for its input, got array", e.getMessage());
        XsError arg = assertThrows(XsError.class, () -> apply("contains", "abc", Map.of("a", 1L)));
        assertEquals("filter 'contains': expects text for argument 1, got object", arg.getMessage());
    }

    /** One assertion per registered name (aliases included), so an untested filter fails here. */
    @Test
    void everyTextFilterIsCovered() {
        Map<String, Executable> examples = Map.ofEntries(
            Map.entry("trim", () -> assertEquals("a", apply("trim", " a "))),
            Map.entry("ltrim", () -> assertEquals("a ", apply("ltrim", " a "))),
            Map.entry("rtrim", () -> assertEquals(" a", apply("rtrim", " a "))),
            Map.entry("to_lower", () -> assertEquals("ab", apply("to_lower", "AB"))),
            Map.entry("to_upper", () -> assertEquals("AB", apply("to_upper", "ab"))),
            Map.entry("capitalize", () -> assertEquals("A B", apply("capitalize", "a b"))),
            Map.entry("strlen", () -> assertEquals(3L, apply("strlen", "abc"))),
            Map.entry("substr", () -> assertEquals("b", apply("substr", "abc", 1L, 1L))),
            Map.entry("split", () -> assertEquals(List.of("a", "b"), apply("split", "a b", " "))),
            Map.entry("replace", () -> assertEquals("xbc", apply("replace", "abc", "a", "x"))),
            Map.entry("concat", () -> assertEquals("a-b", apply("concat", "a", "b", "-"))),
            Map.entry("sprintf", () -> assertEquals("a=1", apply("sprintf", "%s=%d", "a", 1L))),
            Map.entry("index", () -> assertEquals(1L, apply("index", "abc", "b"))),
            Map.entry("iindex", () -> assertEquals(1L, apply("iindex", "abc", "B"))),
            Map.entry("starts_with", () -> assertEquals(true, apply("starts_with", "abc", "ab"))),
            Map.entry("istarts_with", () -> assertEquals(true, apply("istarts_with", "abc", "AB"))),
            Map.entry("ends_with", () -> assertEquals(true, apply("ends_with", "abc", "bc"))),
            Map.entry("iends_with", () -> assertEquals(true, apply("iends_with", "abc", "BC"))),
            Map.entry("contains", () -> assertEquals(true, apply("contains", "abc", "b"))),
            Map.entry("icontains", () -> assertEquals(true, apply("icontains", "abc", "B"))),
            Map.entry("strip_html", () -> assertEquals("a", apply("strip_html", "<i>a</i>"))),
            Map.entry("unaccent", () -> assertEquals("e", apply("unaccent", "é"))),
            Map.entry("addslashes", () -> assertEquals("\\'", apply("addslashes", "'"))),
            Map.entry("escape", () -> assertEquals("\\n", apply("escape", "\n"))),
            Map.entry("text_escape", () -> assertEquals("\\t", apply("text_escape", "\t"))),
            Map.entry("text_unescape", () -> assertEquals("\t", apply("text_unescape", "\\t"))),
            Map.entry("regex_matches", () -> assertEquals(true, apply("regex_matches", "/b/", "abc"))),
            Map.entry("regex_get_first_match", () -> assertEquals(List.of("b"), apply("regex_get_first_match", "/b/", "abc"))),
            Map.entry("regex_get_all_matches", () -> assertEquals(List.of(List.of("b", "b")), apply("regex_get_all_matches", "/b/", "bab"))),
            Map.entry("regex_replace", () -> assertEquals("aXc", apply("regex_replace", "/b/", "X", "abc"))),
            Map.entry("regex_quote", () -> assertEquals("a\\.b", apply("regex_quote", "a.b"))),
            Map.entry("list_encodings", () -> assertEquals("UTF-8", ((List<?>) apply("list_encodings", null)).get(0))),
            Map.entry("detect_encoding", () -> assertEquals("UTF-8", apply("detect_encoding", "é"))),
            Map.entry("to_utf8", () -> assertEquals("é", apply("to_utf8", "\uDCE9"))),
            Map.entry("from_utf8", () -> assertEquals("\uDCE9", apply("from_utf8", "é"))),
            Map.entry("convert_encoding", () -> assertEquals("\uDCE9", apply("convert_encoding", "é", "ISO-8859-1"))),
            Map.entry("lower", () -> assertEquals("a", apply("lower", "A"))),
            Map.entry("upper", () -> assertEquals("A", apply("upper", "a"))),
            Map.entry("strip_tags", () -> assertEquals("a", apply("strip_tags", "<b>a</b>"))),
            Map.entry("strip_accents", () -> assertEquals("a", apply("strip_accents", "à"))),
            Map.entry("strpos", () -> assertEquals(2L, apply("strpos", "abc", "c"))),
            Map.entry("stripos", () -> assertEquals(2L, apply("stripos", "abc", "C"))),
            Map.entry("string_replace", () -> assertEquals("abd", apply("string_replace", "abc", "c", "d"))),
            Map.entry("regex_test", () -> assertEquals(false, apply("regex_test", "/z/", "abc"))),
            Map.entry("regex_match", () -> assertEquals(List.of("ab", "b"), apply("regex_match", "/a(b)/", "abc"))),
            Map.entry("regex_match_all", () -> assertEquals(List.of(List.of("a")), apply("regex_match_all", "/a/", "abc"))));
        FilterRegistry family = new FilterRegistry();
        TextFilters.register(family);
        TreeSet<String> missing = new TreeSet<>(family.names());
        missing.removeAll(examples.keySet());
        assertEquals(new TreeSet<String>(), missing, "text filters without an example");
        assertAll(examples.values().stream());
    }
}
