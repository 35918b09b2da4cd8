package xs.workspace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import xs.ast.Construct;
import xs.ast.Expr;
import xs.ast.GenericStmt;
import xs.source.Span;

/**
 * When a task runs: one or more series {@code starts_on + k*freq} (UTC, epoch milliseconds),
 * each ending at its optional {@code ends_on}. Both forms Xano exports are read:
 * <pre>task nightly { stack {...} schedule = [{starts_on: 2026-01-01 02:00:00+0000, freq: 86400}] }</pre>
 * and the older {@code schedule { events = [{starts_on: ..., freq: ...}] }}.
 */
public record TaskSchedule(List<Series> series) {
    /** One series of occurrences; {@code freqMillis} 0 means the single occurrence at {@code startsOn}. */
    public record Series(long startsOn, long freqMillis, Long endsOn) {
        /** The first occurrence at or after {@code at}, or -1 when the series has ended by then. */
        long firstAtOrAfter(long at) {
            long t;
            if (at <= startsOn) {
                t = startsOn;
            } else if (freqMillis <= 0) {
                return -1;
            } else {
                long k = (at - startsOn + freqMillis - 1) / freqMillis;
                t = startsOn + k * freqMillis;
            }
            return endsOn != null && t > endsOn ? -1 : t;
        }

        /** The last occurrence at or before {@code at}, or -1 when none is. */
        long lastAtOrBefore(long at) {
            if (at < startsOn) {
                return -1;
            }
            long t = freqMillis <= 0 ? startsOn : startsOn + (at - startsOn) / freqMillis * freqMillis;
            if (endsOn != null && t > endsOn) {
                t = freqMillis <= 0 ? -1 : startsOn + (endsOn - startsOn) / freqMillis * freqMillis;
            }
            return t;
        }
    }

    /** A schedule that cannot be read: what is wrong and where. */
    public static final class Invalid extends Exception {
        public final Span span;

        Invalid(Span span, String message) {
            super(message);
            this.span = span;
        }
    }

    public TaskSchedule {
        series = List.copyOf(series);
    }

    /**
     * Reads a task's schedule; a task without one has no series (it runs only when asked).
     *
     * @param constant evaluates an expression that needs no variables
     */
    public static TaskSchedule of(Construct task, Function<Expr, Object> constant) throws Invalid {
        Expr list = task.attribute("schedule").orElse(null);
        if (list == null) {
            for (GenericStmt block : task.subBlocks("schedule")) {
                list = block.attribute("events").orElse(list);
            }
        }
        if (list == null) {
            return new TaskSchedule(List.of());
        }
        Object value;
        try {
            value = constant.apply(list);
        } catch (RuntimeException e) {
            throw new Invalid(list.span(), "the schedule cannot be evaluated: " + e.getMessage());
        }
        List<?> events = value instanceof List<?> l ? l : value == null ? List.of() : List.of(value);
        List<Series> out = new ArrayList<>();
        for (Object event : events) {
            if (!(event instanceof Map<?, ?> m)) {
                throw new Invalid(list.span(), "each schedule entry must be an object like "
                    + "{starts_on: 2026-01-01 02:00:00+0000, freq: 3600}");
            }
            long starts = time(m.get("starts_on"), "starts_on", list.span());
            Object freq = m.get("freq");
            long freqSeconds = freq == null ? 0 : whole(freq, "freq", list.span());
            if (freqSeconds < 0) {
                throw new Invalid(list.span(), "freq is a number of seconds and cannot be negative, got " + freqSeconds);
            }
            Long ends = m.get("ends_on") == null ? null : time(m.get("ends_on"), "ends_on", list.span());
            out.add(new Series(starts, freqSeconds * 1000, ends));
        }
        return new TaskSchedule(out);
    }

    private static long time(Object v, String key, Span span) throws Invalid {
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof String s) {
            try {
                return java.time.OffsetDateTime.parse(s.replace(' ', 'T').replaceFirst("([+-]\\d\\d)(\\d\\d)$", "$1:$2"))
                    .toInstant().toEpochMilli();
            } catch (java.time.format.DateTimeParseException e) {
                // reported below
            }
        }
        throw new Invalid(span, key + " must be a timestamp like 2026-01-01 02:00:00+0000, got " + v);
    }

    private static long whole(Object v, String key, Span span) throws Invalid {
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof java.math.BigDecimal d) {
            return d.longValue();
        }
        if (v instanceof String s && s.matches("\\d+")) {
            return Long.parseLong(s);
        }
        throw new Invalid(span, key + " must be a number of seconds, got " + v);
    }

    /** The first occurrence of any series at or after {@code at}, or -1 when every series has ended. */
    public long firstAtOrAfter(long at) {
        long best = -1;
        for (Series s : series) {
            long t = s.firstAtOrAfter(at);
            if (t >= 0 && (best < 0 || t < best)) {
                best = t;
            }
        }
        return best;
    }

    /** The latest occurrence of any series at or before {@code at}, or -1 when none is. */
    public long lastAtOrBefore(long at) {
        long best = -1;
        for (Series s : series) {
            best = Math.max(best, s.lastAtOrBefore(at));
        }
        return best;
    }
}
