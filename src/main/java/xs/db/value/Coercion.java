package xs.db.value;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import xs.db.ColumnSchema;
import xs.db.DbException;
import xs.db.DefaultValue;
import xs.db.Op;
import xs.db.Passwords;

/**
 * Converts a written value to its column's type, or fails with an INPUT_ERROR naming the
 * column. Tables are lenient about missing and null values (they stay null); only a value of
 * the wrong type is an error.
 */
public final class Coercion {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern UUID = Pattern.compile(
            "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    private Coercion() {
    }

    /** The value a column gets when a write omits it: its default (now = the current time), else null. */
    public static Object defaultFor(ColumnSchema column, String path) {
        Object d = column.defaultValue();
        if (d == null) return null;
        if (d == DefaultValue.NOW) {
            long now = System.currentTimeMillis();
            return switch (column.type()) {
                case "date" -> Timestamps.date(now);
                case "text" -> Timestamps.date(now);
                default -> now;
            };
        }
        return coerce(column, d, path);
    }

    /** The value converted to the column's type, text filters applied. */
    public static Object coerce(ColumnSchema column, Object value, String path) {
        if (value == null) return null;
        if (column.array()) {
            if (!(value instanceof List<?> list)) throw mismatch(column, value, path);
            List<Object> out = new ArrayList<>(list.size());
            for (Object element : list) out.add(element == null ? null : scalar(column, element, path));
            return out;
        }
        return scalar(column, value, path);
    }

    /** Like {@link #coerce} but answers null instead of failing; used to type where-clause constants. */
    public static Object tryCoerce(ColumnSchema column, Object value) {
        try {
            return coerce(column, value, column.name());
        } catch (DbException e) {
            return null;
        }
    }

    /**
     * A constant compared with a typed column, converted to that column's type when it can be
     * ({@code "5"} for an int column, {@code "2025-01-01"} for a timestamp); left alone when it
     * cannot. Index lookups apply the same conversion, so both paths agree.
     */
    public static Object forComparison(ColumnSchema column, Op op, Object value) {
        if (value == null) return null;
        switch (op) {
            case EQ, NE, GT, GE, LT, LE -> {
                return orSelf(tryCoerce(column, value), value);
            }
            case IN, NOT_IN -> {
                if (!(value instanceof List<?> list)) return value;
                List<Object> out = new ArrayList<>(list.size());
                for (Object e : list) out.add(e == null ? null : orSelf(tryCoerce(column, e), e));
                return out;
            }
            case CONTAINS, NOT_CONTAINS -> {
                if (!column.array()) return value;
                ColumnSchema element = new ColumnSchema(column.name(), column.type(), false, true, true, null,
                        column.filters(), column.enumValues(), column.objectSchema());
                return orSelf(tryCoerce(element, value), value);
            }
            default -> {
                return value;
            }
        }
    }

    private static Object orSelf(Object coerced, Object value) {
        return coerced != null ? coerced : value;
    }

    private static Object scalar(ColumnSchema column, Object value, String path) {
        value = Values.normalize(value);
        Object out = switch (column.type()) {
            case "int" -> toInt(column, value, path);
            case "decimal" -> toDecimal(column, value, path);
            case "bool" -> toBool(column, value, path);
            case "timestamp" -> toTimestamp(column, value, path);
            case "date" -> toDate(column, value, path);
            case "text" -> filtered(column, toText(column, value, path));
            // A stored hash is kept as it is: filters would corrupt it.
            case "password" -> value instanceof String s && Passwords.isHash(s) ? s : filtered(column, toText(column, value, path));
            case "email" -> checked(column, filtered(column, toText(column, value, path)), EMAIL, path);
            case "uuid" -> checked(column, toText(column, value, path), UUID, path);
            case "enum" -> toEnum(column, filtered(column, toText(column, value, path)), path);
            case "object" -> toObject(column, value, path);
            case "vector" -> toVector(column, value, path);
            default -> Values.copy(value);
        };
        return out;
    }

    private static Long toInt(ColumnSchema c, Object v, String path) {
        if (v instanceof Long l) return l;
        if (v instanceof BigDecimal || v instanceof String) {
            BigDecimal d = Values.toNumber(v);
            if (d != null) {
                try {
                    return d.longValueExact();
                } catch (ArithmeticException e) {
                    // not integral or out of range: a mismatch
                }
            }
        }
        throw mismatch(c, v, path);
    }

