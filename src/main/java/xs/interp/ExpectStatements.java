package xs.interp;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import xs.ast.Expr;
import xs.ast.GenericStmt;
import xs.ast.IndexExpr;
import xs.ast.MemberExpr;
import xs.source.Span;

/**
 * The expect.* assertions of test blocks: {@code expect.to_equal ($response.total) { value = 3 }}.
 * A failing one ends the test with the expected and actual values; the runner reports it at
 * the line of the expect.
 */
final class ExpectStatements {
    /** Where the runner puts the error the tested call ended with (null when it succeeded). */
    static final String CALL_ERROR = "%call_error";

    private ExpectStatements() {
    }

    private interface Check {
        /** Null when the assertion holds, else what went wrong. */
        String fail(Object actual, Object expected);
    }

    static void register(StatementRegistry r) {
        value(r, "expect.to_equal", (a, e) -> same(a, e) ? null : "expected " + show(e) + ", got " + show(a));
        value(r, "expect.to_not_equal", (a, e) -> !same(a, e) ? null : "expected anything but " + show(e));
        value(r, "expect.to_be_greater_than", (a, e) -> ordered(a, e) && Values.compare(a, e) > 0 ? null
            : "expected a value greater than " + show(e) + ", got " + show(a));
        value(r, "expect.to_be_less_than", (a, e) -> ordered(a, e) && Values.compare(a, e) < 0 ? null
            : "expected a value less than " + show(e) + ", got " + show(a));
        value(r, "expect.to_contain", (a, e) -> contains(a, e) ? null : "expected " + show(a) + " to contain " + show(e));
        value(r, "expect.to_start_with", (a, e) -> a instanceof String s && s.startsWith(Values.toText(e)) ? null
            : "expected " + show(a) + " to start with " + show(e));
        value(r, "expect.to_end_with", (a, e) -> a instanceof String s && s.endsWith(Values.toText(e)) ? null
            : "expected " + show(a) + " to end with " + show(e));
        value(r, "expect.to_match", (a, e) -> a != null && Operators.regex(a, e) ? null
            : "expected " + show(a) + " to match " + show(e));
        plain(r, "expect.to_be_true", a -> Boolean.TRUE.equals(a) ? null : "expected true, got " + show(a));
        plain(r, "expect.to_be_false", a -> Boolean.FALSE.equals(a) ? null : "expected false, got " + show(a));
        plain(r, "expect.to_be_null", a -> a == null ? null : "expected null, got " + show(a));
        plain(r, "expect.to_not_be_null", a -> a != null ? null : "expected a value, got null");
        plain(r, "expect.to_be_empty", a -> Values.isEmpty(a) ? null : "expected an empty value, got " + show(a));
        r.add("expect.to_be_in_the_past", Set.of(), Set.of(), (s, c) -> time(s, c, true));
        r.add("expect.to_be_in_the_future", Set.of(), Set.of(), (s, c) -> time(s, c, false));
        r.add("expect.to_be_defined", Set.of(), Set.of(), (s, c) -> defined(s, c, true));
        r.add("expect.to_not_be_defined", Set.of(), Set.of(), (s, c) -> defined(s, c, false));
        r.add("expect.to_be_within", Set.of("min", "max"), Set.of("min", "max"), ExpectStatements::within);
        r.add("expect.to_throw", Set.of("exception", "value"), Set.of(), ExpectStatements::toThrow);
    }

    private interface Plain {
        String fail(Object actual);
    }

    private static void value(StatementRegistry r, String name, Check check) {
        r.add(name, Set.of("value"), Set.of("value"), (s, c) -> {
            Eval actual = subject(s, c);
            Eval expected = c.required(s, "value");
            return f -> verdict(s, check.fail(actual.eval(f), expected.eval(f)));
        });
    }

    private static void plain(StatementRegistry r, String name, Plain check) {
        r.add(name, Set.of(), Set.of(), (s, c) -> {
            Eval actual = subject(s, c);
            return f -> verdict(s, check.fail(actual.eval(f)));
        });
    }

    private static Eval subject(GenericStmt s, Compilation c) {
        if (s.argument() == null) {
            throw XsError.runtime(s.nameSpan(), s.name() + " needs the value to test, as in: " + s.name() + " ($response)");
        }
        return c.expr(s.argument());
    }

    private static int verdict(GenericStmt s, String failure) {
        if (failure != null) {
            throw new ExpectFailure(s.span(), s.name(), failure);
        }
        return Exec.NORMAL;
    }

