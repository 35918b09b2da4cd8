package xs.interp;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import xs.ast.ArrayExpr;
import xs.ast.DeclBlock;
import xs.ast.Expr;
import xs.ast.InputDecl;
import xs.ast.InputFilter;
import xs.ast.Literal;
import xs.ast.NowExpr;
import xs.ast.RegexLiteral;
import xs.source.Span;

/**
 * The declared inputs of a construct, compiled: coerces what callers send to the declared types
 * and validates it before the stack runs. {@code int room_id} accepts 5 and "5";
 * {@code text content filters=trim|max:1000} trims, then rejects over 1000 characters.
 * A failure is an {@code inputerror} (HTTP 400) naming the field in {@code param}.
 */
final class InputSchema {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern UUID = Pattern.compile(
        "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    private static final Pattern DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");

    /** One declared field. */
    record Field(String name, String type, boolean array, Long minItems, Long maxItems, boolean nullable,
                 boolean optional, Expr defaultValue, List<InputFilter> filters, List<Object> enumValues,
                 InputSchema nested, Span span) {
    }

    private final List<Field> fields;
    /** True when a {@code dblink { table = "…" }} brings in a table's columns: other fields pass through. */
    private final boolean open;

    private InputSchema(List<Field> fields, boolean open) {
        this.fields = fields;
        this.open = open;
    }

    static InputSchema of(DeclBlock block) {
        List<Field> fields = new ArrayList<>();
        boolean open = false;
        for (InputDecl d : block.decls()) {
            if (!d.disabled() && d.type().equals("dblink")) {
                open = true;
            }
            if (d.disabled() || d.name() == null) {
                continue;
            }
            List<Object> values = null;
            if (d.attribute("values").orElse(null) instanceof ArrayExpr a) {
                values = new ArrayList<>();
                for (Expr e : a.elements()) {
                    values.add(e instanceof Literal l ? l.value() : null);
                }
            }
            InputSchema nested = d.schema().map(InputSchema::of).orElse(null);
            fields.add(new Field(d.name().intern(), d.type(), d.array(), d.minItems(), d.maxItems(), d.nullable(),
                d.optional(), d.defaultValue(), d.filters(), values, nested, d.span()));
        }
        return new InputSchema(fields, open);
    }

    List<Field> fields() {
        return fields;
    }

    /** The validated input object; fields not declared are dropped. */
    Map<String, Object> apply(Object raw, long now, String prefix) {
        Map<?, ?> given;
        if (raw == null) {
            given = Map.of();
        } else if (raw instanceof Map<?, ?> m) {
            given = m;
        } else {
            throw XsError.input(null, prefix.isEmpty() ? null : prefix,
                "input must be an object, got " + Values.typeName(raw));
        }
        Map<String, Object> out = new LinkedHashMap<>(Math.max(4, fields.size() * 2));
        for (Field field : fields) {
            String param = prefix.isEmpty() ? field.name : prefix + "." + field.name;
            Object value = given.get(field.name);
            boolean present = value != null || given.containsKey(field.name);
            if (!present || value == null || ("".equals(value) && isTextual(field) && !field.optional)) {
                Object fallback = fallback(field, present, value, now, param);
                out.put(field.name, fallback);
                continue;
            }
            out.put(field.name, field.array ? array(field, value, now, param) : single(field, value, now, param));
        }
        if (open) {
            // The linked table's columns are not known here: they pass through unchecked.
            for (Map.Entry<?, ?> e : given.entrySet()) {
                String name = String.valueOf(e.getKey());
                if (!out.containsKey(name)) {
                    out.put(name, Values.copy(e.getValue()));
                }
            }
        }
        return out;
    }

    private Object fallback(Field field, boolean present, Object value, long now, String param) {
        if (field.defaultValue != null && (!present || value == null)) {
            Object d = field.defaultValue instanceof NowExpr ? (Object) now
                : field.defaultValue instanceof Literal l ? l.value() : null;
            return d == null ? null : field.array ? d : single(field, d, now, param);
        }
        if (present && value != null) {
            // "" for a text field: a required one (neither ? on the type nor on the name) rejects it.
            if (field.optional || field.nullable) {
                return value;
            }
            throw XsError.input(field.span, param, "Missing param: " + param + " (an empty text counts as missing)");
        }
        if (field.optional || field.nullable) {
            return null;
        }
        throw XsError.input(field.span, param, "Missing param: " + param);
    }

    private static boolean isTextual(Field f) {
        return !f.array && switch (f.type) {
            case "text", "email", "password" -> true;
            default -> false;
        };
    }

