package xs.interp;

import java.util.LinkedHashMap;
import java.util.Set;
import java.util.UUID;
import xs.ast.GenericStmt;
import xs.ast.Literal;
import xs.db.JsonDepth;
import xs.source.Span;

/**
 * Variables, flow, calls and events: var, var.update, return, precondition, throw, debug.*,
 * util.*, function.run, api.realtime_event, security.create_uuid.
 */
final class CoreStatements {
    private CoreStatements() {
    }

    static void register(StatementRegistry r) {
        r.add("var", Set.of("value"), Set.of(), CoreStatements::assign);
        r.add("var.update", Set.of("value"), Set.of(), CoreStatements::assign);
        r.add("return", Set.of("value"), Set.of(), CoreStatements::returnValue);
        r.add("precondition", Set.of("error_type", "error", "payload"), Set.of(), CoreStatements::precondition);
        r.add("throw", Set.of("name", "value", "payload"), Set.of(), CoreStatements::throwError);
        r.add("debug.log", Set.of("value"), Set.of(), CoreStatements::log);
        r.add("debug.stop", Set.of("value"), Set.of(), CoreStatements::stop);
        r.add("util.get_vars", Set.of(), Set.of(), (s, c) -> produce(s, c, f -> f.variables()));
        r.add("util.get_env", Set.of(), Set.of(),
            (s, c) -> produce(s, c, f -> new LinkedHashMap<>(f.context.environment())));
        r.add("util.sleep", Set.of("value"), Set.of("value"), CoreStatements::sleep);
        r.add("function.run", Set.of("input", "runtime_mode"), Set.of(), CoreStatements::functionRun);
        r.add("api.realtime_event", Set.of("channel", "data", "event", "auth_table", "auth_id"), Set.of("channel"),
            CoreStatements::realtimeEvent);
        r.add("security.create_uuid", Set.of(), Set.of(), (s, c) -> produce(s, c, f -> UUID.randomUUID().toString()));
    }

    /** A statement whose only effect is its result, stored by {@code as}. */
    static Exec produce(GenericStmt s, Compilation c, Eval value) {
        Target target = c.as(s);
        return f -> {
            Object v = value.eval(f);
            if (target != null) {
                target.write(f, v);
            }
            return Exec.NORMAL;
        };
    }

    private static Exec assign(GenericStmt s, Compilation c) {
        if (s.argument() == null) {
            throw XsError.runtime(s.nameSpan(), s.name() + " needs a variable, as in: " + s.name() + " $name { value = … }");
        }
        Target target = c.target(s.argument());
        Eval value = c.attr(s, "value", null);
        return f -> {
            target.write(f, value.eval(f));
            return Exec.NORMAL;
        };
    }

    private static Exec returnValue(GenericStmt s, Compilation c) {
        Eval value = c.attr(s, "value", null);
        return f -> {
            f.returned = value.eval(f);
            return Exec.RETURN;
        };
    }

    private static Exec precondition(GenericStmt s, Compilation c) {
        Eval condition = s.argument() == null ? f -> false : c.expr(s.argument());
        Eval type = c.attr(s, "error_type", "standard");
        Eval message = c.attr(s, "error", null);
        Eval payload = c.attr(s, "payload", null);
        Span span = s.span();
        return f -> {
            if (Values.truthy(condition.eval(f))) {
                return Exec.NORMAL;
            }
            Object text = message.eval(f);
            String written = text == null ? "Precondition failed" : Values.toText(text);
            throw new XsError(ErrorType.of(Values.toText(type.eval(f))), written, payload.eval(f), null, span);
        };
    }

    private static Exec throwError(GenericStmt s, Compilation c) {
        Eval name = c.attr(s, "name", null);
        Eval value = c.attr(s, "value", null);
        Eval payload = c.attr(s, "payload", null);
        Span span = s.span();
        return f -> {
            Object n = name.eval(f);
            throw new XsError(ErrorType.STANDARD, n == null ? null : Values.toText(n), Values.toText(value.eval(f)),
                payload.eval(f), null, span);
        };
    }

    private static Exec log(GenericStmt s, Compilation c) {
        Eval value = c.attr(s, "value", null);
        Span span = s.span();
        return f -> {
            f.context.logs.add(loggable(value.eval(f), span, "debug.log"));
            return Exec.NORMAL;
        };
    }

    /** A log line is printed as JSON, so it must nest no deeper than any JSON xs writes. */
    private static Object loggable(Object v, Span span, String statement) {
        if (JsonDepth.tooDeep(v)) {
            throw XsError.runtime(span, statement + ": the value cannot be logged: " + JsonDepth.limitText());
        }
        return v;
    }

    private static Exec stop(GenericStmt s, Compilation c) {
        Eval value = c.attr(s, "value", null);
        Span span = s.span();
        return f -> {
            Object v = loggable(value.eval(f), span, "debug.stop");
            f.context.logs.add(v);
            f.returned = v;
            return Exec.RETURN;
        };
    }

    private static Exec sleep(GenericStmt s, Compilation c) {
        Eval seconds = c.required(s, "value");
        Span span = s.span();
        return f -> {
            Object n = Values.number(seconds.eval(f));
            if (n == null) {
                throw XsError.runtime(span, "util.sleep needs a number of seconds");
            }
            long until = System.nanoTime() + (long) (Values.toBigDecimal(n).doubleValue() * 1e9);
            while (System.nanoTime() < until) {
                f.context.deadline.check();
                long left = Math.min(50, (until - System.nanoTime()) / 1_000_000 + 1);
                try {
                    Thread.sleep(Math.max(1, left));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw XsError.runtime(span, "interrupted while sleeping");
                }
            }
            return Exec.NORMAL;
        };
    }

    private static Exec functionRun(GenericStmt s, Compilation c) {
        if (!(s.argument() instanceof Literal name) || !(name.value() instanceof String)) {
            throw XsError.runtime(s.nameSpan(), "function.run needs the function's name, as in: function.run \"name\"");
        }
        Interpreter.Callee function = new Interpreter.Callee((String) name.value());
        Eval input = c.attr(s, "input", null);
        Target target = c.as(s);
        Span span = s.span();
        return f -> {
            Object result = f.context.interpreter.callFunction(function, input.eval(f), f, span);
            if (target != null) {
                target.write(f, result);
            }
            return Exec.NORMAL;
        };
    }

    private static Exec realtimeEvent(GenericStmt s, Compilation c) {
        Eval channel = c.required(s, "channel");
        Eval event = c.attr(s, "event", null);
        Eval data = c.attr(s, "data", null);
        Eval authTable = c.attr(s, "auth_table", null);
        Eval authId = c.attr(s, "auth_id", null);
        Span span = s.span();
        return f -> {
            Object name = channel.eval(f);
            if (!(name instanceof String) || ((String) name).isEmpty()) {
                throw XsError.runtime(span, "api.realtime_event needs a channel name (text), got "
                    + Operators.describe(name));
            }
            Object ev = event.eval(f);
            Object table = authTable.eval(f);
            Object payload = data.eval(f);
            if (JsonDepth.tooDeep(payload)) {
                throw XsError.runtime(span, "api.realtime_event: the data cannot be sent: " + JsonDepth.limitText());
            }
            f.context.services.realtime().publish(new RealtimeEvent((String) name, ev == null ? null : Values.toText(ev),
                payload, table == null || "".equals(table) ? null : Values.toText(table), authId.eval(f)));
            return Exec.NORMAL;
        };
    }
}
