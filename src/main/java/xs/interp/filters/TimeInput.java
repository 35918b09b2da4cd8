package xs.interp.filters;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Pattern;
import xs.interp.Values;

/**
 * What the time filters accept as a moment and as a time zone. A moment is epoch milliseconds
 * (int, decimal or numeric text) or text that {@link RelativeTime} reads: "now",
 * "2025-01-02", "2025-01-02T03:04:05Z", "next friday". Time zones are IANA names ("UTC",
 * "America/Los_Angeles", any case), offsets ("+02:00") or common abbreviations ("EST").
 */
final class TimeInput {
    static final ZoneId UTC = ZoneId.of("UTC");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d+\\.\\d+");

    private TimeInput() {
    }

    /** The subject as epoch ms, text read in the zone of argument i (UTC when absent). */
    static long subjectMillis(FilterCall c, int zoneArg) {
        return millis(c, c.subject(), zoneArg < 0 ? UTC : zoneArg(c, zoneArg));
    }

    static long millis(FilterCall c, Object v, ZoneId zone) {
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof BigDecimal d) {
            return d.longValue();
        }
        if (v instanceof String s) {
            String t = s.trim();
            if (INTEGER.matcher(t).matches()) {
                try {
                    return Long.parseLong(t.startsWith("+") ? t.substring(1) : t);
                } catch (NumberFormatException e) {
                    throw c.error("the timestamp " + t + " is out of range");
                }
            }
            if (DECIMAL.matcher(t).matches()) {
                return new BigDecimal(t).longValue();
            }
            try {
                return RelativeTime.parse(t, c.now(), zone);
            } catch (RelativeTime.Unknown e) {
                throw c.error(e.getMessage());
            }
        }
        throw c.error("expects a timestamp or date text, got " + Values.typeName(v));
    }

    /** Argument i as a time zone; UTC when absent, null or empty. */
    static ZoneId zoneArg(FilterCall c, int i) {
        if (!c.hasArg(i) || c.arg(i) == null) {
            return UTC;
        }
        String name = FilterSupport.textArg(c, i).trim();
        if (name.isEmpty()) {
            return UTC;
        }
        ZoneId z = zone(name);
        if (z == null) {
            throw c.error("unknown time zone '" + name + "'");
        }
        return z;
    }

    /** A zone by name, ignoring case; null when unknown. */
    static ZoneId zone(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        if (upper.equals("Z") || upper.equals("UTC") || upper.equals("GMT")) {
            return upper.equals("Z") ? ZoneOffset.UTC : ZoneId.of(upper);
        }
        try {
            return ZoneId.of(name, ZoneId.SHORT_IDS);
        } catch (DateTimeException e) {
            for (String id : ZoneId.getAvailableZoneIds()) {
                if (id.equalsIgnoreCase(name)) {
                    return ZoneId.of(id);
                }
            }
            if (name.matches("[+-]\\d{4}")) {
                return ZoneOffset.of(name.substring(0, 3) + ":" + name.substring(3));
            }
            return null;
        }
    }
}
