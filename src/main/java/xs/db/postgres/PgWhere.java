package xs.db.postgres;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import xs.db.ColumnFilter;
import xs.db.ColumnSchema;
import xs.db.Condition;
import xs.db.DbException;
import xs.db.Op;
import xs.db.Operand;
import xs.db.value.Coercion;
import xs.db.value.Comparisons;
import xs.db.value.Values;

/**
 * A where clause compiled to parameterized SQL for one table. Every comparison is wrapped in
 * {@code coalesce(..., false)}, so a null column makes a comparison false (never unknown) and
 * {@code !} is the plain negation, as in the memory engine. Constants compared with a typed
 * column are coerced to its type first; one that cannot be ({@code "abc"} against an int) makes
 * the comparison false, as loose equality does.
 *
 * <pre>$db.post.published == true &amp;&amp; $db.post.title includes $input.q</pre>
 */
final class PgWhere {
    private final PgTable table;
    /** The statement's parameters, in order; shared by every part compiled for one statement. */
    final List<Param> params;

    /** One bound value: typed as a column when column is set, else by its Java type (List/Map as jsonb). */
    record Param(Object value, ColumnSchema column) {
    }

    /** An SQL expression for an operand; column is set when it is a bare typed column. */
    record Sql(String text, ColumnSchema column, boolean json) {
    }

    PgWhere(PgTable table, List<Param> params) {
        this.table = table;
        this.params = params;
    }

    /**
     * The SQL of a condition; "TRUE" for none. A comparison stays bare ({@code "code" = ?}) so an
     * index serves it, and may be SQL's unknown on a null; every NOT coalesces its operand to
     * false first, so an unknown is false everywhere, as a failed comparison is in memory.
     */
    String compile(Condition condition) {
        if (condition == null) {
            return "TRUE";
        }
        if (condition instanceof Condition.Always a) {
            return a.value() ? "TRUE" : "FALSE";
        }
        if (condition instanceof Condition.Not n) {
            return "NOT coalesce(" + compile(n.inner()) + ", false)";
        }
        if (condition instanceof Condition.And and) {
            return join(and.parts(), " AND ", "TRUE");
        }
        if (condition instanceof Condition.Or or) {
            return join(or.parts(), " OR ", "FALSE");
        }
        if (condition instanceof Condition.Between b) {
            return between(b);
        }
        return compare((Condition.Compare) condition);
    }

    private String join(List<Condition> parts, String with, String empty) {
        if (parts.isEmpty()) {
            return empty;
        }
        List<String> out = new ArrayList<>();
        for (Condition c : parts) {
            out.add("(" + compile(c) + ")");
        }
        return String.join(with, out);
    }

    private String between(Condition.Between b) {
        if (!(b.value() instanceof Operand.Column)) {
            throw unsupported("between with a value on the left");
        }
        Sql v = operand(b.value());
        Object low = constant(b.low()), high = constant(b.high());
        if (v.column() != null) {
            low = Coercion.forComparison(v.column(), Op.GE, low);
            high = Coercion.forComparison(v.column(), Op.GE, high);
            if (!fits(v.column(), low) || !fits(v.column(), high)) {
                return b.negated() ? "TRUE" : "FALSE";
            }
        }
        String sql = v.text() + " BETWEEN " + paramLike(low, v) + " AND " + paramLike(high, v);
        return b.negated() ? "NOT coalesce(" + sql + ", false)" : sql;
    }

    private String compare(Condition.Compare c) {
        Op op = c.op();
        Operand left = c.left(), right = c.right();
        if (left instanceof Operand.Constant && right instanceof Operand.Constant) {
            return Comparisons.test(op, constant(left), constant(right), null) ? "TRUE" : "FALSE";
        }
        if (left instanceof Operand.Constant && right instanceof Operand.Column) {
            Op flipped = flipped(op);
            if (flipped == null) {
                throw unsupported("a value on the left of " + op);
            }
            op = flipped;
            Operand t = left;
            left = right;
            right = t;
        }
        Sql a = operand(left);
        if (right instanceof Operand.Column) {
            Sql b = operand(right);
            return switch (op) {
                case EQ -> "coalesce(" + a.text() + " = " + b.text() + ", false)";
                case NE -> a.text() + " IS DISTINCT FROM " + b.text();
                case GT, GE, LT, LE -> "coalesce(" + a.text() + sqlOp(op) + b.text() + ", false)";
                default -> throw unsupported(op + " between two columns");
            };
        }
        return withConstant(a, op, constant(right));
    }

