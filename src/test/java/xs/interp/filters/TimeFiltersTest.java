package xs.interp.filters;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static xs.interp.filters.Calls.NOW;
import static xs.interp.filters.Calls.apply;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import xs.interp.XsError;

/** The time filters; Calls.NOW is 2023-11-14T22:13:20Z, a Tuesday. */
class TimeFiltersTest {
    private static final long HOUR = 3_600_000L;
    private static final long DAY = 24 * HOUR;

    @Test
    void formatsEveryPhpDateLetter() {
        Map<String, String> expected = Map.ofEntries(
            Map.entry("d", "14"), Map.entry("D", "Tue"), Map.entry("j", "14"), Map.entry("l", "Tuesday"),
            Map.entry("N", "2"), Map.entry("S", "th"), Map.entry("w", "2"), Map.entry("z", "317"),
            Map.entry("W", "46"), Map.entry("F", "November"), Map.entry("m", "11"), Map.entry("M", "Nov"),
            Map.entry("n", "11"), Map.entry("t", "30"), Map.entry("L", "0"), Map.entry("o", "2023"),
            Map.entry("Y", "2023"), Map.entry("y", "23"), Map.entry("a", "pm"), Map.entry("A", "PM"),
            Map.entry("B", "967"), Map.entry("g", "10"), Map.entry("G", "22"), Map.entry("h", "10"),
            Map.entry("H", "22"), Map.entry("i", "13"), Map.entry("s", "20"), Map.entry("u", "000000"),
            Map.entry("v", "000"), Map.entry("e", "UTC"), Map.entry("I", "0"), Map.entry("O", "+0000"),
            Map.entry("P", "+00:00"), Map.entry("p", "Z"), Map.entry("T", "UTC"), Map.entry("Z", "0"),
            Map.entry("c", "2023-11-14T22:13:20+00:00"), Map.entry("r", "Tue, 14 Nov 2023 22:13:20 +0000"),
            Map.entry("U", "1700000000"));
        List<Executable> checks = new ArrayList<>();
        expected.forEach((letter, out) ->
            checks.add(() -> assertEquals(out, apply("format_timestamp", NOW, letter), "letter " + letter)));
        assertAll(checks);
    }

    @Test
    void formatsInATimeZoneWithEscapesAndFractions() {
        assertEquals("2023-11-14 17:13:20 EST -05:00 America/New_York",
            apply("format_timestamp", NOW, "Y-m-d H:i:s T P e", "America/New_York"));
        assertEquals("Wednesday 15th, 03:43 +0530 IST",
            apply("format_timestamp", NOW, "l jS, H:i O T", "Asia/Kolkata"));
        assertEquals("Today is the 14th of November", apply("format_timestamp", NOW, "\\T\\o\\d\\a\\y \\i\\s \\t\\h\\e jS \\o\\f F"));
        assertEquals("123 123000", apply("format_timestamp", NOW + 123, "v u"));
        assertEquals("2023-08-15 16:45:30", apply("format_timestamp", "1692132330000", "Y-m-d H:i:s", "America/New_York"));
        assertEquals("1st 2nd 3rd 11th 12th 13th 21st 22nd 23rd", suffixes());
        assertEquals("12 am", apply("format_timestamp", 1699920000000L, "g a"));
        assertEquals("2023-11-14T22:13:20+00:00", apply("format_timestamp", NOW));
        assertEquals(null, apply("format_timestamp", null, "Y"));
        assertEquals("2023-11-14", apply("format_timestamp", "now", "Y-m-d"));
    }

    private static String suffixes() {
        StringBuilder sb = new StringBuilder();
        for (int d : new int[] {1, 2, 3, 11, 12, 13, 21, 22, 23}) {
            sb.append(sb.length() == 0 ? "" : " ").append(d).append(PhpDateFormat.ordinalSuffix(d));
        }
        return sb.toString();
    }

