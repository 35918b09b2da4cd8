package xs.interp.filters;

import static xs.interp.filters.FilterSupport.text;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import xs.interp.Values;

/**
 * The character-encoding filters: {@code "études"|from_utf8} gives the ISO-8859-1 bytes of the
 * text, {@code |to_utf8} reads them back. Text values hold bytes as {@link Binary} describes,
 * so a conversion's result is text when it is valid UTF-8 and escaped bytes otherwise. Only
 * the encodings {@link #NAMES} lists are offered; each is a JDK charset.
 */
final class TextEncodings {
    static final List<String> NAMES = List.of("UTF-8", "ASCII", "ISO-8859-1", "ISO-8859-15",
        "Windows-1252", "UTF-16", "UTF-16BE", "UTF-16LE", "UTF-32");

    private TextEncodings() {
    }

    static void register(FilterRegistry r) {
        r.register("list_encodings", c -> new ArrayList<Object>(NAMES));
        r.register("detect_encoding", TextEncodings::detect);
        r.register("to_utf8", c -> new String(Binary.bytes(text(c)), StandardCharsets.ISO_8859_1));
        r.register("from_utf8", c -> Binary.text(text(c).getBytes(StandardCharsets.ISO_8859_1)));
        r.register("convert_encoding", TextEncodings::convert);
    }

    /**
     * detect_encoding[:candidates]: the first candidate the bytes are valid in. Without a list
     * the candidates are ASCII, UTF-8, then ISO-8859-1 (which accepts any bytes), as PHP's
     * mb_detect_encoding tries them. False when no candidate fits.
     */
    private static Object detect(FilterCall c) {
        byte[] bytes = Binary.bytes(text(c));
        List<String> candidates = List.of("ASCII", "UTF-8", "ISO-8859-1");
        Object arg = c.arg(0);
        if (arg instanceof List<?> list) {
            candidates = list.stream().map(Values::toText).toList();
        } else if (arg != null && !FilterSupport.textArg(c, 0).isBlank()) {
            candidates = List.of(FilterSupport.textArg(c, 0).trim().split("\\s*,\\s*"));
        }
        for (String name : candidates) {
            if (decodes(bytes, charset(c, name))) {
                return canonical(name);
            }
        }
        return false;
    }

    /** convert_encoding:to[:from]: re-encodes the bytes; "from" defaults to the detected encoding. */
    private static Object convert(FilterCall c) {
        byte[] bytes = Binary.bytes(text(c));
        Charset to = charset(c, FilterSupport.textArg(c, 0));
        Charset from;
        if (c.hasArg(1) && c.arg(1) != null && !FilterSupport.textArg(c, 1).isBlank()) {
            from = charset(c, FilterSupport.textArg(c, 1));
        } else {
            from = decodes(bytes, StandardCharsets.UTF_8) ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
        }
        String decoded = new String(bytes, from);
        return Binary.text(decoded.getBytes(to));
    }

    private static boolean decodes(byte[] bytes, Charset cs) {
        try {
            cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static Charset charset(FilterCall c, String name) {
        String canonical = canonical(name);
        if (canonical == null) {
            throw c.error("unknown encoding '" + name + "'; list_encodings gives the known ones");
        }
        return Charset.forName(canonical.equals("ASCII") ? "US-ASCII" : canonical);
    }

    /** The name as {@link #NAMES} spells it, ignoring case and dashes; null when unknown. */
    private static String canonical(String name) {
        String key = name.replace("-", "").replace("_", "").toUpperCase(Locale.ROOT);
        if (key.equals("USASCII") || key.equals("ASCII")) {
            return "ASCII";
        }
        if (key.equals("LATIN1")) {
            return "ISO-8859-1";
        }
        if (key.equals("CP1252")) {
            return "Windows-1252";
        }
        for (String n : NAMES) {
            if (n.replace("-", "").toUpperCase(Locale.ROOT).equals(key)) {
                return n;
            }
        }
        return null;
    }
}
