package xs.interp.filters;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;

/**
 * Reads text by a PHP date format, as DateTime::createFromFormat does, for parse_timestamp:
 * {@code "15/08/2023 13:45"|parse_timestamp:"d/m/Y H:i"}. Fields the format does not give come
 * from the current time, except that once any time field is given the missing ones are zero;
 * {@code !} resets everything to 1970-01-01 00:00:00 and {@code |} resets what was not parsed.
 * {@code ?} matches any character, {@code *} anything up to the next separator, {@code #} one
 * of {@code ;:/.,-()}, {@code +} ignores trailing text. Out-of-range days carry over as in PHP.
 */
final class PhpDateParser {
    /** A text that does not match its format. */
    static final class Mismatch extends RuntimeException {
        Mismatch(String message) {
            super(message, null, false, false);
        }
    }

    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul",
        "aug", "sep", "oct", "nov", "dec");

    private final String text;
    private int pos;
    private Integer year;
    private Integer month;
    private Integer day;
    private Integer dayOfYear;
    private Integer hour;
    private Integer minute;
    private Integer second;
    private Integer micros;
    private Boolean pm;
    private ZoneId zone;
    private Long unixSeconds;
    private boolean resetUnparsed;

    private PhpDateParser(String text) {
        this.text = text;
    }

    static long parse(String text, String format, ZoneId zone, long now) {
        PhpDateParser p = new PhpDateParser(text);
        p.read(format);
        return p.resolve(zone, now);
    }

    private void read(String fmt) {
        boolean ignoreRest = false;
        for (int i = 0; i < fmt.length(); i++) {
            char f = fmt.charAt(i);
            switch (f) {
                case 'd', 'j' -> day = number(1, 2, "day");
                case 'D', 'l' -> word("day name");
                case 'S' -> suffix();
                case 'z' -> dayOfYear = number(1, 3, "day of the year");
                case 'F', 'M' -> month = monthName();
                case 'm', 'n' -> month = number(1, 2, "month");
                case 'Y' -> year = number(1, 4, "year");
                case 'y' -> {
                    int y = number(2, 2, "year");
                    year = y < 70 ? 2000 + y : 1900 + y;
                }
                case 'a', 'A' -> pm = meridiem();
                case 'g', 'h', 'G', 'H' -> hour = number(1, 2, "hour");
                case 'i' -> minute = number(2, 2, "minutes");
                case 's' -> second = number(2, 2, "seconds");
                case 'u' -> micros = fraction(6);
                case 'v' -> micros = fraction(3);
                case 'e', 'T', 'O', 'P', 'p' -> zone = zoneText();
                case 'U' -> unixSeconds = signedNumber();
                case '!' -> resetAll();
                case '|' -> resetUnparsed = true;
                case '+' -> ignoreRest = true;
                case '?' -> anyChar();
                case '*' -> skipToSeparator();
                case '#' -> expectOneOf(";:/.,-()");
                case '\\' -> {
                    if (i + 1 < fmt.length()) {
                        literal(fmt.charAt(++i));
                    }
                }
                default -> literal(f);
            }
        }
        if (pos < text.length() && !ignoreRest) {
            throw new Mismatch("trailing text \"" + text.substring(pos) + "\" after the format ends");
        }
    }

    private int number(int min, int max, String what) {
        int start = pos;
        while (pos < text.length() && pos - start < max && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        if (pos - start < min) {
            throw new Mismatch("expected the " + what + " at \"" + rest(start) + "\"");
        }
        return Integer.parseInt(text.substring(start, pos));
    }

    private long signedNumber() {
        int start = pos;
        if (pos < text.length() && (text.charAt(pos) == '-' || text.charAt(pos) == '+')) {
            pos++;
        }
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        try {
            return Long.parseLong(text.substring(start, pos));
        } catch (NumberFormatException e) {
            throw new Mismatch("expected seconds since the epoch at \"" + rest(start) + "\"");
        }
    }

    private int fraction(int digits) {
        int start = pos;
        while (pos < text.length() && pos - start < digits && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        if (pos == start) {
            throw new Mismatch("expected fractions of a second at \"" + rest(start) + "\"");
        }
        String s = (text.substring(start, pos) + "000000").substring(0, 6);
        return Integer.parseInt(s);
    }

    private String word(String what) {
        int start = pos;
        while (pos < text.length() && Character.isLetter(text.charAt(pos))) {
            pos++;
        }
        if (pos == start) {
            throw new Mismatch("expected a " + what + " at \"" + rest(start) + "\"");
        }
        return text.substring(start, pos);
    }

    private int monthName() {
        int start = pos;
        String w = word("month name");
        int m = w.length() >= 3 ? MONTHS.indexOf(w.substring(0, 3).toLowerCase(Locale.ROOT)) : -1;
        if (m < 0) {
            throw new Mismatch("expected a month name at \"" + rest(start) + "\"");
        }
        return m + 1;
    }

    private void suffix() {
        String s = rest(pos).toLowerCase(Locale.ROOT);
        if (s.startsWith("st") || s.startsWith("nd") || s.startsWith("rd") || s.startsWith("th")) {
            pos += 2;
        } else {
            throw new Mismatch("expected st, nd, rd or th at \"" + rest(pos) + "\"");
        }
    }

    private boolean meridiem() {
        String s = rest(pos).toLowerCase(Locale.ROOT);
        if (s.startsWith("am") || s.startsWith("pm")) {
            pos += 2;
            return s.startsWith("pm");
        }
        throw new Mismatch("expected am or pm at \"" + rest(pos) + "\"");
    }

    private ZoneId zoneText() {
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos))
                || "/_+-:".indexOf(text.charAt(pos)) >= 0)) {
            pos++;
        }
        ZoneId z = TimeInput.zone(text.substring(start, pos));
        if (z == null) {
            throw new Mismatch("expected a time zone at \"" + rest(start) + "\"");
        }
        return z;
    }

    private void anyChar() {
        if (pos >= text.length()) {
            throw new Mismatch("the text ends before the format does");
        }
        pos++;
    }

    private void skipToSeparator() {
        while (pos < text.length() && " ,;:/.-()".indexOf(text.charAt(pos)) < 0
                && !Character.isDigit(text.charAt(pos))) {
            pos++;
        }
    }

    private void expectOneOf(String chars) {
        if (pos >= text.length() || chars.indexOf(text.charAt(pos)) < 0) {
            throw new Mismatch("expected one of " + chars + " at \"" + rest(pos) + "\"");
        }
        pos++;
    }

    private void literal(char f) {
        if (pos >= text.length() || text.charAt(pos) != f) {
            throw new Mismatch("expected \"" + f + "\" at \"" + rest(pos) + "\"");
        }
        pos++;
    }

    private String rest(int from) {
        return from >= text.length() ? "" : FilterSupport.abbreviate(text.substring(from));
    }

    private void resetAll() {
        year = 1970;
        month = 1;
        day = 1;
        hour = 0;
        minute = 0;
        second = 0;
        micros = 0;
        zone = null;
    }

    private long resolve(ZoneId defaultZone, long now) {
        if (unixSeconds != null) {
            return unixSeconds * 1000 + (micros == null ? 0 : micros / 1000);
        }
        ZoneId z = zone != null ? zone : defaultZone;
        if (resetUnparsed) {
            year = year == null ? 1970 : year;
            month = month == null ? 1 : month;
            day = day == null ? 1 : day;
        }
        LocalDateTime current = Instant.ofEpochMilli(now).atZone(z).toLocalDateTime();
        boolean timeGiven = hour != null || minute != null || second != null || micros != null || resetUnparsed;
        int y = year != null ? year : current.getYear();
        int m = month != null ? month : current.getMonthValue();
        int d = day != null ? day : current.getDayOfMonth();
        int h = hour != null ? hour : timeGiven ? 0 : current.getHour();
        if (pm != null) {
            h = h % 12 + (pm ? 12 : 0);
        }
        int mi = minute != null ? minute : timeGiven ? 0 : current.getMinute();
        int s = second != null ? second : timeGiven ? 0 : current.getSecond();
        long us = micros != null ? micros : timeGiven ? 0 : current.getNano() / 1000;
        LocalDate date = dayOfYear != null
            ? LocalDate.of(y, 1, 1).plusDays(dayOfYear)
            : LocalDate.of(y, 1, 1).plusMonths(m - 1L).plusDays(d - 1L);
        LocalDateTime local = date.atStartOfDay().plusHours(h).plusMinutes(mi).plusSeconds(s).plusNanos(us * 1000);
        return ZonedDateTime.ofLocal(local, z, null).toInstant().toEpochMilli();
    }
}