    @Test
    void transformsWithEveryRelativeForm() {
        Map<String, Long> expected = Map.ofEntries(
            Map.entry("+1 hour", NOW + HOUR), Map.entry("-1 hour", NOW - HOUR),
            Map.entry("+7 days", NOW + 7 * DAY), Map.entry("-30 minutes", NOW - 30 * 60_000L),
            Map.entry("+2 weeks", NOW + 14 * DAY), Map.entry("+1 month", 1702592000000L),
            Map.entry("-1 year", 1668464000000L), Map.entry("+1 day 2 hours", NOW + DAY + 2 * HOUR),
            Map.entry("next monday", 1700438400000L), Map.entry("last friday", 1699574400000L),
            Map.entry("tomorrow", 1700006400000L), Map.entry("yesterday", 1699833600000L),
            Map.entry("midnight", 1699920000000L), Map.entry("noon", 1699963200000L),
            Map.entry("first day of next month", 1701468800000L),
            Map.entry("last day of this month", 1701382400000L),
            Map.entry("2 days ago", NOW - 2 * DAY), Map.entry("monday", 1700438400000L),
            Map.entry("tuesday", 1699920000000L), Map.entry("next tuesday", 1699920000000L + 7 * DAY),
            Map.entry("last tuesday", 1699920000000L - 7 * DAY), Map.entry("+90 seconds", NOW + 90_000L),
            Map.entry("+500 ms", NOW + 500), Map.entry("next week", NOW + 7 * DAY),
            Map.entry("last month", 1697321600000L), Map.entry("tomorrow noon", 1700049600000L),
            Map.entry("first monday of january 2024", 1704067200000L),
            Map.entry("+1 week 2 days 4 hours", NOW + 9 * DAY + 4 * HOUR), Map.entry("now", NOW));
        List<Executable> checks = new ArrayList<>();
        expected.forEach((phrase, ms) ->
            checks.add(() -> assertEquals(ms, apply("transform_timestamp", NOW, phrase), phrase)));
        assertAll(checks);
    }

    @Test
    void monthArithmeticOverflowsLikePhp() {
        long jan31 = 1675123200000L; // 2023-01-31T00:00:00Z
        assertEquals(1677801600000L, apply("transform_timestamp", jan31, "+1 month"));
        assertEquals(1677542400000L, apply("transform_timestamp", jan31, "last day of next month"));
    }

    @Test
    void transformsInATimeZone() {
        assertEquals(1700024400000L, apply("transform_timestamp", NOW, "tomorrow", "America/New_York"));
        // The documented example: -7 days from 2023-08-15T20:45:30Z in Los Angeles.
        assertEquals(1691527530000L, apply("transform_timestamp", "2023-08-15T20:45:30.000Z", "-7 days",
            "America/Los_Angeles"));
    }

    @Test
    void unknownPhrasesNameThePhrase() {
        XsError e = assertThrows(XsError.class, () -> apply("transform_timestamp", NOW, "+1 fortnite"));
        assertTrue(e.getMessage().contains("filter 'transform_timestamp'"), e.getMessage());
        assertTrue(e.getMessage().contains("+1 fortnite"), e.getMessage());
        XsError z = assertThrows(XsError.class, () -> apply("format_timestamp", NOW, "Y", "Mars/Olympus"));
        assertTrue(z.getMessage().contains("unknown time zone 'Mars/Olympus'"), z.getMessage());
    }

