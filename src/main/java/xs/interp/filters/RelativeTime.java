package xs.interp.filters;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The subset of PHP's strtotime that time filters read: absolute dates ("2025-01-02",
 * "2025-01-02T03:04:05Z", "2025-01-02 03:04:05", "Jan 1 2000", "1/2/2025"), times ("15:30",
 * "3pm"), words ("now", "today", "midnight", "noon", "tomorrow", "yesterday"), relative amounts
 * ("+1 day 2 hours", "-30 minutes", "2 weeks ago", "next month"), weekdays ("monday",
 * "next monday", "last friday") and "first day of" / "last day of" / "first monday of".
 *
 * <p>The result follows strtotime's order: absolute fields replace those of the base time (a
 * date without a time means midnight), weekdays move the date, relative amounts are added to
 * the fields (so Jan 31 "+1 month" overflows to Mar 3, as in PHP), then "first/last day of"
 * picks the day. Anything else fails with {@link Unknown} naming the words it could not read.
 */
final class RelativeTime {
    /** Text that is not a time we can read. */
    static final class Unknown extends RuntimeException {
        Unknown(String message) {
            super(message, null, false, false);
        }
    }

    private static final String MONTH = "(january|february|march|april|may|june|july|august|september|sept"
        + "|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)\\.?(?![a-z])";
    private static final String DAY = "(monday|tuesday|wednesday|thursday|friday|saturday|sunday"
        + "|tues|thurs|thur|mon|tue|wed|thu|fri|sat|sun)(?![a-z])";
    private static final String UNIT = "(milliseconds?|msecs?|ms|seconds?|secs?|minutes?|mins?|hours?|days?"
        + "|weekdays?|weeks?|fortnights?|months?|years?)(?![a-z])";
    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul",
        "aug", "sep", "oct", "nov", "dec");
    private static final List<String> ORDINALS = List.of("first", "second", "third", "fourth", "fifth");

    private static final Pattern UNIX = p("@(-?\\d+)(?:\\.(\\d{1,3}))?");
    private static final Pattern ISO_DATE = p("(\\d{4})-(\\d{1,2})-(\\d{1,2})(?!\\d)");
    private static final Pattern SLASH_YMD = p("(\\d{4})/(\\d{1,2})/(\\d{1,2})(?!\\d)");
    private static final Pattern US_DATE = p("(\\d{1,2})/(\\d{1,2})/(\\d{4})(?!\\d)");
    private static final Pattern DMY_DATE = p("(\\d{1,2})[-.](\\d{1,2})[-.](\\d{4})(?!\\d)");
    private static final Pattern MONTH_DAY = p(MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?(?![\\d:])");
    private static final Pattern DAY_MONTH = p("(\\d{1,2})(?:st|nd|rd|th)?\\s+" + MONTH + "(?:,?\\s+(\\d{4}))?(?![\\d:])");
    private static final Pattern MONTH_YEAR = p(MONTH + "\\s+(\\d{4})(?!\\d)");
    private static final Pattern MONTH_ONLY = p(MONTH);
    private static final Pattern TIME = p("t?(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?(?:\\s*([ap])\\.?m\\.?(?![a-z]))?(?![\\d:])");
    private static final Pattern HOUR_AMPM = p("(\\d{1,2})\\s*([ap])\\.?m\\.?(?![a-z])");
    private static final Pattern ZONE_NAME = p("(z|utc|gmt)(?![a-z])");
    private static final Pattern ZONE_OFFSET = p("([+-])(\\d{2}):?(\\d{2})(?!\\d)");
    private static final Pattern ZONE_REGION = p("([a-z]+/[a-z_]+(?:/[a-z_]+)?)");
    private static final Pattern WORD = p("(now|today|midnight|noon|tomorrow|yesterday)(?![a-z])");
    private static final Pattern FIRST_LAST_DAY = p("(first|last)\\s+day\\s+of(?![a-z])");
    private static final Pattern NTH_WEEKDAY = p("(first|second|third|fourth|fifth|last)\\s+" + DAY + "\\s+of(?![a-z])");
    private static final Pattern WEEKDAY_OF_WEEK = p(DAY + "\\s+(this|next|last|previous)\\s+week(?![a-z])");
    private static final Pattern MOVE_WEEKDAY = p("(next|last|previous|this)\\s+" + DAY);
    private static final Pattern MOVE_UNIT = p("(next|last|previous|this)\\s+" + UNIT);
    private static final Pattern AMOUNT = p("([+-]?)\\s*(\\d+)\\s*" + UNIT);
    private static final Pattern WEEKDAY = p(DAY);
    private static final Pattern AGO = p("ago(?![a-z])");

    private static Pattern p(String regex) {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
    }

    private Integer year;
    private Integer month;
    private Integer day;
    private Integer hour;
    private Integer minute;
    private Integer second;
    private Integer nanos;
    private ZoneId zone;
    private Long unixMillis;
    private boolean midnight;
    private long relYears;
    private long relMonths;
    private long relDays;
    private long relHours;
    private long relMinutes;
    private long relSeconds;
    private long relMillis;
    /** Business days to add: "+1 weekday" steps over Saturday and Sunday. */
    private long relWeekdays;
    /** "monday this week": the weekday of the Monday-to-Sunday week moved by this many weeks. */
    private boolean weekdayOfWeek;
    private long weekOffset;
    /** Target weekday 1..7 (Monday..Sunday) and how to reach it: 0 this, 1 next, -1 last. */
    private int weekday;
    private int weekdayMove;
    /** 1 for "first day of", 2 for "last day of". */
    private int dayOfMonth;
    /** "second tuesday of": ordinal 2, weekday 2; ordinal -1 for "last". */
    private int nthOrdinal;
    private int nthWeekday;

    private RelativeTime() {
    }

    /** Epoch ms of the text, relative to now (epoch ms), reading wall-clock times in the zone. */
    static long parse(String text, long now, ZoneId zone) {
        RelativeTime t = new RelativeTime();
        t.read(text.trim());
        try {
            return t.resolve(now, zone);
        } catch (DateTimeException | ArithmeticException e) {
            throw new Unknown("the time \"" + text.trim() + "\" is out of range");
        }
    }

    private void read(String s) {
        if (s.isEmpty()) {
            throw new Unknown("expects a time, got empty text");
        }
        int pos = 0;
        boolean afterTime = false;
        while (true) {
            while (pos < s.length() && (Character.isWhitespace(s.charAt(pos)) || s.charAt(pos) == ',')) {
                pos++;
            }
            if (pos >= s.length()) {
                return;
            }
            int next = afterTime ? zoneOffset(s, pos) : -1;
            afterTime = false;
            if (next < 0) {
                int[] time = {0};
                next = item(s, pos, time);
                afterTime = time[0] == 1;
            }
            if (next < 0) {
                throw new Unknown("could not read the time \"" + s + "\": \"" + s.substring(pos)
                    + "\" is not a date, time or relative phrase we know");
            }
            pos = next;
        }
    }

    private int zoneOffset(String s, int pos) {
        Matcher m = at(ZONE_OFFSET, s, pos);
        if (m == null) {
            return -1;
        }
        int minutes = Integer.parseInt(m.group(2)) * 60 + Integer.parseInt(m.group(3));
        zone = ZoneOffset.ofTotalSeconds((m.group(1).equals("-") ? -minutes : minutes) * 60);
        return m.end();
    }

    /** Reads one item at pos; returns the position after it, or -1 when nothing fits. */
    private int item(String s, int pos, int[] wasTime) {
        Matcher m;
        if ((m = at(UNIX, s, pos)) != null) {
            long ms = Long.parseLong(m.group(1)) * 1000;
            if (m.group(2) != null) {
                ms += Long.parseLong((m.group(2) + "00").substring(0, 3));
            }
            unixMillis = ms;
            return m.end();
        }
        if ((m = at(ISO_DATE, s, pos)) != null || (m = at(SLASH_YMD, s, pos)) != null) {
            return date(m, num(m, 1), num(m, 2), num(m, 3));
        }
        if ((m = at(US_DATE, s, pos)) != null) {
            return date(m, num(m, 3), num(m, 1), num(m, 2));
        }
        if ((m = at(DMY_DATE, s, pos)) != null) {
            return date(m, num(m, 3), num(m, 2), num(m, 1));
        }
        if ((m = at(MONTH_DAY, s, pos)) != null) {
            return date(m, m.group(3) == null ? null : num(m, 3), month(m.group(1)), num(m, 2));
        }
        if ((m = at(DAY_MONTH, s, pos)) != null) {
            return date(m, m.group(3) == null ? null : num(m, 3), month(m.group(2)), num(m, 1));
        }
        if ((m = at(MONTH_YEAR, s, pos)) != null) {
            return date(m, num(m, 2), month(m.group(1)), 1);
        }
        if ((m = at(TIME, s, pos)) != null) {
            int h = num(m, 1);
            hour = m.group(5) == null ? h : twelveHour(h, m.group(5));
            minute = num(m, 2);
            second = m.group(3) == null ? 0 : num(m, 3);
            nanos = m.group(4) == null ? 0 : Integer.parseInt((m.group(4) + "00000000").substring(0, 9));
            wasTime[0] = 1;
            return m.end();
        }
        if ((m = at(HOUR_AMPM, s, pos)) != null) {
            hour = twelveHour(num(m, 1), m.group(2));
            minute = 0;
            second = 0;
            nanos = 0;
            return m.end();
        }
        if ((m = at(FIRST_LAST_DAY, s, pos)) != null) {
            dayOfMonth = m.group(1).equalsIgnoreCase("first") ? 1 : 2;
            return m.end();
        }
        if ((m = at(NTH_WEEKDAY, s, pos)) != null) {
            String ord = m.group(1).toLowerCase(Locale.ROOT);
            nthOrdinal = ord.equals("last") ? -1 : ORDINALS.indexOf(ord) + 1;
            nthWeekday = weekday(m.group(2));
            midnight = true;
            return m.end();
        }
        if ((m = at(WEEKDAY_OF_WEEK, s, pos)) != null) {
            weekday = weekday(m.group(1));
            weekdayOfWeek = true;
            weekOffset = direction(m.group(2));
            midnight = true;
            return m.end();
        }
        if ((m = at(MOVE_WEEKDAY, s, pos)) != null) {
            weekday = weekday(m.group(2));
            weekdayMove = direction(m.group(1));
            midnight = true;
            return m.end();
        }
        if ((m = at(MOVE_UNIT, s, pos)) != null) {
            addRelative(direction(m.group(1)), m.group(2));
            return m.end();
        }
        if ((m = at(AMOUNT, s, pos)) != null) {
            long n = Long.parseLong(m.group(2));
            addRelative(m.group(1).equals("-") ? -n : n, m.group(3));
            return m.end();
        }
        if ((m = at(WORD, s, pos)) != null) {
            switch (m.group(1).toLowerCase(Locale.ROOT)) {
                case "today", "midnight" -> midnight = true;
                case "noon" -> {
                    hour = 12;
                    minute = 0;
                    second = 0;
                    nanos = 0;
                }
                case "tomorrow" -> {
                    relDays++;
                    midnight = true;
                }
                case "yesterday" -> {
                    relDays--;
                    midnight = true;
                }
                default -> {
                }
            }
            return m.end();
        }
        if ((m = at(WEEKDAY, s, pos)) != null) {
            weekday = weekday(m.group(1));
            weekdayMove = 0;
            midnight = true;
            return m.end();
        }
        if ((m = at(MONTH_ONLY, s, pos)) != null) {
            month = month(m.group(1));
            return m.end();
        }
        if ((m = at(AGO, s, pos)) != null) {
            // "ago" turns every relative amount read so far around: "2 days 3 hours ago".
            relYears = -relYears;
            relMonths = -relMonths;
            relDays = -relDays;
            relWeekdays = -relWeekdays;
            relHours = -relHours;
            relMinutes = -relMinutes;
            relSeconds = -relSeconds;
            relMillis = -relMillis;
            return m.end();
        }
        if ((m = at(ZONE_NAME, s, pos)) != null) {
            zone = m.group(1).equalsIgnoreCase("z") ? ZoneOffset.UTC : TimeInput.UTC;
            return m.end();
        }
        if ((m = at(ZONE_REGION, s, pos)) != null) {
            ZoneId z = TimeInput.zone(m.group(1));
            if (z != null) {
                zone = z;
                return m.end();
            }
        }
        return -1;
    }

    private static Matcher at(Pattern p, String s, int pos) {
        Matcher m = p.matcher(s);
        m.region(pos, s.length());
        return m.lookingAt() ? m : null;
    }

    private static int num(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }

    private int date(Matcher m, Integer y, int mo, int d) {
        if (y != null) {
            year = y;
        }
        month = mo;
        day = d;
        return m.end();
    }

    private static int month(String name) {
        return MONTHS.indexOf(name.substring(0, 3).toLowerCase(Locale.ROOT)) + 1;
    }

    private static int weekday(String name) {
        String n = name.substring(0, 3).toLowerCase(Locale.ROOT);
        return List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun").indexOf(n) + 1;
    }

    private static int direction(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "next" -> 1;
            case "last", "previous" -> -1;
            default -> 0;
        };
    }

    private static int twelveHour(int h, String ampm) {
        boolean pm = ampm.equalsIgnoreCase("p");
        return h % 12 + (pm ? 12 : 0);
    }

    private void addRelative(long n, String unit) {
        String u = unit.toLowerCase(Locale.ROOT);
        if (u.startsWith("ms") || u.startsWith("milli")) {
            relMillis += n;
        } else if (u.startsWith("sec")) {
            relSeconds += n;
        } else if (u.startsWith("min")) {
            relMinutes += n;
        } else if (u.startsWith("hour")) {
            relHours += n;
        } else if (u.startsWith("day")) {
            relDays += n;
        } else if (u.startsWith("weekday")) {
            relWeekdays += n;
        } else if (u.startsWith("week")) {
            relDays += 7 * n;
        } else if (u.startsWith("fortnight")) {
            relDays += 14 * n;
        } else if (u.startsWith("month")) {
            relMonths += n;
        } else {
            relYears += n;
        }
    }

    private long resolve(long now, ZoneId defaultZone) {
        ZoneId z = zone != null ? zone : unixMillis != null ? TimeInput.UTC : defaultZone;
        LocalDateTime base = Instant.ofEpochMilli(unixMillis != null ? unixMillis : now).atZone(z).toLocalDateTime();
        long y = year != null ? year : base.getYear();
        long m = month != null ? month : base.getMonthValue();
        long d = day != null ? day : base.getDayOfMonth();
        boolean dateGiven = year != null || month != null || day != null;
        long h;
        long mi;
        long s;
        long n;
        if (hour != null) {
            h = hour;
            mi = minute;
            s = second;
            n = nanos;
        } else if (dateGiven || midnight) {
            h = 0;
            mi = 0;
            s = 0;
            n = 0;
        } else {
            h = base.getHour();
            mi = base.getMinute();
            s = base.getSecond();
            n = base.getNano();
        }
        if (weekday != 0 && weekdayOfWeek) {
            LocalDate date = normalize(y, m, d);
            date = date.minusDays(date.getDayOfWeek().getValue() - 1L).plusWeeks(weekOffset).plusDays(weekday - 1L);
            y = date.getYear();
            m = date.getMonthValue();
            d = date.getDayOfMonth();
        } else if (weekday != 0) {
            LocalDate date = normalize(y, m, d);
            int diff = Math.floorMod(weekday - date.getDayOfWeek().getValue(), 7);
            if (weekdayMove > 0 && diff == 0) {
                diff = 7;
            } else if (weekdayMove < 0) {
                diff = diff - 7;
            }
            date = date.plusDays(diff);
            y = date.getYear();
            m = date.getMonthValue();
            d = date.getDayOfMonth();
        }
        y += relYears;
        m += relMonths;
        d += relDays;
        if (dayOfMonth == 1) {
            d = 1;
        } else if (dayOfMonth == 2) {
            d = 0;
            m++;
        }
        if (nthOrdinal != 0) {
            LocalDate first = normalize(y, m, 1);
            DayOfWeek target = DayOfWeek.of(nthWeekday);
            LocalDate date = nthOrdinal > 0
                ? first.with(TemporalAdjusters.firstInMonth(target)).plusWeeks(nthOrdinal - 1)
                : first.with(TemporalAdjusters.lastInMonth(target));
            y = date.getYear();
            m = date.getMonthValue();
            d = date.getDayOfMonth();
        }
        LocalDate day = normalize(y, m, d);
        for (long left = Math.abs(relWeekdays), step = Long.signum(relWeekdays); left > 0; ) {
            day = day.plusDays(step);
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        LocalDateTime local = day.atStartOfDay()
            .plusHours(h + relHours).plusMinutes(mi + relMinutes).plusSeconds(s + relSeconds)
            .plusNanos(n + relMillis * 1_000_000L);
        return ZonedDateTime.ofLocal(local, z, null).toInstant().toEpochMilli();
    }

    /** Year, month and day with out-of-range months and days carried over, as PHP does. */
    private static LocalDate normalize(long y, long m, long d) {
        return LocalDate.of((int) y, 1, 1).plusMonths(m - 1).plusDays(d - 1);
    }
}
