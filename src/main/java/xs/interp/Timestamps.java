package xs.interp;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Reads the text forms of a timestamp that inputs accept: ISO dates and date-times. */
public final class Timestamps {
    private Timestamps() {
    }

    /** Epoch milliseconds, or null when the text is not a date or date-time. */
    public static Long parse(String text) {
        String t = text.trim().replace(' ', 'T');
        try {
            if (t.length() == 10) {
                return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            }
            String normalized = t.replaceFirst("([+-]\\d\\d)(\\d\\d)$", "$1:$2");
            if (normalized.endsWith("Z") || normalized.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return OffsetDateTime.parse(normalized).toInstant().toEpochMilli();
            }
            return LocalDateTime.parse(normalized).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