    @Test
    void readsIsoAndWrittenDates() {
        assertEquals(1735776000000L, apply("to_timestamp", "2025-01-02"));
        assertEquals(1735787045000L, apply("to_timestamp", "2025-01-02T03:04:05Z"));
        assertEquals(1735787045000L, apply("to_timestamp", "2025-01-02 03:04:05"));
        assertEquals(1735787045123L, apply("to_timestamp", "2025-01-02T03:04:05.123Z"));
        assertEquals(1735787045000L - 2 * HOUR, apply("to_timestamp", "2025-01-02T03:04:05+02:00"));
        assertEquals(1735787045000L + 5 * HOUR + 30 * 60_000L, apply("to_timestamp", "2025-01-02 03:04:05 -0530"));
        assertEquals(1735815845000L, apply("to_timestamp", "2025-01-02 03:04:05", "America/Los_Angeles"));
        assertEquals(1735787045000L, apply("to_timestamp", "2025-01-02T03:04:05Z", "America/Los_Angeles"));
        assertEquals(946684800000L, apply("to_timestamp", "Jan 1 2000"));
        assertEquals(946684800000L, apply("to_timestamp", "January 1, 2000"));
        assertEquals(946684800000L, apply("to_timestamp", "1 January 2000"));
        assertEquals(946684800000L, apply("to_timestamp", "01/01/2000"));
        assertEquals(946729800000L, apply("to_timestamp", "2000-01-01 12:30pm"));
        assertEquals(NOW, apply("to_timestamp", "now"));
        assertEquals(NOW, apply("to_timestamp", NOW));
        assertEquals(NOW, apply("to_timestamp", String.valueOf(NOW)));
        assertEquals(1700000000000L, apply("to_timestamp", "@1700000000"));
        assertEquals(1700208000000L, apply("to_timestamp", "next friday", "America/Los_Angeles"));
        assertEquals(null, apply("to_timestamp", null));
    }

    @Test
    void convertsToCoarserUnits() {
        assertEquals(1700000000L, apply("to_seconds", NOW));
        assertEquals(28333333L, apply("to_minutes", NOW));
        assertEquals(472222L, apply("to_hours", NOW));
        assertEquals(19675L, apply("to_days", NOW));
        assertEquals(-1L, apply("to_seconds", -1L));
        assertEquals(20350L, apply("to_days", 1758265200000L));
    }

    @Test
    void parsesByPhpFormat() {
        assertEquals(1692132330000L, apply("parse_timestamp", "2023-08-15 13:45:30", "Y-m-d H:i:s", "America/Los_Angeles"));
        assertEquals(1692107100000L, apply("parse_timestamp", "15/08/2023 13:45", "d/m/Y H:i"));
        assertEquals(1692057600000L, apply("parse_timestamp", "15/08/2023", "!d/m/Y"));
        assertEquals(1692057600000L, apply("parse_timestamp", "15/08/2023", "d/m/Y|"));
        // Fields the format leaves out come from now (22:13:20).
        assertEquals(1692137600000L, apply("parse_timestamp", "2023-08-15", "Y-m-d"));
        assertEquals(1692107100000L, apply("parse_timestamp", "Tue, 15 Aug 2023 01:45:00 PM", "D, d M Y h:i:s A"));
        assertEquals(1692107100000L, apply("parse_timestamp", "August 15th 2023 13:45 +00:00", "F jS Y H:i P"));
        assertEquals(1692099900000L, apply("parse_timestamp", "2023-08-15 13:45 +0200", "Y-m-d H:i O"));
        assertEquals(1692107100500L, apply("parse_timestamp", "2023-08-15 13:45:00.5", "Y-m-d H:i:s.u"));
        assertEquals(1700000000000L, apply("parse_timestamp", "1700000000", "U"));
        assertEquals(1692107100000L, apply("parse_timestamp", "2023-08-15T13:45:00Z", "Y-m-d\\TH:i:se"));
        XsError e = assertThrows(XsError.class, () -> apply("parse_timestamp", "2023-08-15", "d/m/Y"));
        assertTrue(e.getMessage().contains("does not match the format \"d/m/Y\""), e.getMessage());
        XsError trailing = assertThrows(XsError.class, () -> apply("parse_timestamp", "2023-08-15 10:00", "Y-m-d"));
        assertTrue(trailing.getMessage().contains("trailing text"), trailing.getMessage());
    }

    @Test
    void addsSecondsAndMilliseconds() {
        assertEquals(1691527590000L, apply("add_secs_to_timestamp", 1691527530000L, 60L));
        assertEquals(NOW - 1500, apply("add_secs_to_timestamp", NOW, new BigDecimal("-1.5")));
        assertEquals(NOW + 500, apply("add_ms_to_timestamp", "now", 500L));
        // Monday 2023-11-20 00:00 UTC, the documented "monday|add_ms_to_timestamp:500" shape.
        assertEquals(1700438400500L, apply("add_ms_to_timestamp", "monday", 500L));
    }