    private String withConstant(Sql a, Op op, Object value) {
        if (a.column() != null) {
            value = Coercion.forComparison(a.column(), op, value);
        }
        if (looselyTyped(a) && (op == Op.EQ || op == Op.STRICT_EQ)) {
            return op == Op.EQ ? looseJsonEquals(a, value) : strictJsonEquals(a, value);
        }
        switch (op) {
            case EQ, STRICT_EQ -> {
                if (value == null) {
                    return a.text() + " IS NULL";
                }
                return fits(a, value) ? a.text() + " = " + paramLike(value, a) : "FALSE";
            }
            case NE, STRICT_NE -> {
                return "NOT coalesce(" + withConstant(a, op == Op.NE ? Op.EQ : Op.STRICT_EQ, value) + ", false)";
            }
            case GT, GE, LT, LE -> {
                if (value == null || !fits(a, value)) {
                    return "FALSE";
                }
                return a.text() + sqlOp(op) + paramLike(value, a);
            }
            case IN, NOT_IN -> {
                String sql = in(a, value);
                return op == Op.IN ? sql : "NOT coalesce(" + sql + ", false)";
            }
            case CONTAINS, NOT_CONTAINS -> {
                String sql = contains(a, value);
                return op == Op.CONTAINS ? sql : "NOT coalesce(" + sql + ", false)";
            }
            case INCLUDES, NOT_INCLUDES -> {
                String sql = value == null ? "FALSE"
                    : "coalesce(strpos(lower(" + text(a) + "), lower(" + plain(Values.text(value)) + ")) > 0, false)";
                return op == Op.INCLUDES ? sql : "NOT coalesce(" + sql + ", false)";
            }
            case LIKE, NOT_LIKE, ILIKE, NOT_ILIKE -> {
                String like = op == Op.ILIKE || op == Op.NOT_ILIKE ? " ILIKE " : " LIKE ";
                String sql = value == null ? "FALSE" : "coalesce(" + text(a) + like + plain(Values.text(value)) + ", false)";
                return op == Op.LIKE || op == Op.ILIKE ? sql : "NOT coalesce(" + sql + ", false)";
            }
            case REGEX, NOT_REGEX -> {
                String sql = value == null ? "FALSE" : regex(a, Values.text(value));
                return op == Op.REGEX ? sql : "NOT coalesce(" + sql + ", false)";
            }
            case OVERLAPS, NOT_OVERLAPS -> {
                String sql = value instanceof List<?> && a.json()
                    ? "coalesce(EXISTS (SELECT 1 FROM jsonb_array_elements(CASE WHEN jsonb_typeof(" + a.text()
                        + ") = 'array' THEN " + a.text() + " ELSE '[]'::jsonb END) x JOIN jsonb_array_elements("
                        + jsonParam(value) + ") y ON x = y), false)"
                    : "FALSE";
                return op == Op.OVERLAPS ? sql : "NOT coalesce(" + sql + ", false)";
            }
            case JSON_CONTAINS -> {
                return value == null || !a.json() ? "FALSE" : "coalesce(" + a.text() + " @> " + jsonParam(value) + ", false)";
            }
            default -> throw unsupported(op.toString());
        }
    }

