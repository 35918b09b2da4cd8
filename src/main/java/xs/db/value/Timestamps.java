package xs.db.value;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Parsing of timestamp text ("now", ISO-8601 instants, "YYYY-MM-DD HH:MM:SS", dates) into epoch ms, UTC. */
public final class Timestamps {
    private Timestamps() {
    }

    /** Epoch milliseconds for the text, or null when it is not a timestamp we understand. */
    public static Long parse(String text) {
        String s = text.trim();
        if (s.equalsIgnoreCase("now")) return System.currentTimeMillis();
        if (s.isEmpty()) return null;
        if (s.chars().allMatch(c -> c >= '0' && c <= '9') || (s.startsWith("-") && s.length() > 1
                && s.substring(1).chars().allMatch(c -> c >= '0' && c <= '9'))) {
            try {
                return Long.parseLong(s);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        String iso = s.length() > 10 && s.charAt(10) == ' ' ? s.substring(0, 10) + 'T' + s.substring(11) : s;
        try {
            return OffsetDateTime.parse(iso).toInstant().toEpochMilli();
        } catch (DateTimeParseException ignored) {
            // fall through: no offset given, read as UTC
        }
        try {
            return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException ignored) {
            // fall through: maybe a bare date
        }
        try {
            return LocalDate.parse(iso).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        } catch (DateTimeParseException ignored) {
            return null;
        }
    }

    /** The UTC calendar date of an epoch-ms instant, as YYYY-MM-DD. */
    public static String date(long epochMs) {
        return DateTimeFormatter.ISO_LOCAL_DATE.format(Instant.ofEpochMilli(epochMs).atOffset(ZoneOffset.UTC));
    }
}