    @Test
    void wrongTypesNameTheFilterAndTheType() {
        XsError e = assertThrows(XsError.class, () -> apply("format_timestamp", List.of(1L), "Y"));
        assertEquals("filter 'format_timestamp': expects a timestamp or date text, got array", e.getMessage());
        XsError b = assertThrows(XsError.class, () -> apply("to_timestamp", true));
        assertEquals("filter 'to_timestamp': expects a timestamp or date text, got bool", b.getMessage());
    }

    /** One assertion per registered name (aliases included), so an untested filter fails here. */
    @Test
    void everyTimeFilterIsCovered() {
        Map<String, Executable> examples = Map.ofEntries(
            Map.entry("to_timestamp", () -> assertEquals(NOW, apply("to_timestamp", "2023-11-14T22:13:20Z"))),
            Map.entry("to_ms", () -> assertEquals(NOW, apply("to_ms", "now"))),
            Map.entry("to_seconds", () -> assertEquals(1700000000L, apply("to_seconds", NOW))),
            Map.entry("to_minutes", () -> assertEquals(28333333L, apply("to_minutes", NOW))),
            Map.entry("to_hours", () -> assertEquals(472222L, apply("to_hours", NOW))),
            Map.entry("to_days", () -> assertEquals(19675L, apply("to_days", NOW))),
            Map.entry("parse_timestamp", () -> assertEquals(NOW, apply("parse_timestamp", "14.11.2023 22:13:20", "d.m.Y H:i:s"))),
            Map.entry("format_timestamp", () -> assertEquals("2023-11-14", apply("format_timestamp", NOW, "Y-m-d"))),
            Map.entry("transform_timestamp", () -> assertEquals(NOW + DAY, apply("transform_timestamp", NOW, "+1 day"))),
            Map.entry("add_secs_to_timestamp", () -> assertEquals(NOW + 1000, apply("add_secs_to_timestamp", NOW, 1L))),
            Map.entry("add_ms_to_timestamp", () -> assertEquals(NOW + 1, apply("add_ms_to_timestamp", NOW, 1L))),
            Map.entry("to_epochms", () -> assertEquals(NOW, apply("to_epochms", "now"))),
            Map.entry("to_epoch_ms", () -> assertEquals(NOW, apply("to_epoch_ms", "now"))),
            Map.entry("to_epoch_sec", () -> assertEquals(1700000000L, apply("to_epoch_sec", NOW))),
            Map.entry("to_epoch_minute", () -> assertEquals(28333333L, apply("to_epoch_minute", NOW))),
            Map.entry("to_epoch_hour", () -> assertEquals(472222L, apply("to_epoch_hour", NOW))),
            Map.entry("to_epoch_day", () -> assertEquals(19675L, apply("to_epoch_day", NOW))),
            Map.entry("epochms_from_format", () -> assertEquals(NOW, apply("epochms_from_format", "2023-11-14 22:13:20", "Y-m-d H:i:s"))),
            Map.entry("epochms_date", () -> assertEquals("22:13", apply("epochms_date", NOW, "H:i"))),
            Map.entry("epochms_transform", () -> assertEquals(NOW - HOUR, apply("epochms_transform", NOW, "-1 hour"))),
            Map.entry("epochms_add_secs", () -> assertEquals(NOW - 1000, apply("epochms_add_secs", NOW, -1L))),
            Map.entry("epochms_add_ms", () -> assertEquals(NOW - 1, apply("epochms_add_ms", NOW, -1L))));
        FilterRegistry family = new FilterRegistry();
        TimeFilters.register(family);
        TreeSet<String> missing = new TreeSet<>(family.names());
        missing.removeAll(examples.keySet());
        assertEquals(new TreeSet<String>(), missing, "time filters without an example");
        assertAll(examples.values().stream());
    }
}