    private Object array(Field field, Object value, long now, String param) {
        List<?> items;
        if (value instanceof List<?> l) {
            items = l;
        } else {
            throw XsError.input(field.span, param, param + " must be an array, got " + Values.typeName(value));
        }
        if (field.minItems != null && items.size() < field.minItems) {
            throw XsError.input(field.span, param, param + " needs at least " + items(field.minItems));
        }
        if (field.maxItems != null && items.size() > field.maxItems) {
            throw XsError.input(field.span, param, param + " allows at most " + items(field.maxItems));
        }
        List<Object> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            out.add(item == null ? null : single(field, item, now, param + "[" + i + "]"));
        }
        return out;
    }

    private static String items(long n) {
        return n == 1 ? "1 item" : n + " items";
    }

    private Object single(Field field, Object value, long now, String param) {
        Object v = coerce(field, value, now, param);
        return applyFilters(field, v, param);
    }

    private Object coerce(Field field, Object value, long now, String param) {
        switch (field.type) {
            case "int": {
                Object n = Values.number(value);
                if (n instanceof BigDecimal d && d.stripTrailingZeros().scale() <= 0) {
                    n = d.longValue();
                }
                if (!(n instanceof Long) || value instanceof Boolean || value instanceof List<?> || value instanceof Map<?, ?>) {
                    throw wrong(field, param, "an integer", value);
                }
                return n;
            }
            case "decimal": {
                Object n = Values.number(value);
                if (n == null || value instanceof Boolean || value instanceof List<?> || value instanceof Map<?, ?>) {
                    throw wrong(field, param, "a number", value);
                }
                return Values.decimal(Values.toBigDecimal(n));
            }
            case "bool": {
                if (value instanceof Boolean) {
                    return value;
                }
                String t = Values.toText(value).toLowerCase(Locale.ROOT);
                if (t.equals("true") || t.equals("1")) {
                    return true;
                }
                if (t.equals("false") || t.equals("0")) {
                    return false;
                }
                throw wrong(field, param, "true or false", value);
            }
            case "text":
            case "password":
                if (value instanceof List<?> || value instanceof Map<?, ?>) {
                    throw wrong(field, param, "text", value);
                }
                return Values.toText(value);
            case "email": {
                if (value instanceof List<?> || value instanceof Map<?, ?>) {
                    throw wrong(field, param, "an email address", value);
                }
                String email = Values.toText(value).trim();
                if (!EMAIL.matcher(email).matches()) {
                    throw XsError.input(field.span, param, param + " must be a valid email address");
                }
                return email;
            }
            case "uuid": {
                String t = Values.toText(value);
                if (!UUID.matcher(t).matches()) {
                    throw XsError.input(field.span, param, param + " must be a UUID");
                }
                return t.toLowerCase(Locale.ROOT);
            }
            case "timestamp":
                return timestamp(field, value, now, param);
            case "date": {
                String t = Values.toText(value);
                if (!DATE.matcher(t).matches()) {
                    throw XsError.input(field.span, param, param + " must be a date like 2025-01-31");
                }
                return t;
            }
            case "enum": {
                if (field.enumValues != null) {
                    for (Object allowed : field.enumValues) {
                        if (Values.looseEquals(allowed, value) && !(value instanceof Boolean)) {
                            return allowed;
                        }
                    }
                    throw XsError.input(field.span, param, param + " must be one of " + Json.write(field.enumValues)
                        + ", got " + Json.write(value));
                }
                return value;
            }
            case "object":
                if (!(value instanceof Map<?, ?>)) {
                    throw wrong(field, param, "an object", value);
                }
                return field.nested == null ? value : field.nested.apply(value, now, param);
            default:
                return value;
        }
    }

    private static Object timestamp(Field field, Object value, long now, String param) {
        if (value instanceof Long) {
            return value;
        }
        if (value instanceof BigDecimal d) {
            return d.longValue();
        }
        if (value instanceof String s) {
            if (s.equalsIgnoreCase("now")) {
                return now;
            }
            Object n = Values.number(s);
            if (n instanceof Long l) {
                return l;
            }
            Long parsed = Timestamps.parse(s);
            if (parsed != null) {
                return parsed;
            }
        }
        throw wrong(field, param, "a timestamp", value);
    }

    private static XsError wrong(Field field, String param, String expected, Object value) {
        String got = value instanceof String s ? "text \"" + (s.length() > 40 ? s.substring(0, 37) + "..." : s) + "\""
            : Values.typeName(value);
        return XsError.input(field.span, param, param + " must be " + expected + ", got " + got);
    }

    private Object applyFilters(Field field, Object value, String param) {
        Object v = value;
        for (InputFilter f : field.filters) {
            if (f.disabled()) {
                continue;
            }
            Object arg = f.args().isEmpty() ? null : f.args().get(0);
            switch (f.name()) {
                case "trim" -> v = v instanceof String s ? s.strip() : v;
                case "lower" -> v = v instanceof String s ? s.toLowerCase(Locale.ROOT) : v;
                case "upper" -> v = v instanceof String s ? s.toUpperCase(Locale.ROOT) : v;
                case "min" -> {
                    if (size(v) < number(arg)) {
                        throw XsError.input(field.span, param, param + (v instanceof String ? " must be at least "
                            + arg + " characters" : " must be at least " + arg));
                    }
                }
                case "max" -> {
                    if (size(v) > number(arg)) {
                        throw XsError.input(field.span, param, param + (v instanceof String ? " must be at most "
                            + arg + " characters" : " must be at most " + arg));
                    }
                }
                case "startsWith" -> require(field, param, Values.toText(v).startsWith(Values.toText(arg)),
                    "must start with \"" + Values.toText(arg) + "\"");
                case "prevent" -> require(field, param, !Values.toText(v).contains(Values.toText(arg)),
                    "must not contain \"" + Values.toText(arg) + "\"");
                case "alphaOk" -> require(field, param, Values.toText(v).chars().allMatch(Character::isLetter),
                    "may contain letters only");
                case "digitOk" -> require(field, param, Values.toText(v).chars().allMatch(Character::isDigit),
                    "may contain digits only");
                case "ok" -> {
                    String allowed = Values.toText(arg);
                    require(field, param, Values.toText(v).chars().allMatch(ch -> allowed.indexOf(ch) >= 0),
                        "may contain only the characters \"" + allowed + "\"");
                }
                case "pattern" -> {
                    String re = arg instanceof RegexLiteral r ? "/" + r.pattern() + "/" + r.flags() : Values.toText(arg);
                    require(field, param, Operators.regex(v, re), "does not match the required pattern");
                }
                case "minAlpha", "minLowerAlpha", "minUpperAlpha", "minDigit", "minSymbol" ->
                    require(field, param, countOf(f.name(), Values.toText(v)) >= number(arg),
                        "needs at least " + arg + " " + describeClass(f.name()));
                default -> {
                    // Filters Xano applies that do not change or restrict the value here.
                }
            }
        }
        return v;
    }

    private static void require(Field field, String param, boolean ok, String message) {
        if (!ok) {
            throw XsError.input(field.span, param, param + " " + message);
        }
    }

    private static double size(Object v) {
        if (v instanceof String s) {
            return s.codePointCount(0, s.length());
        }
        if (v instanceof List<?> l) {
            return l.size();
        }
        BigDecimal n = Values.numericOrNull(v);
        return n == null ? 0 : n.doubleValue();
    }

    private static double number(Object arg) {
        BigDecimal n = Values.numericOrNull(arg);
        return n == null ? 0 : n.doubleValue();
    }

    private static long countOf(String rule, String s) {
        return s.chars().filter(ch -> switch (rule) {
            case "minAlpha" -> Character.isLetter(ch);
            case "minLowerAlpha" -> Character.isLowerCase(ch);
            case "minUpperAlpha" -> Character.isUpperCase(ch);
            case "minDigit" -> Character.isDigit(ch);
            default -> !Character.isLetterOrDigit(ch) && !Character.isWhitespace(ch);
        }).count();
    }

    private static String describeClass(String rule) {
        return switch (rule) {
            case "minAlpha" -> "letters";
            case "minLowerAlpha" -> "lower-case letters";
            case "minUpperAlpha" -> "upper-case letters";
            case "minDigit" -> "digits";
            default -> "symbols";
        };
    }

    /**
     * Whether {@link #apply} answers every input of this shape with the given values themselves,
     * field by field in the declared order, so a caller that builds the input (a table trigger)
     * may skip validating it. The shape gives each declared field a value: any object for the
     * names in {@code objects}, any non-empty text for those in {@code texts}, one of the texts of
     * {@code choices}. Unchanged means no type converts, no filter or default applies and none
     * can reject: the field is not a list, has no default and no filter, and its type takes the
     * value as it is ({@code json} anything, {@code object} without a nested schema an object,
     * {@code text} a text, {@code enum} a text its values list exactly).
     */
    boolean passesUnchanged(Set<String> objects, Set<String> texts, Map<String, Set<String>> choices) {
        if (open) {
            return false;
        }
        for (Field f : fields) {
            boolean filtered = f.filters.stream().anyMatch(filter -> !filter.disabled());
            if (f.array || f.defaultValue != null || filtered) {
                return false;
            }
            boolean kept;
            if (f.type.equals("json")) {
                kept = objects.contains(f.name) || texts.contains(f.name) || choices.containsKey(f.name);
            } else if (objects.contains(f.name)) {
                kept = f.type.equals("object") && f.nested == null;
            } else if (texts.contains(f.name)) {
                kept = f.type.equals("text") || (f.type.equals("enum") && f.enumValues == null);
            } else if (choices.containsKey(f.name)) {
                kept = f.type.equals("text") || (f.type.equals("enum") && listsExactly(f, choices.get(f.name)));
            } else {
                kept = false;
            }
            if (!kept) {
                return false;
            }
        }
        return true;
    }

    /** Whether validating each of {@code texts} against the enum answers that same text. */
    private static boolean listsExactly(Field f, Set<String> texts) {
        if (f.enumValues == null) {
            return true;
        }
        for (String text : texts) {
            // apply() takes the first listed value loosely equal to the text: it must be the text.
            Object taken = f.enumValues.stream().filter(v -> Values.looseEquals(v, text)).findFirst().orElse(null);
            if (!text.equals(taken)) {
                return false;
            }
        }
        return true;
    }

    /** The declared names, for checks of {@code $input.x}. */
    List<String> names() {
        List<String> names = new ArrayList<>();
        for (Field f : fields) {
            names.add(f.name);
        }
        return names;
    }
}