    private static BigDecimal toDecimal(ColumnSchema c, Object v, String path) {
        if (v instanceof Long || v instanceof BigDecimal || v instanceof String) {
            BigDecimal d = Values.toNumber(v);
            if (d != null) return d;
        }
        throw mismatch(c, v, path);
    }

    private static Boolean toBool(ColumnSchema c, Object v, String path) {
        if (v instanceof Boolean b) return b;
        if (v instanceof Long l && (l == 0 || l == 1)) return l == 1;
        if (v instanceof String s) {
            switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "true", "1" -> { return true; }
                case "false", "0" -> { return false; }
                default -> { }
            }
        }
        throw mismatch(c, v, path);
    }

    private static Long toTimestamp(ColumnSchema c, Object v, String path) {
        if (v instanceof Long l) return l;
        if (v instanceof BigDecimal d) {
            try {
                return d.longValueExact();
            } catch (ArithmeticException e) {
                throw mismatch(c, v, path);
            }
        }
        if (v instanceof String s) {
            Long ms = Timestamps.parse(s);
            if (ms != null) return ms;
        }
        throw mismatch(c, v, path);
    }

    private static String toDate(ColumnSchema c, Object v, String path) {
        if (v instanceof Long l) return Timestamps.date(l);
        if (v instanceof String s) {
            String t = s.trim();
            try {
                return LocalDate.parse(t).toString();
            } catch (DateTimeParseException e) {
                Long ms = Timestamps.parse(t);
                if (ms != null) return Timestamps.date(ms);
            }
        }
        throw mismatch(c, v, path);
    }

    private static String toText(ColumnSchema c, Object v, String path) {
        if (v instanceof String s) return s;
        if (v instanceof Long || v instanceof BigDecimal) return Values.text(v);
        throw mismatch(c, v, path);
    }

    private static String filtered(ColumnSchema c, String s) {
        for (String f : c.filters()) {
            switch (f) {
                case "trim" -> s = s.trim();
                case "lower" -> s = s.toLowerCase(Locale.ROOT);
                case "upper" -> s = s.toUpperCase(Locale.ROOT);
                default -> { }
            }
        }
        return s;
    }

    private static String checked(ColumnSchema c, String s, Pattern pattern, String path) {
        if (!pattern.matcher(s).matches()) throw mismatch(c, s, path);
        return s;
    }

    private static String toEnum(ColumnSchema c, String s, String path) {
        if (!c.enumValues().isEmpty() && !c.enumValues().contains(s)) {
            throw new DbException(DbException.Kind.INPUT_ERROR, path,
                    "value " + Values.describe(s) + " is not one of " + c.enumValues() + " for " + path);
        }
        return s;
    }

    private static Object toObject(ColumnSchema c, Object v, String path) {
        if (!(v instanceof Map<?, ?> m)) throw mismatch(c, v, path);
        if (c.objectSchema().isEmpty()) return Values.copy(m);
        LinkedHashMap<String, Object> out = new LinkedHashMap<>();
        for (ColumnSchema sub : c.objectSchema()) {
            String subPath = path + "." + sub.name();
            out.put(sub.name(), m.containsKey(sub.name())
                    ? coerce(sub, m.get(sub.name()), subPath)
                    : defaultFor(sub, subPath));
        }
        return out;
    }

    private static List<Object> toVector(ColumnSchema c, Object v, String path) {
        if (!(v instanceof List<?> list)) throw mismatch(c, v, path);
        List<Object> out = new ArrayList<>(list.size());
        for (Object e : list) {
            Object n = Values.normalize(e);
            if (!(n instanceof Long || n instanceof BigDecimal)) throw mismatch(c, v, path);
            out.add(n);
        }
        return out;
    }

    private static DbException mismatch(ColumnSchema c, Object v, String path) {
        String type = c.type() + (c.array() ? "[]" : "");
        return new DbException(DbException.Kind.INPUT_ERROR, path,
                "value " + Values.describe(v) + " is not a valid " + type + " for " + path);
    }
}
