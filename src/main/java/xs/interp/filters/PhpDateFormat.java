package xs.interp.filters;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.IsoFields;
import java.util.Locale;
import java.util.TimeZone;

/**
 * PHP date() format letters, for format_timestamp: {@code now|format_timestamp:"D, d M Y"}.
 * Every letter of PHP's table is supported except the 8.2 additions X and x; a backslash
 * makes the next character literal and any other character is copied, as in PHP. Names are
 * English. Parsing the same letters back is {@link PhpDateParser}.
 */
final class PhpDateFormat {
    private PhpDateFormat() {
    }

    static String format(long millis, ZoneId zone, String fmt) {
        ZonedDateTime t = Instant.ofEpochMilli(millis).atZone(zone);
        StringBuilder out = new StringBuilder(fmt.length() * 2);
        for (int i = 0; i < fmt.length(); i++) {
            char ch = fmt.charAt(i);
            if (ch == '\\' && i + 1 < fmt.length()) {
                out.append(fmt.charAt(++i));
            } else {
                out.append(letter(ch, t, millis));
            }
        }
        return out.toString();
    }

    private static String letter(char ch, ZonedDateTime t, long millis) {
        int hour = t.getHour();
        return switch (ch) {
            case 'd' -> two(t.getDayOfMonth());
            case 'D' -> t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
            case 'j' -> Integer.toString(t.getDayOfMonth());
            case 'l' -> t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            case 'N' -> Integer.toString(t.getDayOfWeek().getValue());
            case 'S' -> ordinalSuffix(t.getDayOfMonth());
            case 'w' -> Integer.toString(t.getDayOfWeek().getValue() % 7);
            case 'z' -> Integer.toString(t.getDayOfYear() - 1);
            case 'W' -> two(t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case 'F' -> t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            case 'm' -> two(t.getMonthValue());
            case 'M' -> t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
            case 'n' -> Integer.toString(t.getMonthValue());
            case 't' -> Integer.toString(t.toLocalDate().lengthOfMonth());
            case 'L' -> t.toLocalDate().isLeapYear() ? "1" : "0";
            case 'o' -> Integer.toString(t.get(IsoFields.WEEK_BASED_YEAR));
            case 'Y' -> year(t.getYear());
            case 'y' -> two(Math.floorMod(t.getYear(), 100));
            case 'a' -> hour < 12 ? "am" : "pm";
            case 'A' -> hour < 12 ? "AM" : "PM";
            case 'B' -> swatch(millis);
            case 'g' -> Integer.toString(hour % 12 == 0 ? 12 : hour % 12);
            case 'G' -> Integer.toString(hour);
            case 'h' -> two(hour % 12 == 0 ? 12 : hour % 12);
            case 'H' -> two(hour);
            case 'i' -> two(t.getMinute());
            case 's' -> two(t.getSecond());
            case 'u' -> String.format("%06d", t.get(ChronoField.MICRO_OF_SECOND));
            case 'v' -> String.format("%03d", t.get(ChronoField.MILLI_OF_SECOND));
            case 'e' -> zoneName(t.getZone());
            case 'I' -> t.getZone().getRules().isDaylightSavings(t.toInstant()) ? "1" : "0";
            case 'O' -> offset(t.getOffset(), false);
            case 'P' -> offset(t.getOffset(), true);
            case 'p' -> t.getOffset().getTotalSeconds() == 0 ? "Z" : offset(t.getOffset(), true);
            case 'T' -> abbreviation(t);
            case 'Z' -> Integer.toString(t.getOffset().getTotalSeconds());
            case 'c' -> format(millis, t.getZone(), "Y-m-d\\TH:i:sP");
            case 'r' -> format(millis, t.getZone(), "D, d M Y H:i:s O");
            case 'U' -> Long.toString(Math.floorDiv(millis, 1000));
            default -> String.valueOf(ch);
        };
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }

    /** At least four digits, with a minus sign before years BCE. */
    private static String year(int y) {
        return (y < 0 ? "-" : "") + String.format("%04d", Math.abs(y));
    }

    static String ordinalSuffix(int day) {
        if (day % 100 >= 11 && day % 100 <= 13) {
            return "th";
        }
        return switch (day % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
    }

    /** Swatch Internet time: thousandths of a day in UTC+1. */
    private static String swatch(long millis) {
        long secondsOfDay = Math.floorMod(Math.floorDiv(millis, 1000) + 3600, 86400);
        return String.format("%03d", secondsOfDay * 1000 / 86400);
    }

    private static String offset(ZoneOffset o, boolean colon) {
        int total = o.getTotalSeconds();
        int abs = Math.abs(total);
        return (total < 0 ? "-" : "+") + two(abs / 3600) + (colon ? ":" : "") + two(abs / 60 % 60);
    }

    private static String zoneName(ZoneId zone) {
        return zone instanceof ZoneOffset o ? offset(o, true) : zone.getId();
    }

    /** The zone's abbreviation (EST, CEST, UTC); an offset such as "+05" where it has none. */
    private static String abbreviation(ZonedDateTime t) {
        if (t.getZone() instanceof ZoneOffset o) {
            return o.getTotalSeconds() == 0 ? "UTC" : offset(o, true);
        }
        boolean dst = t.getZone().getRules().isDaylightSavings(t.toInstant());
        String name = TimeZone.getTimeZone(t.getZone()).getDisplayName(dst, TimeZone.SHORT, Locale.ENGLISH);
        if (name.startsWith("GMT+") || name.startsWith("GMT-")) {
            String off = offset(t.getOffset(), false);
            return off.endsWith("00") ? off.substring(0, 3) : off;
        }
        return name;
    }
}
