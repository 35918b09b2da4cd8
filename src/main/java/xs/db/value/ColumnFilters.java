package xs.db.value;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import xs.db.ColumnFilter;
import xs.db.DbException;

/**
 * The database-side filters that can be applied to a column in a where clause or eval
 * ({@code ($db.user.name|to_lower)}). Each compiles once per query to a function of the value.
 * Like SQL, most filters turn a null value into null.
 */
public final class ColumnFilters {
    private ColumnFilters() {
    }

    private static final Set<String> NAMES = Set.of("to_lower", "to_upper", "concat", "substr", "coalesce", "add",
        "sub", "mul", "div", "floor", "ceil", "round", "length", "timestamp_year", "timestamp_month",
        "timestamp_day_of_month", "timestamp_hour", "timestamp_minute", "timestamp_week", "timestamp_day_of_week",
        "timestamp_day_of_year");
    private static final Set<String> UNITS = Set.of("seconds", "minutes", "hours", "days", "months", "years");

    /** The names {@link #compile} accepts. */
    public static boolean isKnown(String name) {
        if (NAMES.contains(name)) return true;
        String unit = name.startsWith("timestamp_add_") ? name.substring("timestamp_add_".length())
                : name.startsWith("timestamp_subtract_") ? name.substring("timestamp_subtract_".length()) : null;
        return unit != null && UNITS.contains(unit);
    }

