package xs.interp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BinaryOperator;
import xs.ast.GenericStmt;
import xs.source.Span;

/**
 * The text.*, math.* and object.* statements: {@code math.add $total { value = 5 }} changes
 * $total in place; {@code text.contains $name { value = "x" } as $found} answers a question.
 */
final class ValueStatements {
    private ValueStatements() {
    }

    static void register(StatementRegistry r) {
        r.add("math.add", Set.of("value"), Set.of("value"), (s, c) -> update(s, c, Operators::add));
        r.add("math.sub", Set.of("value"), Set.of("value"), (s, c) -> update(s, c, Operators::subtract));
        r.add("math.mul", Set.of("value"), Set.of("value"), (s, c) -> update(s, c, Operators::multiply));
        r.add("math.div", Set.of("value"), Set.of("value"), (s, c) -> update(s, c, Operators::divide));
        r.add("math.mod", Set.of("value"), Set.of("value"), (s, c) -> update(s, c, Operators::modulo));
        r.add("math.bitwise.and", Set.of("value"), Set.of("value"), (s, c) -> update(s, c, bitwise(s, "and")));
        r.add("math.bitwise.or", Set.of("value"), Set.of("value"), (s, c) -> update(s, c, bitwise(s, "or")));
        r.add("math.bitwise.xor", Set.of("value"), Set.of("value"), (s, c) -> update(s, c, bitwise(s, "xor")));

        r.add("text.append", Set.of("value"), Set.of("value"), (s, c) -> update(s, c, Operators::concat));
        r.add("text.prepend", Set.of("value"), Set.of("value"), (s, c) -> update(s, c, (a, b) -> Operators.concat(b, a)));
        r.add("text.trim", Set.of("value"), Set.of(), (s, c) -> update(s, c, (a, b) -> trim(a, b, true, true)));
        r.add("text.ltrim", Set.of("value"), Set.of(), (s, c) -> update(s, c, (a, b) -> trim(a, b, true, false)));
        r.add("text.rtrim", Set.of("value"), Set.of(), (s, c) -> update(s, c, (a, b) -> trim(a, b, false, true)));
        r.add("text.contains", Set.of("value"), Set.of("value"), (s, c) -> ask(s, c, (a, b) -> a.contains(b)));
        r.add("text.icontains", Set.of("value"), Set.of("value"), (s, c) -> ask(s, c, (a, b) -> lower(a).contains(lower(b))));
        r.add("text.starts_with", Set.of("value"), Set.of("value"), (s, c) -> ask(s, c, String::startsWith));
        r.add("text.istarts_with", Set.of("value"), Set.of("value"), (s, c) -> ask(s, c, (a, b) -> lower(a).startsWith(lower(b))));
        r.add("text.ends_with", Set.of("value"), Set.of("value"), (s, c) -> ask(s, c, String::endsWith));
        r.add("text.iends_with", Set.of("value"), Set.of("value"), (s, c) -> ask(s, c, (a, b) -> lower(a).endsWith(lower(b))));

        r.add("object.keys", Set.of("value"), Set.of("value"), (s, c) -> objects(s, c, "keys"));
        r.add("object.values", Set.of("value"), Set.of("value"), (s, c) -> objects(s, c, "values"));
        r.add("object.entries", Set.of("value"), Set.of("value"), (s, c) -> objects(s, c, "entries"));
    }

    /** Replaces the variable with op(current, value). */
    private static Exec update(GenericStmt s, Compilation c, BinaryOperator<Object> op) {
        if (s.argument() == null) {
            throw XsError.runtime(s.nameSpan(), s.name() + " needs a variable, as in: " + s.name() + " $x { value = … }");
        }
        Target target = c.target(s.argument());
        Eval value = c.attr(s, "value", null);
        Target result = c.as(s);
        return f -> {
            Object updated = op.apply(target.read(f), value.eval(f));
            target.write(f, updated);
            if (result != null) {
                result.write(f, updated);
            }
            return Exec.NORMAL;
        };
    }

    private interface TextTest {
        boolean test(String subject, String value);
    }

    private static Exec ask(GenericStmt s, Compilation c, TextTest test) {
        Eval subject = s.argument() == null ? f -> null : c.expr(s.argument());
        Eval value = c.attr(s, "value", "");
        return CoreStatements.produce(s, c, f -> test.test(Values.toText(subject.eval(f)), Values.toText(value.eval(f))));
    }

    private static Exec objects(GenericStmt s, Compilation c, String kind) {
        Eval value = c.required(s, "value");
        Span span = s.span();
        return CoreStatements.produce(s, c, f -> {
            Object v = value.eval(f);
            if (!(v instanceof Map<?, ?> m)) {
                throw XsError.runtime(span, s.name() + " needs an object, got " + Values.typeName(v));
            }
            List<Object> out = new ArrayList<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                switch (kind) {
                    case "keys" -> out.add(String.valueOf(e.getKey()));
                    case "values" -> out.add(e.getValue());
                    default -> {
                        Map<String, Object> entry = new LinkedHashMap<>();
                        entry.put("key", String.valueOf(e.getKey()));
                        entry.put("value", e.getValue());
                        out.add(entry);
                    }
                }
            }
            return out;
        });
    }

    private static BinaryOperator<Object> bitwise(GenericStmt s, String op) {
        return (a, b) -> {
            Object x = Values.number(a);
            Object y = Values.number(b);
            if (!(x instanceof Long l) || !(y instanceof Long r)) {
                throw XsError.runtime(s.span(), s.name() + " needs integers, got " + Values.typeName(a) + " and "
                    + Values.typeName(b));
            }
            return switch (op) {
                case "and" -> l & r;
                case "or" -> l | r;
                default -> l ^ r;
            };
        };
    }

    private static Object trim(Object subject, Object chars, boolean left, boolean right) {
        String text = Values.toText(subject);
        String set = chars == null ? " \t\n\r\u000B\0" : Values.toText(chars);
        int start = 0;
        int end = text.length();
        while (left && start < end && set.indexOf(text.charAt(start)) >= 0) {
            start++;
        }
        while (right && end > start && set.indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        return text.substring(start, end);
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
