package xs.interp.filters;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static xs.interp.filters.Calls.apply;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import xs.interp.XsError;

class EncodingFiltersTest {
    /** An ordered object from alternating keys and values. */
    private static Map<String, Object> obj(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static List<Object> list(Object... items) {
        return new ArrayList<>(List.of(items));
    }

    @Test
    void encodesAndDecodesJson() {
        assertEquals("{\"a\":1,\"b\":[true,null,1.50],\"c\":\"é/\\\"\"}",
            apply("json_encode", obj("a", 1L, "b", java.util.Arrays.asList(true, null, new BigDecimal("1.50")), "c", "é/\"")));
        assertEquals(obj("a", 1L, "b", 2L, "c", 3L), apply("json_decode", "{\"a\":1,\"b\":2,\"c\":3}"));
        assertEquals(new BigDecimal("1.5"), apply("json_decode", "1.5"));
        assertEquals(12L, apply("json_decode", 12L));
        assertEquals(null, apply("json_decode", ""));
        XsError e = assertThrows(XsError.class, () -> apply("json_decode", "{\"a\":1,}"));
        assertTrue(e.getMessage().startsWith("filter 'json_decode': invalid JSON at line 1, column 8"), e.getMessage());
        XsError type = assertThrows(XsError.class, () -> apply("json_decode", list(1L)));
        assertEquals("filter 'json_decode': expects JSON text, got array", type.getMessage());
    }

    @Test
    void decodesXmlInXanosShape() {
        Object expected = obj("root", obj("@attributes", list(), "value", list(
            obj("a", obj("@attributes", list(), "value", "1")),
            obj("b", obj("@attributes", obj("id", "x", "n", "2"), "value", "2")),
            obj("c", obj("@attributes", list(), "value", "")))));
        assertEquals(expected, apply("xml_decode", "<?xml version=\"1.0\"?>\n<root>\n  <a>1</a>\n  <b id=\"x\" n=\"2\">2</b>\n  <c/>\n</root>"));
        assertEquals(obj("p", obj("@attributes", list(), "value", list("Hi", obj("b", obj("@attributes", list(), "value", "there")), "!"))),
            apply("xml_decode", "<p>Hi <b>there</b> !</p>"));
        assertEquals(obj("t", obj("@attributes", list(), "value", "a<b & c")), apply("xml_decode", "<t><![CDATA[a<b]]> &amp; c</t>"));
        XsError e = assertThrows(XsError.class, () -> apply("xml_decode", "<a><b></a>"));
        assertTrue(e.getMessage().startsWith("filter 'xml_decode': invalid XML at line 1"), e.getMessage());
        XsError doctype = assertThrows(XsError.class,
            () -> apply("xml_decode", "<!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;</a>"));
        assertTrue(doctype.getMessage().contains("invalid XML"), doctype.getMessage());
    }

    @Test
    void encodesYaml() {
        assertEquals("a: 1\nb: 2\nc: 3\n", apply("yaml_encode", obj("a", 1L, "b", 2L, "c", 3L)));
        assertEquals("name: Ann\ntags:\n- x\n- \"true\"\n- \"\"\nitems:\n- id: 1\n  ok: true\n- []\n"
            + "nested:\n  deep:\n    v: 1.5\nnote: |-\n  two\n  lines\nquote: \"it's: here\"\nnone: null\nempty: {}\n",
            apply("yaml_encode", obj("name", "Ann", "tags", list("x", "true", ""),
                "items", list(obj("id", 1L, "ok", true), list()), "nested", obj("deep", obj("v", new BigDecimal("1.5"))),
                "note", "two\nlines", "quote", "it's: here", "none", null, "empty", obj())));
        assertEquals("- 1\n- - a\n  - b\n", apply("yaml_encode", list(1L, list("a", "b"))));
        assertEquals("hello\n", apply("yaml_encode", "hello"));
        // Text that would read back as something else is quoted: numbers in any YAML form, booleans, null.
        assertEquals("- \"0x1F\"\n- \"1_000\"\n- \"017\"\n- \"yes\"\n- \"null\"\n- \"~\"\n- \"1.5\"\n- ' lead'\n- \"a #b\"\n",
            apply("yaml_encode", list("0x1F", "1_000", "017", "yes", "null", "~", "1.5", " lead", "a #b")));
        assertEquals("- 1000\n- 0.1\n- 12345678901234567890.5\n", apply("yaml_encode",
            list(new BigDecimal("1E+3"), new BigDecimal("0.1"), new BigDecimal("12345678901234567890.5"))));
        assertEquals("text: |\n  line one\n    indented\ncrlf: \"a\\r\\nb\"\n",
            apply("yaml_encode", obj("text", "line one\n  indented\n", "crlf", "a\r\nb")));
    }

    @Test
    void yamlRoundTripsEveryValue() {
        Object value = obj("strings", list("yes", "no", "on", "true", "null", "~", "", " lead", "trail ", "a: b", "#c", "- d",
                "it's", "0x1F", "0o17", "017", "1_000", "1e3", ".inf", "-.5", "+1", "2020-01-01", "é ü", "tab\there", "ctl\u0001x",
                "x:", "@at", "[b", "{c", "*s", "&a", "!t", "|p", ">f", "?q", ":c", "multi\nline\n", "no end\nnewline"),
            "deep", obj("a", obj("b", list(1L, obj("c", list(list(2L, 3L), obj())), list()))),
            "numbers", list(0L, -7L, new BigDecimal("2.50"), new BigDecimal("123456789012345678901234")),
            "flags", java.util.Arrays.asList(true, false, null));
        assertEquals(value, apply("yaml_decode", apply("yaml_encode", value)));
    }

    @Test
    void decodesYaml() {
        assertEquals(obj("a", 1L, "b", 2L, "c", 3L), apply("yaml_decode", "a: 1\nb: 2\nc: 3"));
        String doc = String.join("\n",
            "---",
            "# a comment",
            "name: Ann  # trailing comment",
            "age: 42",
            "ratio: 0.5",
            "active: true",
            "nothing: ~",
            "quoted: \"a\\tb # not a comment\"",
            "single: 'it''s'",
            "url: http://x.y/z",
            "tags:",
            "  - one",
            "  - two words",
            "list_at_key_indent:",
            "- 1",
            "- 2",
            "people:",
            "  - name: Bob",
            "    roles: [admin, 'user', 3]",
            "  - {name: Cy, age: 7}",
            "text: |",
            "  line one",
            "    indented",
            "",
            "folded: >-",
            "  a",
            "  b",
            "plain multi: first",
            "  second",
            "empty:",
            "");
        Map<String, Object> expected = obj("name", "Ann", "age", 42L, "ratio", new BigDecimal("0.5"), "active", true,
            "nothing", null, "quoted", "a\tb # not a comment", "single", "it's", "url", "http://x.y/z",
            "tags", list("one", "two words"), "list_at_key_indent", list(1L, 2L),
            "people", list(obj("name", "Bob", "roles", list("admin", "user", 3L)), obj("name", "Cy", "age", 7L)),
            "text", "line one\n  indented\n", "folded", "a b", "plain multi", "first second", "empty", null);
        assertEquals(expected, apply("yaml_decode", doc));
        assertEquals(list(list(1L, 2L), obj("a", list())), apply("yaml_decode", "- - 1\n  - 2\n- a: []"));
        Object round = obj("k", list(obj("x", "y: z", "n", null)), "s", "multi\nline");
        assertEquals(round, apply("yaml_decode", apply("yaml_encode", round)));
        assertEquals(obj("base", obj("x", 1L, "y", 2L), "use", obj("x", 1L, "y", 3L), "list", list(list("a"), list("a"))),
            apply("yaml_decode", "base: &b {x: 1, y: 2}\nuse:\n  <<: *b\n  y: 3\nlist:\n- &l [a]\n- *l"));
        assertEquals(obj("n", "12", "i", 5L), apply("yaml_decode", "n: !!str 12\ni: !!int '5'"));
        XsError alias = assertThrows(XsError.class, () -> apply("yaml_decode", "a: &x 1\nb: *x"));
        assertEquals("filter 'yaml_decode': invalid YAML at line 2: the alias *x names no anchored mapping or sequence "
            + "before it (aliases of single values are not supported)", alias.getMessage());
        XsError indent = assertThrows(XsError.class, () -> apply("yaml_decode", "a: 1\n   b: 2"));
        assertEquals("filter 'yaml_decode': invalid YAML at line 2: mapping values are not allowed here", indent.getMessage());
        XsError flow = assertThrows(XsError.class, () -> apply("yaml_decode", "x: [1"));
        assertEquals("filter 'yaml_decode': invalid YAML at line 1: expected ',' or ']', but got <stream end>", flow.getMessage());
        XsError docs = assertThrows(XsError.class, () -> apply("yaml_decode", "a: 1\n---\nb: 2"));
        assertEquals("filter 'yaml_decode': invalid YAML at line 3: several YAML documents in one text are not supported",
            docs.getMessage());
        XsError key = assertThrows(XsError.class, () -> apply("yaml_decode", "? [a]\n: 1"));
        assertTrue(key.getMessage().endsWith("a mapping key must be text (complex keys are not supported)"), key.getMessage());
        assertEquals(null, apply("yaml_decode", "  \n# only a comment\n"));
        assertEquals(obj("a", null, "b", "", "c", ""), apply("yaml_decode", "a:\nb: ''\nc: \"\""));
        assertEquals(obj("fold", "a b\nc\n", "keep", "k\n\n", "next", 1L),
            apply("yaml_decode", "fold: >\n  a\n  b\n\n  c\nkeep: |+\n  k\n\nnext: 1"));
        StringBuilder deep = new StringBuilder();
        for (int i = 0; i < xs.db.JsonDepth.MAX + 1; i++) {
            deep.append('[');
        }
        XsError tooDeep = assertThrows(XsError.class, () -> apply("yaml_decode", deep.toString()));
        assertTrue(tooDeep.getMessage().contains("invalid YAML"), tooDeep.getMessage());
    }

    @Test
    void readsAndWritesCsv() {
        String csv = "name,city\r\nAnn,\"Paris, FR\"\nBob,\"say \"\"hi\"\"\"\n\n\"multi\nline\",x\nshort\n";
        assertEquals(list(list("name", "city"), list("Ann", "Paris, FR"), list("Bob", "say \"hi\""),
            list("multi\nline", "x"), list("short")), apply("csv_decode", csv));
        assertEquals(list(obj("name", "Ann", "city", "Paris, FR"), obj("name", "Bob", "city", "say \"hi\""),
            obj("name", "multi\nline", "city", "x"), obj("name", "short", "city", null)), apply("csv_parse", csv));
        assertEquals(list(list("a", "b;c")), apply("csv_decode", "a;'b;c'", ";", "'"));
        assertEquals("a,\"b c\",\"q\"\"\"\n1,1,,2.5\n", apply("csv_encode",
            list(list("a", "b c", "q\""), java.util.Arrays.asList(1L, true, null, new BigDecimal("2.5")))));
        assertEquals("id,name\n1,Ann\n2,\"Bob Lee\"\n", apply("csv_encode", list(obj("id", 1L, "name", "Ann"), obj("id", 2L, "name", "Bob Lee"))));
        assertEquals("id;name\n1;Ann\n2;Bob\n", apply("csv_create", list("id", "name"),
            list(list(1L, "Ann"), obj("name", "Bob", "id", 2L)), ";"));
        XsError e = assertThrows(XsError.class, () -> apply("csv_decode", "a,\"b"));
        assertEquals("filter 'csv_decode': the CSV ends inside a quoted field", e.getMessage());
    }

    @Test
    void csvQuotesNewlinesAndHeaders() {
        String csv = "id,\"full name\",note\r\n1,\" Ann \",\"said \"\"hi\"\"\nthen left\"\n 2 ,Bob,\n\n3\n";
        assertEquals(list(list("id", "full name", "note"), list("1", " Ann ", "said \"hi\"\nthen left"), list(" 2 ", "Bob", ""),
            list("3")), apply("csv_decode", csv));
        assertEquals(list(obj("id", "1", "full name", " Ann ", "note", "said \"hi\"\nthen left"),
            obj("id", " 2 ", "full name", "Bob", "note", ""), obj("id", "3", "full name", null, "note", null)),
            apply("csv_parse", csv));
        assertEquals(list(list("a|b", "c")), apply("csv_decode", "\"a|b\"|c", "|"));
        assertEquals(list(list("x\"y", "2")), apply("csv_decode", "\"x\\\"y\",2", ",", "\"", "\\"));
        assertEquals(list(list("a", "b\"c", "d")), apply("csv_decode", "a,b\"c,d\n"));
        XsError stray = assertThrows(XsError.class, () -> apply("csv_decode", "a,\"b\"x,c"));
        assertTrue(stray.getMessage().startsWith("filter 'csv_decode': invalid CSV at line 1: Unexpected character ('x'"),
            stray.getMessage());
        String written = (String) apply("csv_encode", list(list("line1\nline2", "with \"quote\"", "comma, here", "tab\tx",
            "plain", "")));
        assertEquals("\"line1\nline2\",\"with \"\"quote\"\"\",\"comma, here\",\"tab\tx\",plain,\n", written);
        assertEquals(list(list("line1\nline2", "with \"quote\"", "comma, here", "tab\tx", "plain", "")),
            apply("csv_decode", written), "what csv_encode writes, csv_decode reads back");
        assertEquals("1;2.5;\"a;b\"\n", apply("csv_encode", list(list(1L, new BigDecimal("2.5"), "a;b")), ";"));
    }

    @Test
    void percentEncodes() {
        assertEquals("Hello%2C%20World%21", apply("url_encode", "Hello, World!"));
        assertEquals("Hello%2C%20World%21", apply("url_encode_rfc3986", "Hello, World!"));
        assertEquals("a%7Eb%C3%A9", apply("url_encode", "a~bé"));
        assertEquals("a~b%C3%A9", apply("url_encode_rfc3986", "a~bé"));
        assertEquals("Hello, World!", apply("url_decode", "Hello%2C+World%21"));
        assertEquals("a+b c", apply("url_decode_rfc3986", "a+b%20c"));
        assertEquals("100% sure é", apply("url_decode", "100%+sure+%C3%A9"));
    }

    @Test
    void editsUrlArguments() {
        assertEquals("https://example.com?foo=bar&fiz=buz", apply("url_addarg", "https://example.com?foo=bar", "fiz", "buz"));
        assertEquals("https://x.com/p?a=x+y&b=2#top", apply("url_addarg", "https://x.com/p?a=1&b=2&a=3#top", "a", "x y"));
        assertEquals("https://x.com/?q=x%20y~", apply("url_addarg", "https://x.com/", "q", "x y~", true));
        assertEquals("https://example.com?foo=bar", apply("url_delarg", "https://example.com?foo=bar&fiz=buz", "fiz"));
        assertEquals("https://example.com#f", apply("url_delarg", "https://example.com?t[]=1&t[]=2#f", "t"));
        assertEquals(true, apply("url_hasarg", "https://example.com?foo=bar&fiz=buz", "fiz"));
        assertEquals(false, apply("url_hasarg", "https://example.com?foo=bar", "fi"));
        assertEquals("buz", apply("url_getarg", "https://example.com?foo=bar&fiz=buz", "fiz"));
        assertEquals("a b c", apply("url_getarg", "/search?q=a%20b+c", "q"));
        assertEquals("", apply("url_getarg", "/search?q=1", "page"));
        assertEquals(1L, apply("url_getarg", "/search?q=1", "page", 1L));
    }

    @Test
    void parsesUrlsAndQueryStrings() {
        assertEquals(obj("scheme", "https", "host", "example.com", "port", 8080L, "user", "username", "pass", "password",
                "path", "/path", "query", "foo=bar&fiz=buz", "fragment", "fragment"),
            apply("url_parse", "https://username:password@example.com:8080/path?foo=bar&fiz=buz#fragment"));
        assertEquals(obj("host", "localhost", "port", 3000L, "path", "/x"), apply("url_parse", "localhost:3000/x"));
        assertEquals(obj("path", "/a/b", "query", "c=1"), apply("url_parse", "/a/b?c=1"));
        assertEquals(obj("scheme", "mailto", "path", "ann@example.com"), apply("url_parse", "mailto:ann@example.com"));
        assertEquals(obj("foo", "bar", "fiz", "buz"), apply("querystring_parse", "foo=bar&fiz=buz"));
        assertEquals(obj("a", list("1", "2"), "u", obj("name", "A B", "tags", list("x")), "flag", "", "0", "z"),
            apply("querystring_parse", "?a[]=1&a[]=2&u[name]=A+B&u[tags][]=x&flag&0=z"));
    }

    @Test
    void base64AndHexRoundTripBytes() {
        assertEquals("aGVsbG8=", apply("base64_encode", "hello"));
        assertEquals("hello", apply("base64_decode", "aGVsbG8="));
        assertEquals("hello", apply("base64_decode", "aGVs\nbG8"));
        assertEquals("aGVsbG8_", apply("base64_encode_urlsafe", "hello?"));
        assertEquals("hello?", apply("base64_decode_urlsafe", "aGVsbG8_"));
        assertEquals("hello?", apply("base64_decode_urlsafe", "aGVsbG8/"));
        assertEquals("w6k", apply("base64_encode_urlsafe", "é"));
        assertEquals("hello", apply("hex2bin", "68656C6c6f"));
        assertEquals("68656c6c6f", apply("bin2hex", "hello"));
        assertEquals("c3a9", apply("bin2hex", "é"));
        Object bytes = apply("hex2bin", "ff00e980");
        assertEquals("/wDpgA==", apply("base64_encode", bytes));
        assertEquals("ff00e980", apply("bin2hex", apply("base64_decode", "/wDpgA==")));
        assertEquals("ff00e980", apply("bin2hex", apply("base64_decode_urlsafe", apply("base64_encode_urlsafe", bytes))));
        XsError odd = assertThrows(XsError.class, () -> apply("hex2bin", "abc"));
        assertEquals("filter 'hex2bin': expects an even number of hex digits, got \"abc\"", odd.getMessage());
        XsError bad = assertThrows(XsError.class, () -> apply("base64_decode", "a"));
        assertTrue(bad.getMessage().startsWith("filter 'base64_decode': the input is not base64"), bad.getMessage());
    }

    @Test
    void wrongTypesNameTheFilterAndTheType() {
        XsError e = assertThrows(XsError.class, () -> apply("url_encode", list("a")));
        assertEquals("filter 'url_encode': expects text for its input, got array", e.getMessage());
        XsError csv = assertThrows(XsError.class, () -> apply("csv_encode", "a,b"));
        assertEquals("filter 'csv_encode': expects an array, got text", csv.getMessage());
    }

    /** One assertion per registered name, so an untested filter fails here. */
    @Test
    void everyEncodingFilterIsCovered() {
        Map<String, Executable> examples = Map.ofEntries(
            Map.entry("json_encode", () -> assertEquals("[1,\"a\"]", apply("json_encode", list(1L, "a")))),
            Map.entry("json_decode", () -> assertEquals(list(1L, "a"), apply("json_decode", "[1,\"a\"]"))),
            Map.entry("xml_decode", () -> assertEquals(obj("a", obj("@attributes", list(), "value", "1")), apply("xml_decode", "<a>1</a>"))),
            Map.entry("yaml_encode", () -> assertEquals("a: 1\n", apply("yaml_encode", obj("a", 1L)))),
            Map.entry("yaml_decode", () -> assertEquals(obj("a", 1L), apply("yaml_decode", "a: 1"))),
            Map.entry("csv_parse", () -> assertEquals(list(obj("a", "1")), apply("csv_parse", "a\n1\n"))),
            Map.entry("csv_decode", () -> assertEquals(list(list("a", "b")), apply("csv_decode", "a,b"))),
            Map.entry("csv_encode", () -> assertEquals("a,b\n", apply("csv_encode", list(list("a", "b"))))),
            Map.entry("csv_create", () -> assertEquals("a\n1\n", apply("csv_create", list("a"), list(list(1L))))),
            Map.entry("url_encode", () -> assertEquals("a%20b", apply("url_encode", "a b"))),
            Map.entry("url_decode", () -> assertEquals("a b", apply("url_decode", "a+b"))),
            Map.entry("url_encode_rfc3986", () -> assertEquals("a%20b~", apply("url_encode_rfc3986", "a b~"))),
            Map.entry("url_decode_rfc3986", () -> assertEquals("a+b", apply("url_decode_rfc3986", "a+b"))),
            Map.entry("url_addarg", () -> assertEquals("/p?a=1", apply("url_addarg", "/p", "a", 1L))),
            Map.entry("url_delarg", () -> assertEquals("/p", apply("url_delarg", "/p?a=1", "a"))),
            Map.entry("url_hasarg", () -> assertEquals(true, apply("url_hasarg", "/p?a=1", "a"))),
            Map.entry("url_getarg", () -> assertEquals("1", apply("url_getarg", "/p?a=1", "a"))),
            Map.entry("url_parse", () -> assertEquals(obj("scheme", "http", "host", "h"), apply("url_parse", "http://h"))),
            Map.entry("querystring_parse", () -> assertEquals(obj("a", "1"), apply("querystring_parse", "a=1"))),
            Map.entry("base64_encode", () -> assertEquals("YQ==", apply("base64_encode", "a"))),
            Map.entry("base64_decode", () -> assertEquals("a", apply("base64_decode", "YQ=="))),
            Map.entry("base64_encode_urlsafe", () -> assertEquals("-_8", apply("base64_encode_urlsafe", apply("hex2bin", "fbff")))),
            Map.entry("base64_decode_urlsafe", () -> assertEquals("fbff", apply("bin2hex", apply("base64_decode_urlsafe", "-_8")))),
            Map.entry("hex2bin", () -> assertEquals("a", apply("hex2bin", "61"))),
            Map.entry("bin2hex", () -> assertEquals("61", apply("bin2hex", "a"))));
        FilterRegistry family = new FilterRegistry();
        EncodingFilters.register(family);
        TreeSet<String> missing = new TreeSet<>(family.names());
        missing.removeAll(examples.keySet());
        assertEquals(new TreeSet<String>(), missing, "encoding filters without an example");
        assertAll(examples.values().stream());
    }
}
