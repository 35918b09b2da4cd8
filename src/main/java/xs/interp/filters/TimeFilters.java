package xs.interp.filters;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.function.LongUnaryOperator;

/**
 * The time filters of reference §8: {@code now|transform_timestamp:"-7 days"|format_timestamp:"Y-m-d"}.
 * Timestamps are epoch-millisecond ints; the subject may also be text such as "now",
 * "2025-01-02T03:04:05Z" or "next friday" (see {@link RelativeTime}). The optional time zone
 * argument (default UTC) says how wall-clock text is read and written. A null subject gives
 * null, so optional fields can be piped through.
 */
final class TimeFilters {
    private TimeFilters() {
    }

    static void register(FilterRegistry r) {
        r.register("to_timestamp", c -> convert(c, ms -> ms));
        r.register("to_ms", c -> convert(c, ms -> ms));
        r.register("to_seconds", c -> convert(c, ms -> Math.floorDiv(ms, 1000L)));
        r.register("to_minutes", c -> convert(c, ms -> Math.floorDiv(ms, 60_000L)));
        r.register("to_hours", c -> convert(c, ms -> Math.floorDiv(ms, 3_600_000L)));
        r.register("to_days", c -> convert(c, ms -> Math.floorDiv(ms, 86_400_000L)));
        r.register("parse_timestamp", TimeFilters::parse);
        r.register("format_timestamp", TimeFilters::format);
        r.register("transform_timestamp", TimeFilters::transform);
        r.register("add_secs_to_timestamp", c -> add(c, 1000));
        r.register("add_ms_to_timestamp", c -> add(c, 1));

        // Older exports still use the engine's internal names.
        r.alias("to_epochms", "to_timestamp");
        r.alias("to_epoch_ms", "to_ms");
        r.alias("to_epoch_sec", "to_seconds");
        r.alias("to_epoch_minute", "to_minutes");
        r.alias("to_epoch_hour", "to_hours");
        r.alias("to_epoch_day", "to_days");
        r.alias("epochms_from_format", "parse_timestamp");
        r.alias("epochms_date", "format_timestamp");
        r.alias("epochms_transform", "transform_timestamp");
        r.alias("epochms_add_secs", "add_secs_to_timestamp");
        r.alias("epochms_add_ms", "add_ms_to_timestamp");
    }

    /** to_timestamp:tz and its unit variants: the moment in ms, then scaled down. */
    private static Object convert(FilterCall c, LongUnaryOperator scale) {
        if (c.subject() == null) {
            return null;
        }
        return scale.applyAsLong(TimeInput.subjectMillis(c, 0));
    }

    /** parse_timestamp:format:tz reads text by a PHP date format; without a format, as to_timestamp. */
    private static Object parse(FilterCall c) {
        Object v = c.subject();
        if (v == null) {
            return null;
        }
        if (v instanceof Long || !c.hasArg(0) || c.arg(0) == null) {
            return TimeInput.subjectMillis(c, 1);
        }
        String text = FilterSupport.text(c);
        String format = FilterSupport.textArg(c, 0);
        ZoneId zone = TimeInput.zoneArg(c, 1);
        try {
            return PhpDateParser.parse(text, format, zone, c.now());
        } catch (PhpDateParser.Mismatch e) {
            throw c.error("\"" + FilterSupport.abbreviate(text) + "\" does not match the format \"" + format
                + "\": " + e.getMessage());
        } catch (DateTimeException | ArithmeticException e) {
            throw c.error("\"" + FilterSupport.abbreviate(text) + "\" is out of range for a timestamp");
        }
    }

    /** format_timestamp:format:tz with PHP date() letters; the format defaults to ISO 8601 ("c"). */
    private static Object format(FilterCall c) {
        if (c.subject() == null) {
            return null;
        }
        ZoneId zone = TimeInput.zoneArg(c, 1);
        long ms = TimeInput.millis(c, c.subject(), zone);
        return PhpDateFormat.format(ms, zone, FilterSupport.textArg(c, 0, "c"));
    }

    /** transform_timestamp:"-7 days":tz applies a relative phrase to the subject's moment. */
    private static Object transform(FilterCall c) {
        if (c.subject() == null) {
            return null;
        }
        ZoneId zone = TimeInput.zoneArg(c, 1);
        long base = TimeInput.millis(c, c.subject(), zone);
        String phrase = FilterSupport.textArg(c, 0, "");
        if (phrase.isBlank()) {
            return base;
        }
        try {
            return RelativeTime.parse(phrase, base, zone);
        } catch (RelativeTime.Unknown e) {
            throw c.error(e.getMessage());
        } catch (DateTimeException | ArithmeticException e) {
            throw c.error("\"" + phrase + "\" takes the timestamp out of range");
        }
    }

    /** add_secs_to_timestamp / add_ms_to_timestamp; the amount may be negative or decimal. */
    private static Object add(FilterCall c, long unitMillis) {
        if (c.subject() == null) {
            return null;
        }
        long base = TimeInput.millis(c, c.subject(), TimeInput.UTC);
        BigDecimal amount = FilterSupport.decimalArg(c, 0).multiply(BigDecimal.valueOf(unitMillis));
        try {
            return Math.addExact(base, amount.longValue());
        } catch (ArithmeticException e) {
            throw c.error("the result is out of range for a timestamp");
        }
    }
}