    private String in(Sql a, Object value) {
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            return "FALSE";
        }
        if (looselyTyped(a)) {
            return looseJsonIn(a, list);
        }
        List<String> parts = new ArrayList<>();
        boolean withNull = false;
        for (Object e : list) {
            if (e == null) {
                withNull = true;
            } else if (fits(a, e)) {
                parts.add(paramLike(e, a));
            }
        }
        String sql = parts.isEmpty() ? "FALSE" : a.text() + " IN (" + String.join(", ", parts) + ")";
        return withNull ? "(" + sql + " OR " + a.text() + " IS NULL)" : sql;
    }

    private String contains(Sql a, Object value) {
        if (value == null) {
            return "FALSE";
        }
        if (a.json()) {
            return "coalesce(jsonb_typeof(" + a.text() + ") = 'array' AND " + a.text() + " @> " + jsonParam(List.of(value)) + ", false)";
        }
        return "coalesce(strpos(" + text(a) + ", " + plain(Values.text(value)) + ") > 0, false)";
    }

    private String regex(Sql a, String source) {
        String body = source;
        String operator = " ~ ";
        int end = source.lastIndexOf('/');
        if (source.length() >= 2 && source.charAt(0) == '/' && end > 0) {
            String flags = source.substring(end + 1);
            if (flags.chars().allMatch(ch -> "imsxu".indexOf(ch) >= 0)) {
                body = source.substring(1, end);
                if (flags.indexOf('i') >= 0) {
                    operator = " ~* ";
                }
            }
        }
        return "coalesce(" + text(a) + operator + plain(body) + ", false)";
    }

    /** A json value with no declared type: a field of an undeclared table or a path into a json column. */
    private static boolean looselyTyped(Sql a) {
        return a.json() && a.column() == null;
    }

    /** Numeric text as Java's BigDecimal reads it (Values.parseNumber), so only such text is cast. */
    private static final String NUMERIC_TEXT = "'^\\s*[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?\\s*$'";

    /**
     * The language's {@code ==} (Values.looseEquals, the memory engine's rule) between jsonb v
     * and jsonb c: null equals only null or a missing field, a bool compares with the other
     * side's truthiness, text with text exactly, numbers and numeric text as numbers; lists and
     * objects compare as jsonb. The operand appears once (as v of a subquery), since its SQL may
     * hold parameters.
     */
    private String looseJsonEquals(Sql a, Object value) {
        return "(SELECT " + (isContainer(value) ? LOOSE_DEEP : LOOSE) + " FROM (SELECT " + a.text() + " AS v, "
            + jsonConstant(value) + " AS c) AS xs_eq)";
    }

    private static boolean isContainer(Object value) {
        return value instanceof List<?> || value instanceof Map<?, ?>;
    }

    /** {@code ===} on a jsonb value: also the kind must match, so 1 differs from 1.0 and from "1". */
    private String strictJsonEquals(Sql a, Object value) {
        return "(SELECT coalesce(CASE WHEN jsonb_typeof(c) = 'null' THEN v IS NULL OR jsonb_typeof(v) = 'null'"
            + " WHEN jsonb_typeof(v) = 'number' AND jsonb_typeof(c) = 'number' THEN v::numeric = c::numeric"
            + " AND (v::text ~ '[.eE]') = (c::text ~ '[.eE]') ELSE v = c END, false) FROM (SELECT " + a.text()
            + " AS v, " + jsonConstant(value) + " AS c) AS xs_eq)";
    }

    /** A constant as jsonb; null as json's null (a parameter would be SQL's NULL). */
    private String jsonConstant(Object value) {
        return value == null ? "'null'::jsonb" : jsonParam(value);
    }

    /** {@code in} with the loose equality: any element of the list equals the value. */
    private String looseJsonIn(Sql a, List<?> list) {
        String equal = list.stream().anyMatch(PgWhere::isContainer) ? LOOSE_DEEP : LOOSE;
        return "EXISTS (SELECT 1 FROM (SELECT " + a.text() + " AS v) AS xs_in, jsonb_array_elements(" + jsonParam(list)
            + ") AS xs_each(c) WHERE " + equal + ")";
    }

    private static String numberOf(String x) {
        return "(CASE jsonb_typeof(" + x + ") WHEN 'number' THEN " + x + "::numeric WHEN 'string' THEN CASE WHEN (" + x
            + " #>> '{}') ~ " + NUMERIC_TEXT + " THEN (" + x + " #>> '{}')::numeric END END)";
    }

    private static String truthy(String x) {
        return "(CASE jsonb_typeof(" + x + ") WHEN 'boolean' THEN " + x + "::boolean WHEN 'number' THEN " + x
            + "::numeric <> 0 WHEN 'string' THEN (" + x + " #>> '{}') NOT IN ('', '0') WHEN 'array' THEN jsonb_array_length("
            + x + ") > 0 WHEN 'object' THEN " + x + " <> '{}'::jsonb ELSE FALSE END)";
    }

    /** Values.looseEquals of jsonb v and c, in SQL (v may be SQL NULL: a missing field). */
    private static final String LOOSE = "coalesce(CASE"
        + " WHEN jsonb_typeof(c) = 'null' THEN v IS NULL OR jsonb_typeof(v) = 'null'"
        + " WHEN v IS NULL OR jsonb_typeof(v) = 'null' THEN FALSE"
        + " WHEN jsonb_typeof(c) = 'boolean' THEN " + truthy("v") + " = c::boolean"
        + " WHEN jsonb_typeof(v) = 'boolean' THEN v::boolean = " + truthy("c")
        + " WHEN jsonb_typeof(v) = 'string' AND jsonb_typeof(c) = 'string' THEN v = c"
        + " WHEN jsonb_typeof(v) = 'number' OR jsonb_typeof(c) = 'number' THEN " + numberOf("v") + " = " + numberOf("c")
        + " ELSE v = c END, false)";

    /** The elements at the same places of v and c when both are lists, or their values under the same keys when both are objects. */
    private static String children(String both, String kind, String empty) {
        return "jsonb_" + kind + "(CASE WHEN " + both + " THEN %s ELSE '" + empty + "'::jsonb END)";
    }

    private static final String BOTH_LISTS = "jsonb_typeof(p.v) = 'array' AND jsonb_typeof(p.c) = 'array'";
    private static final String BOTH_OBJECTS = "jsonb_typeof(p.v) = 'object' AND jsonb_typeof(p.c) = 'object'";

    /**
     * LOOSE where lists and objects compare element by element, as Values.looseEquals does
     * ({@code [1, true] == ["1", 5]}, {@code {a: 1} == {a: "1.0"}}): a recursive query pairs up
     * what sits at the same place in v and c; two lists must have the same length, two objects
     * the same keys, and every other pair must be LOOSE-equal.
     */
    private static final String LOOSE_DEEP = "(WITH RECURSIVE xs_pair(v, c) AS (SELECT v, c UNION ALL SELECT e.v, e.c"
        + " FROM xs_pair p, LATERAL (SELECT a.value, b.value FROM "
        + children(BOTH_LISTS, "array_elements", "[]").formatted("p.v") + " WITH ORDINALITY a(value, i) JOIN "
        + children(BOTH_LISTS, "array_elements", "[]").formatted("p.c") + " WITH ORDINALITY b(value, i) ON a.i = b.i"
        + " UNION ALL SELECT a.value, b.value FROM " + children(BOTH_OBJECTS, "each", "{}").formatted("p.v") + " a JOIN "
        + children(BOTH_OBJECTS, "each", "{}").formatted("p.c") + " b ON a.key = b.key) AS e(v, c))"
        + " SELECT coalesce(bool_and(CASE"
        + " WHEN jsonb_typeof(v) = 'array' AND jsonb_typeof(c) = 'array' THEN jsonb_array_length(v) = jsonb_array_length(c)"
        + " WHEN jsonb_typeof(v) = 'object' AND jsonb_typeof(c) = 'object' THEN (SELECT count(*) FROM jsonb_object_keys(v))"
        + " = (SELECT count(*) FROM jsonb_object_keys(c)) AND NOT EXISTS (SELECT 1 FROM jsonb_object_keys(v) AS k(key)"
        + " WHERE c -> k.key IS NULL)"
        + " ELSE " + LOOSE + " END), false) FROM xs_pair)";

    /** An operand that is a column: bare, a path into a json column, maybe with filters. */
    Sql operand(Operand operand) {
        Operand.Column column = (Operand.Column) operand;
        String[] parts = stripTable(column.field()).split("\\.");
        ColumnSchema c = table.column(parts[0]);
        if (c == null && table.isImplicit()) {
            Sql field = new Sql("(" + PgTable.quote(PgTable.DOC) + " -> " + plain(parts[0]) + "::text)", null, true);
            if (parts.length > 1) {
                field = new Sql("(" + field.text() + " #> " + param(List.of(parts).subList(1, parts.length), PATH) + ")", null, true);
            }
            for (ColumnFilter f : column.filters()) {
                field = PgFilters.apply(field, f, this::plain);
            }
            return field;
        }
        if (c == null) {
            throw new DbException(DbException.Kind.BAD_QUERY, parts[0], "unknown column " + table.name + "." + parts[0]);
        }
        Sql sql;
        if (parts.length == 1) {
            sql = new Sql(PgTable.quote(c.name()), c, PgTable.isJson(c));
        } else {
            if (!PgTable.isJson(c)) {
                return new Sql("NULL::jsonb", null, true);
            }
            List<String> path = List.of(parts).subList(1, parts.length);
            sql = new Sql("(" + PgTable.quote(c.name()) + " #> " + param(path, PATH) + ")", null, true);
        }
        for (ColumnFilter f : column.filters()) {
            sql = PgFilters.apply(sql, f, this::plain);
        }
        return sql;
    }

    private String stripTable(String field) {
        int dot = field.indexOf('.');
        if (dot > 0 && field.substring(0, dot).equals(table.name) && table.column(table.name) == null) {
            return field.substring(dot + 1);
        }
        return field;
    }

    /** An expression as text: jsonb strings without their quotes. */
    private static String text(Sql a) {
        return a.json() ? "(" + a.text() + " #>> '{}')" : a.text() + "::text";
    }

    /** Whether a constant has the column's kind after coercion (else no row can equal it). */
    private static boolean fits(Sql a, Object value) {
        return a.column() == null || fits(a.column(), value);
    }

    private static boolean fits(ColumnSchema c, Object value) {
        if (value == null || PgTable.isJson(c)) {
            return true;
        }
        return switch (PgTable.sqlType(c)) {
            case "int8", "timestamptz" -> value instanceof Long;
            case "numeric" -> value instanceof Long || value instanceof BigDecimal;
            case "boolean" -> value instanceof Boolean;
            case "text", "date", "uuid" -> value instanceof String;
            default -> true;
        };
    }

    /** Marks a parameter bound as a text[] path. */
    private static final ColumnSchema PATH = ColumnSchema.of("#path", "#path");

    /** A parameter typed like an expression: as its column, as jsonb for a json path, else plain. */
    private String paramLike(Object value, Sql like) {
        return param(value, like.json() && like.column() == null ? JSON : like.column());
    }

    private String plain(Object value) {
        return param(value, (ColumnSchema) null);
    }

    private static final ColumnSchema JSON = ColumnSchema.of("#json", "json");

    private String jsonParam(Object value) {
        return param(value, JSON);
    }

    private String param(Object value, ColumnSchema typed) {
        params.add(new Param(value, typed));
        if (typed == PATH) {
            return "?::text[]";
        }
        if (typed != null && PgTable.isJson(typed)) {
            return "?::jsonb";
        }
        return "?";
    }

    private static Object constant(Operand operand) {
        return ((Operand.Constant) operand).value();
    }

    private static Op flipped(Op op) {
        return switch (op) {
            case EQ, NE, STRICT_EQ, STRICT_NE -> op;
            case GT -> Op.LT;
            case GE -> Op.LE;
            case LT -> Op.GT;
            case LE -> Op.GE;
            default -> null;
        };
    }

    private static String sqlOp(Op op) {
        return switch (op) {
            case GT -> " > ";
            case GE -> " >= ";
            case LT -> " < ";
            case LE -> " <= ";
            default -> throw new IllegalArgumentException(op.toString());
        };
    }

    private DbException unsupported(String what) {
        return new DbException(DbException.Kind.BAD_QUERY, null, what + " in a where clause on table " + table.name
            + " is not supported with PostgreSQL yet");
    }

    /** Binds the collected parameters from position 1 on. */
    static int bind(PgTable table, PreparedStatement ps, List<Param> params, int from) throws SQLException {
        int i = from;
        for (Param p : params) {
            bindOne(table, ps, i++, p);
        }
        return i;
    }

    private static void bindOne(PgTable table, PreparedStatement ps, int index, Param p) throws SQLException {
        Object v = p.value();
        if (p.column() == PATH) {
            ps.setArray(index, ps.getConnection().createArrayOf("text", ((List<?>) v).toArray()));
        } else if (p.column() != null && !PgTable.isJson(p.column())) {
            table.bind(ps, index, p.column(), v);
        } else if (p.column() != null || v instanceof List<?> || v instanceof Map<?, ?>) {
            ps.setObject(index, v == null ? null : JsonText.write(v), Types.OTHER);
        } else if (v == null) {
            ps.setNull(index, Types.NULL);
        } else {
            ps.setObject(index, Values.normalize(v));
        }
    }
}