    /** {@code to_be_defined ($x.a.b)}: the last field exists (even when it holds null). */
    private static Exec defined(GenericStmt s, Compilation c, boolean wanted) {
        Expr arg = s.argument();
        if (arg == null) {
            throw XsError.runtime(s.nameSpan(), s.name() + " needs the value to test, as in: " + s.name() + " ($response.id)");
        }
        Eval container;
        Eval key;
        if (arg instanceof MemberExpr m) {
            container = c.expr(m.target());
            String name = m.name();
            key = f -> name;
        } else if (arg instanceof IndexExpr i) {
            container = c.expr(i.target());
            key = c.expr(i.index());
        } else {
            container = null;
            key = null;
        }
        Eval whole = c.expr(arg);
        return f -> {
            boolean exists;
            if (container == null) {
                exists = whole.eval(f) != null;
            } else {
                Object holder = container.eval(f);
                Object k = key.eval(f);
                exists = holder instanceof Map<?, ?> map ? map.containsKey(Values.toText(k))
                    : holder instanceof List<?> list && Values.number(k) instanceof Long n && n >= 0 && n < list.size();
            }
            return verdict(s, exists == wanted ? null : wanted ? "expected it to be defined" : "expected it to be undefined");
        };
    }

    /**
     * {@code to_be_in_the_past ($response.created_at)}: a timestamp (epoch milliseconds, or a date
     * text as inputs accept) before the run's now; {@code to_be_in_the_future} after it.
     */
    private static Exec time(GenericStmt s, Compilation c, boolean past) {
        Eval actual = subject(s, c);
        return f -> {
            Object a = actual.eval(f);
            Long at = a instanceof Long l ? l : a instanceof String text ? Timestamps.parse(text) : null;
            if (at == null) {
                return verdict(s, "expected a timestamp in the " + (past ? "past" : "future") + ", got " + show(a));
            }
            long now = f.context.now();
            boolean ok = past ? at < now : at > now;
            return verdict(s, ok ? null : "expected a timestamp in the " + (past ? "past" : "future") + ", got "
                + show(a) + (a instanceof Long ? " (" + java.time.Instant.ofEpochMilli(at) + ")" : "")
                + ", and now is " + java.time.Instant.ofEpochMilli(now));
        };
    }

    private static Exec within(GenericStmt s, Compilation c) {
        Eval actual = subject(s, c);
        Eval min = c.required(s, "min");
        Eval max = c.required(s, "max");
        return f -> {
            Object a = actual.eval(f);
            Object lo = min.eval(f);
            Object hi = max.eval(f);
            boolean ok = ordered(a, lo) && Values.compare(a, lo) >= 0 && Values.compare(a, hi) <= 0;
            return verdict(s, ok ? null : "expected a value within " + show(lo) + " and " + show(hi) + ", got " + show(a));
        };
    }

    /**
     * {@code expect.to_throw { stack {…} exception = "text" }} runs the stack and expects an
     * error; written bare, it expects the tested call itself to have failed.
     */
    private static Exec toThrow(GenericStmt s, Compilation c) {
        Eval text = c.attr(s, "exception");
        if (text == null) {
            text = c.attr(s, "value", null);
        }
        Eval wanted = text;
        boolean hasStack = s.stack().isPresent();
        Exec body = c.stack(s);
        int callError = c.slots.slot(CALL_ERROR);
        Span span = s.span();
        return f -> {
            String message;
            if (hasStack) {
                try {
                    body.exec(f);
                    message = null;
                } catch (XsError e) {
                    message = e.getMessage();
                }
            } else {
                Object error = f.get(callError);
                message = error instanceof Map<?, ?> m ? Values.toText(m.get("message")) : null;
            }
            if (message == null) {
                throw new ExpectFailure(span, s.name(), "expected an error, but none was thrown");
            }
            Object w = wanted.eval(f);
            if (w != null && !message.contains(Values.toText(w))) {
                throw new ExpectFailure(span, s.name(), "expected an error containing " + show(w) + ", got \""
                    + message + "\"");
            }
            return Exec.NORMAL;
        };
    }

    /** Equality for tests: deep, exact types, except that numbers compare by value (3 equals 3.0). */
    static boolean same(Object a, Object b) {
        if (Values.isNumber(a) && Values.isNumber(b)) {
            return Values.toBigDecimal(a).compareTo(Values.toBigDecimal(b)) == 0;
        }
        if (a instanceof List<?> || a instanceof Map<?, ?>) {
            return Values.sameShape(a, b, ExpectStatements::same);
        }
        return Values.strictEquals(a, b);
    }

    private static boolean ordered(Object a, Object b) {
        return (a instanceof BigDecimal || a instanceof Long || a instanceof String)
            && (b instanceof BigDecimal || b instanceof Long || b instanceof String);
    }

    private static boolean contains(Object a, Object e) {
        if (a instanceof List<?> list) {
            for (Object o : list) {
                if (same(o, e)) {
                    return true;
                }
            }
            return false;
        }
        if (a instanceof Map<?, ?> m) {
            return m.containsKey(Values.toText(e));
        }
        return a instanceof String s && s.contains(Values.toText(e));
    }

    static String show(Object v) {
        String json = Json.write(Values.normalize(v));
        return json.length() > 200 ? json.substring(0, 197) + "..." : json;
    }
}
