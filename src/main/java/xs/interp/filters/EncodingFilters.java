package xs.interp.filters;

import static xs.interp.filters.FilterSupport.text;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import xs.interp.Json;
import xs.interp.Values;

/**
 * The encoding and data-format filters of reference §8: {@code $row|json_encode|base64_encode},
 * {@code $text|csv_parse}, {@code $url|url_getarg:"page"}. Byte-oriented filters (base64, hex,
 * url encoding) treat text as UTF-8 bytes and may give back raw bytes, as {@link Binary} explains.
 */
final class EncodingFilters {
    private EncodingFilters() {
    }

    static void register(FilterRegistry r) {
        r.register("json_encode", c -> Json.write(c.subject()));
        r.register("json_decode", EncodingFilters::jsonDecode);
        r.register("xml_decode", c -> XmlDecoder.decode(c, text(c)));
        r.register("yaml_encode", c -> Yaml.encode(c, c.subject()));
        r.register("yaml_decode", c -> Yaml.decode(c, text(c)));
        r.register("csv_parse", c -> Csv.parseObjects(c, text(c), Csv.Dialect.of(c, 0)));
        r.register("csv_decode", c -> Csv.parseRows(c, text(c), Csv.Dialect.of(c, 0)));
        r.register("csv_encode", c -> Csv.encode(c, FilterSupport.list(c), Csv.Dialect.of(c, 0)));
        r.register("csv_create", c -> Csv.create(c, FilterSupport.list(c), FilterSupport.listArg(c, 0), Csv.Dialect.of(c, 1)));
        r.register("url_encode", c -> UrlCoding.encode(text(c), false, false));
        r.register("url_decode", c -> UrlCoding.decode(text(c), true));
        r.register("url_encode_rfc3986", c -> UrlCoding.encode(text(c), true, false));
        r.register("url_decode_rfc3986", c -> UrlCoding.decode(text(c), false));
        r.register("url_addarg", UrlArgs::add);
        r.register("url_delarg", UrlArgs::delete);
        r.register("url_hasarg", UrlArgs::has);
        r.register("url_getarg", UrlArgs::get);
        r.register("url_parse", c -> UrlArgs.parse(text(c)));
        r.register("querystring_parse", c -> UrlArgs.parseQuery(text(c)));
        r.register("base64_encode", c -> Base64.getEncoder().encodeToString(Binary.bytes(text(c))));
        r.register("base64_decode", c -> base64Decode(c, false));
        r.register("base64_encode_urlsafe",
            c -> Base64.getUrlEncoder().withoutPadding().encodeToString(Binary.bytes(text(c))));
        r.register("base64_decode_urlsafe", c -> base64Decode(c, true));
        r.register("hex2bin", EncodingFilters::hex2bin);
        r.register("bin2hex", c -> Binary.hex(Binary.bytes(text(c))));
    }

    /** json_decode; empty text gives null, as PHP's json_decode does. */
    private static Object jsonDecode(FilterCall c) {
        Object v = c.subject();
        if (v instanceof List<?> || v instanceof Map<?, ?>) {
            throw c.error("expects JSON text, got " + Values.typeName(v));
        }
        String s = Values.toText(v);
        if (s.isBlank()) {
            return null;
        }
        try {
            return Json.read(s);
        } catch (Json.Malformed e) {
            throw c.error(e.getMessage());
        }
    }

    /**
     * base64_decode accepts what PHP's lenient decoder does: missing padding, line breaks and
     * spaces. The url-safe variant also reads the standard alphabet.
     */
    private static Object base64Decode(FilterCall c, boolean urlSafe) {
        String s = text(c).replaceAll("[\\s=]+", "");
        if (urlSafe || s.indexOf('-') >= 0 || s.indexOf('_') >= 0) {
            s = s.replace('-', '+').replace('_', '/');
        }
        try {
            return Binary.text(Base64.getDecoder().decode(s));
        } catch (IllegalArgumentException e) {
            throw c.error("the input is not base64: " + FilterSupport.abbreviate(text(c)));
        }
    }

    private static Object hex2bin(FilterCall c) {
        String s = text(c);
        byte[] bytes = Binary.unhex(s);
        if (bytes == null) {
            boolean hex = s.chars().allMatch(ch -> Character.digit(ch, 16) >= 0);
            throw c.error((hex ? "expects an even number of hex digits" : "expects hex digits (0-9, a-f)") + ", got \""
                + FilterSupport.abbreviate(s) + "\"");
        }
        return Binary.text(bytes);
    }
}
