package xs.db.postgres;

import java.math.BigDecimal;
import java.util.List;
import xs.db.ColumnFilter;
import xs.db.ColumnSchema;
import xs.db.DbException;
import xs.db.value.Values;

/**
 * The database-side column filters of a where clause or eval ({@code ($db.post.price|mul:2)})
 * as SQL, with the memory engine's meaning: arithmetic on ints stays int, timestamps are epoch
 * milliseconds in UTC, a null stays null. Arguments are evaluated constants, written into the
 * SQL as numbers or bound as parameters.
 */
final class PgFilters {
    static final ColumnSchema INT = ColumnSchema.of("#int", "int");
    static final ColumnSchema DECIMAL = ColumnSchema.of("#decimal", "decimal");
    static final ColumnSchema TEXT = ColumnSchema.of("#text", "text");
    static final ColumnSchema TIMESTAMP = ColumnSchema.of("#timestamp", "timestamp");

    private PgFilters() {
    }

    /** One filter applied to an expression; binder adds text parameters. */
    static PgWhere.Sql apply(PgWhere.Sql x, ColumnFilter f, java.util.function.Function<Object, String> binder) {
        String name = f.name();
        List<Object> a = f.args();
        switch (name) {
            case "to_lower" -> {
                return new PgWhere.Sql("lower(" + text(x) + ")", TEXT, false);
            }
            case "to_upper" -> {
                return new PgWhere.Sql("upper(" + text(x) + ")", TEXT, false);
            }
            case "concat" -> {
                String value = a.isEmpty() || a.get(0) == null ? "" : Values.text(a.get(0));
                String separator = a.size() > 1 && a.get(1) != null ? Values.text(a.get(1)) : "";
                return new PgWhere.Sql("(coalesce(" + text(x) + ", '') || " + binder.apply(separator + value) + "::text)", TEXT, false);
            }
            case "substr" -> {
                return substr(x, a);
            }
            case "add", "sub", "mul", "div" -> {
                BigDecimal b = number(name, a);
                String op = switch (name) {
                    case "add" -> " + ";
                    case "sub" -> " - ";
                    case "mul" -> " * ";
                    default -> " / ";
                };
                if (name.equals("div") && b.signum() == 0) {
                    throw new DbException(DbException.Kind.BAD_QUERY, "division by zero in filter div");
                }
                boolean integral = isInt(x) && b.stripTrailingZeros().scale() <= 0 && !name.equals("div");
                String sql = "(" + numeric(x) + op + b.toPlainString() + ")";
                return integral ? new PgWhere.Sql(sql + "::int8", INT, false) : new PgWhere.Sql(sql, DECIMAL, false);
            }
            case "floor", "ceil" -> {
                return new PgWhere.Sql(name + "(" + numeric(x) + ")::int8", INT, false);
            }
            case "round" -> {
                int places = a.isEmpty() ? 0 : number(name, a).intValue();
                return places <= 0 ? new PgWhere.Sql("round(" + numeric(x) + ")::int8", INT, false)
                    : new PgWhere.Sql("round(" + numeric(x) + "::numeric, " + places + ")", DECIMAL, false);
            }
            case "length" -> {
                String sql = x.json()
                    ? "(CASE jsonb_typeof(" + x.text() + ") WHEN 'array' THEN jsonb_array_length(" + x.text()
                        + ") WHEN 'object' THEN (SELECT count(*) FROM jsonb_object_keys(" + x.text()
                        + ")) ELSE char_length(" + x.text() + " #>> '{}') END)::int8"
                    : "char_length(" + text(x) + ")::int8";
                return new PgWhere.Sql(sql, INT, false);
            }
            default -> {
                String part = datePart(name);
                if (part != null) {
                    return new PgWhere.Sql("extract(" + part + " from " + timestamp(x) + " AT TIME ZONE 'UTC')::int8", INT, false);
                }
                return shift(x, name, a);
            }
        }
    }