    public static UnaryOperator<Object> compile(ColumnFilter filter) {
        List<Object> a = filter.args();
        String name = filter.name();
        return switch (name) {
            case "to_lower" -> v -> v == null ? null : Values.text(v).toLowerCase(Locale.ROOT);
            case "to_upper" -> v -> v == null ? null : Values.text(v).toUpperCase(Locale.ROOT);
            case "concat" -> concat(a);
            case "substr" -> substr(name, a);
            case "coalesce" -> v -> v != null ? v : arg(a, 0);
            case "add" -> v -> arithmetic(name, v, number(name, a, 0), '+');
            case "sub" -> v -> arithmetic(name, v, number(name, a, 0), '-');
            case "mul" -> v -> arithmetic(name, v, number(name, a, 0), '*');
            case "div" -> v -> arithmetic(name, v, number(name, a, 0), '/');
            case "floor" -> v -> rounded(v, 0, RoundingMode.FLOOR);
            case "ceil" -> v -> rounded(v, 0, RoundingMode.CEILING);
            case "round" -> {
                int places = a.isEmpty() ? 0 : number(name, a, 0).intValue();
                yield v -> rounded(v, places, RoundingMode.HALF_UP);
            }
            case "length" -> ColumnFilters::length;
            case "timestamp_year" -> field(t -> t.getYear());
            case "timestamp_month" -> field(t -> t.getMonthValue());
            case "timestamp_day_of_month" -> field(t -> t.getDayOfMonth());
            case "timestamp_hour" -> field(t -> t.getHour());
            case "timestamp_minute" -> field(t -> t.getMinute());
            case "timestamp_week" -> field(t -> t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case "timestamp_day_of_week" -> field(t -> t.getDayOfWeek().getValue() % 7);
            case "timestamp_day_of_year" -> field(t -> t.getDayOfYear());
            default -> shift(name, a);
        };
    }

    private static UnaryOperator<Object> concat(List<Object> a) {
        String value = a.isEmpty() || a.get(0) == null ? "" : Values.text(a.get(0));
        String separator = a.size() > 1 && a.get(1) != null ? Values.text(a.get(1)) : "";
        return v -> (v == null ? "" : Values.text(v)) + separator + value;
    }

    /** PHP substr: 0-based start, negative start counts from the end, optional (negative) length. */
    private static UnaryOperator<Object> substr(String name, List<Object> a) {
        int start = number(name, a, 0).intValue();
        Integer length = a.size() > 1 && a.get(1) != null ? number(name, a, 1).intValue() : null;
        return v -> {
            if (v == null) return null;
            String s = Values.text(v);
            int n = s.length();
            int from = start < 0 ? Math.max(0, n + start) : Math.min(start, n);
            int to = length == null ? n : length < 0 ? Math.max(from, n + length) : Math.min(n, from + length);
            return s.substring(from, to);
        };
    }

    private static Object length(Object v) {
        if (v == null) return null;
        if (v instanceof List<?> l) return (long) l.size();
        if (v instanceof Map<?, ?> m) return (long) m.size();
        String s = Values.text(v);
        return (long) s.codePointCount(0, s.length());
    }

    private static Object arg(List<Object> a, int i) {
        return i < a.size() ? a.get(i) : null;
    }

    private static BigDecimal number(String filter, List<Object> a, int i) {
        BigDecimal n = Values.toNumber(arg(a, i));
        if (n == null) {
            throw new DbException(DbException.Kind.BAD_QUERY,
                    "filter " + filter + " needs a number as argument " + (i + 1) + ", got " + Values.describe(arg(a, i)));
        }
        return n;
    }

    private static Object arithmetic(String filter, Object v, BigDecimal b, char op) {
        if (v == null) return null;
        BigDecimal x = Values.toNumber(v);
        if (x == null) {
            throw new DbException(DbException.Kind.BAD_QUERY, "filter " + filter + " needs a number, got " + Values.describe(v));
        }
        BigDecimal r = switch (op) {
            case '+' -> x.add(b);
            case '-' -> x.subtract(b);
            case '*' -> x.multiply(b);
            default -> {
                if (b.signum() == 0) throw new DbException(DbException.Kind.BAD_QUERY, "division by zero in filter div");
                yield x.divide(b, MathContext.DECIMAL64);
            }
        };
        // int op int stays int (division only when exact), as in SQL on integer columns
        boolean integral = !(v instanceof BigDecimal) && x.scale() <= 0 && b.scale() <= 0;
        if (integral && (op != '/' || r.stripTrailingZeros().scale() <= 0)) return r.longValueExact();
        return r;
    }

    private static Object rounded(Object v, int places, RoundingMode mode) {
        if (v == null) return null;
        BigDecimal x = Values.toNumber(v);
        if (x == null) throw new DbException(DbException.Kind.BAD_QUERY, "cannot round " + Values.describe(v));
        BigDecimal r = x.setScale(places, mode);
        return places <= 0 ? (Object) r.longValue() : r;
    }

    private static UnaryOperator<Object> field(java.util.function.ToIntFunction<ZonedDateTime> part) {
        return v -> {
            Long ms = millis(v);
            return ms == null ? null : (Object) (long) part.applyAsInt(Instant.ofEpochMilli(ms).atZone(ZoneOffset.UTC));
        };
    }

    /** timestamp_add_* and timestamp_subtract_*, in UTC; months and years follow the calendar. */
    private static UnaryOperator<Object> shift(String name, List<Object> a) {
        String rest;
        int sign;
        if (name.startsWith("timestamp_add_")) {
            rest = name.substring("timestamp_add_".length());
            sign = 1;
        } else if (name.startsWith("timestamp_subtract_")) {
            rest = name.substring("timestamp_subtract_".length());
            sign = -1;
        } else {
            throw unknown(name);
        }
        ChronoUnit unit = switch (rest) {
            case "seconds" -> ChronoUnit.SECONDS;
            case "minutes" -> ChronoUnit.MINUTES;
            case "hours" -> ChronoUnit.HOURS;
            case "days" -> ChronoUnit.DAYS;
            case "months" -> ChronoUnit.MONTHS;
            case "years" -> ChronoUnit.YEARS;
            default -> throw unknown(name);
        };
        long amount = sign * number(name, a, 0).longValue();
        return v -> {
            Long ms = millis(v);
            if (ms == null) return null;
            return Instant.ofEpochMilli(ms).atZone(ZoneOffset.UTC).plus(amount, unit).toInstant().toEpochMilli();
        };
    }

    private static Long millis(Object v) {
        if (v == null) return null;
        if (v instanceof Long l) return l;
        if (v instanceof String s) return Timestamps.parse(s);
        BigDecimal n = Values.toNumber(v);
        return n == null ? null : n.longValue();
    }

    private static DbException unknown(String name) {
        return new DbException(DbException.Kind.BAD_QUERY, "unknown database filter \"" + name + "\"");
    }
}