    private static String datePart(String name) {
        return switch (name) {
            case "timestamp_year" -> "year";
            case "timestamp_month" -> "month";
            case "timestamp_day_of_month" -> "day";
            case "timestamp_hour" -> "hour";
            case "timestamp_minute" -> "minute";
            case "timestamp_week" -> "week";
            case "timestamp_day_of_week" -> "dow";
            case "timestamp_day_of_year" -> "doy";
            default -> null;
        };
    }

    /** PHP substr: 0-based start, negative start counts from the end, optional (negative) length. */
    private static PgWhere.Sql substr(PgWhere.Sql x, List<Object> a) {
        long start = number("substr", a).longValue();
        Long length = a.size() > 1 && a.get(1) != null ? number("substr", a.subList(1, a.size())).longValue() : null;
        String from = start < 0 ? "greatest(0, n + (" + start + "))" : "least(" + start + ", n)";
        String to = length == null ? "n" : length < 0 ? "greatest(f, n + (" + length + "))" : "least(n, f + " + length + ")";
        String sql = "(SELECT CASE WHEN v IS NULL THEN NULL ELSE substring(v FROM f + 1 FOR greatest(" + to + " - f, 0)) END"
            + " FROM (SELECT v, n, " + from + " AS f FROM (SELECT v, char_length(v) AS n FROM (SELECT " + text(x)
            + " AS v) s0) s1) s2)";
        return new PgWhere.Sql(sql, TEXT, false);
    }

    /** timestamp_add_* and timestamp_subtract_*: calendar arithmetic in UTC. */
    private static PgWhere.Sql shift(PgWhere.Sql x, String name, List<Object> a) {
        String rest;
        int sign;
        if (name.startsWith("timestamp_add_")) {
            rest = name.substring("timestamp_add_".length());
            sign = 1;
        } else if (name.startsWith("timestamp_subtract_")) {
            rest = name.substring("timestamp_subtract_".length());
            sign = -1;
        } else {
            throw new DbException(DbException.Kind.BAD_QUERY, "the filter " + name + " on a column is not supported with PostgreSQL yet");
        }
        if (!List.of("seconds", "minutes", "hours", "days", "months", "years").contains(rest)) {
            throw new DbException(DbException.Kind.BAD_QUERY, "unknown database filter \"" + name + "\"");
        }
        long amount = sign * number(name, a).longValue();
        String sql = "((" + timestamp(x) + " AT TIME ZONE 'UTC' + interval '" + amount + " " + rest + "') AT TIME ZONE 'UTC')";
        return new PgWhere.Sql(sql, TIMESTAMP, false);
    }

    private static boolean isInt(PgWhere.Sql x) {
        return x.column() != null && (x.column().type().equals("int") || x.column().type().equals("timestamp")) && !x.column().array();
    }

    /** The expression as a number: timestamps as epoch milliseconds, json as numeric. */
    private static String numeric(PgWhere.Sql x) {
        if (x.json()) {
            return "(" + x.text() + " #>> '{}')::numeric";
        }
        if (x.column() != null && PgTable.sqlType(x.column()).equals("timestamptz")) {
            return "(extract(epoch from " + x.text() + ") * 1000)::int8";
        }
        return x.text();
    }

    /** The expression as a timestamptz: epoch-millisecond numbers converted. */
    private static String timestamp(PgWhere.Sql x) {
        if (x.column() != null && PgTable.sqlType(x.column()).equals("timestamptz")) {
            return x.text();
        }
        return "to_timestamp(" + numeric(x) + " / 1000.0)";
    }

    static String text(PgWhere.Sql x) {
        return x.json() ? "(" + x.text() + " #>> '{}')" : x.text() + "::text";
    }

    private static BigDecimal number(String filter, List<Object> a) {
        BigDecimal n = a.isEmpty() ? null : Values.toNumber(a.get(0));
        if (n == null) {
            throw new DbException(DbException.Kind.BAD_QUERY, "filter " + filter + " needs a number as argument 1, got "
                + Values.describe(a.isEmpty() ? null : a.get(0)));
        }
        return n;
    }
}
