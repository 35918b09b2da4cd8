package xs.interp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import xs.ast.ArrayExpr;
import xs.ast.Expr;
import xs.ast.GenericStmt;
import xs.ast.Literal;
import xs.ast.MemberExpr;
import xs.ast.ObjectExpr;
import xs.ast.Walk;
import xs.source.Span;

/**
 * The {@code addon = [...]} of a db.query, db.get or single-row write: for every row of the
 * result, each listed addon runs with {@code $output} bound to that row, and its result is stored
 * in the row under {@code as}.
 * <pre>db.query post { addon = [{name: "user", input: {user_id: $output.user_id}, as: "_user"}] } as $posts</pre>
 * {@code as} is a path: {@code items._user} reaches into a paged result's items. When the input
 * reads {@code $output.$this}, the addon runs once per element of the value already at {@code as}
 * (a list of ids becomes a list of rows), or once for the single value there; {@code $this} is
 * also the row itself when the row is a scalar. {@code output} keeps only the listed fields of the
 * addon's result ({@code "profile_image.url"} keeps a nested one) and a nested {@code addon} list
 * runs on that result in turn. An entry without {@code as} is accepted and changes nothing, as in
 * Xano, which saves such an entry but has nowhere to put its result.
 */
final class Addons {
    private static final String THIS = "$this";

    /** One entry of the list, compiled: the input's expressions read the {@code $output} slot. */
    private record Spec(Interpreter.Callee addon, Eval input, List<String> as, Eval output, List<Spec> nested,
                        boolean perElement, Span span) {
    }

    private final List<Spec> specs;
    private final int outputSlot;

    private Addons(List<Spec> specs, int outputSlot) {
        this.specs = specs;
        this.outputSlot = outputSlot;
    }

    /** The statement's addon list compiled, or null when it has none (or an empty one). */
    static Addons of(GenericStmt s, Compilation c) {
        Expr value = s.attribute("addon").orElse(null);
        if (value == null) {
            return null;
        }
        List<Spec> specs = list(value, c);
        return specs.isEmpty() ? null : new Addons(specs, c.slots.slot("output"));
    }

    private static List<Spec> list(Expr value, Compilation c) {
        if (!(value instanceof ArrayExpr array)) {
            throw XsError.runtime(value.span(),
                "addon must be a list like [{name: \"user\", input: {user_id: $output.user_id}, as: \"_user\"}]");
        }
        List<Spec> out = new ArrayList<>();
        for (Expr element : array.elements()) {
            if (!(element instanceof ObjectExpr entry)) {
                throw XsError.runtime(element.span(), "each addon entry must be an object like {name, input, as}");
            }
            Spec spec = spec(entry, c);
            if (spec != null) {
                out.add(spec);
            }
        }
        return out;
    }

    /** The entry compiled, or null for one without {@code as}, which has no effect. */
    private static Spec spec(ObjectExpr entry, Compilation c) {
        String name = null;
        String as = null;
        Expr input = null;
        Expr output = null;
        List<Spec> nested = List.of();
        for (ObjectExpr.Entry e : entry.entries()) {
            if (e.isSpread() || e.disabled()) {
                continue;
            }
            switch (e.key()) {
                case "name" -> name = text(e.value(), "name");
                case "as" -> as = text(e.value(), "as");
                case "input" -> input = e.value();
                case "output" -> output = e.value();
                case "addon" -> nested = list(e.value(), c);
                default -> throw XsError.runtime(e.span(), "an addon entry has name, input, as, output and addon; \""
                    + e.key() + "\" is not one of them");
            }
        }
        if (name == null) {
            throw XsError.runtime(entry.span(), "this addon entry needs a name: {name: \"user\", ...}");
        }
        if (as == null || as.isEmpty()) {
            // Xano saves an entry with no destination but puts its result nowhere (xs check warns).
            return null;
        }
        Eval inputEval = input == null ? f -> new LinkedHashMap<String, Object>() : c.expr(input);
        Eval outputEval = output == null ? f -> null : c.expr(output);
        return new Spec(new Interpreter.Callee("addon", name), inputEval, List.of(as.split("\\.", -1)), outputEval,
            nested, readsThis(input), entry.span());
    }

    private static String text(Expr e, String key) {
        if (e instanceof Literal l && l.value() instanceof String s) {
            return s;
        }
        throw XsError.runtime(e.span(), "an addon's " + key + " must be a text literal");
    }

    /** Whether the input reads {@code $output.$this}: then the addon maps the value already at {@code as}. */
    private static boolean readsThis(Expr input) {
        if (input == null) {
            return false;
        }
        boolean[] found = {false};
        Walk.expression(input, new Walk.Listener() {
            @Override
            public void expression(Expr e) {
                if (e instanceof MemberExpr m && m.name().equals(THIS)) {
                    found[0] = true;
                }
            }
        });
        return found[0];
    }

    /** Runs the addons on a statement's result: a row, a list of rows, or a paged result. */
    Object apply(Object result, Frame f) {
        Object saved = f.slots[outputSlot];
        try {
            return apply(specs, result, f);
        } finally {
            f.slots[outputSlot] = saved;
        }
    }

    private Object apply(List<Spec> list, Object result, Frame f) {
        if (result == null) {
            return null;
        }
        Object out = Values.copy(result);
        for (Spec spec : list) {
            applyOne(spec, out, spec.as(), f);
        }
        return out;
    }

    /** Stores the addon's result in every row that {@code path} reaches from {@code value}. */
    @SuppressWarnings("unchecked")
    private void applyOne(Spec spec, Object value, List<String> path, Frame f) {
        if (value instanceof List<?> rows) {
            List<Object> list = (List<Object>) rows;
            for (int i = 0; i < list.size(); i++) {
                Object row = list.get(i);
                if (row instanceof Map<?, ?>) {
                    applyOne(spec, row, path, f);
                } else {
                    list.set(i, run(spec, Map.of(THIS, row == null ? "" : row), row, f));
                }
            }
            return;
        }
        if (!(value instanceof Map<?, ?> m)) {
            return;
        }
        Map<String, Object> row = (Map<String, Object>) m;
        if (path.size() > 1 && path.get(0).equals("items") && row.get("items") instanceof List<?>) {
            applyOne(spec, row.get(path.get(0)), path.subList(1, path.size()), f);
            return;
        }
        Map<String, Object> holder = row;
        for (String step : path.subList(0, path.size() - 1)) {
            Object next = holder.get(step);
            if (!(next instanceof Map<?, ?>)) {
                next = new LinkedHashMap<String, Object>();
                holder.put(step, next);
            }
            holder = (Map<String, Object>) next;
        }
        String field = path.get(path.size() - 1);
        Object current = holder.get(field);
        Object stored;
        if (spec.perElement() && current instanceof List<?> elements) {
            List<Object> mapped = new ArrayList<>();
            for (Object element : elements) {
                mapped.add(run(spec, withThis(row, element), row, f));
            }
            stored = mapped;
        } else {
            stored = run(spec, spec.perElement() ? withThis(row, current) : row, row, f);
        }
        holder.put(field, stored);
    }

    private static Map<String, Object> withThis(Map<String, Object> row, Object element) {
        Map<String, Object> output = new LinkedHashMap<>(row);
        output.put(THIS, element);
        return output;
    }

    /** Runs one addon with {@code $output} set, then trims its result and runs its nested addons. */
    private Object run(Spec spec, Map<String, Object> output, Object row, Frame f) {
        f.set(outputSlot, output);
        Object input = spec.input().eval(f);
        Object picked = spec.output().eval(f);
        Object result = f.context.interpreter.callAddon(spec.addon(), input, f, spec.span());
        result = pick(result, picked);
        if (!spec.nested().isEmpty()) {
            result = apply(spec.nested(), result, f);
        }
        return result;
    }

    /** Keeps the listed fields of a row (or of each row of a list); dotted names keep nested fields. */
    @SuppressWarnings("unchecked")
    private static Object pick(Object result, Object fields) {
        if (!(fields instanceof List<?> names) || names.isEmpty() || result == null) {
            return result;
        }
        if (result instanceof List<?> rows) {
            List<Object> out = new ArrayList<>();
            for (Object r : rows) {
                out.add(pick(r, fields));
            }
            return out;
        }
        if (!(result instanceof Map<?, ?> row)) {
            return result;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Object name : names) {
            String[] steps = Values.toText(name).split("\\.");
            Object from = row;
            Map<String, Object> into = out;
            for (int i = 0; i < steps.length; i++) {
                if (!(from instanceof Map<?, ?> fm) || !fm.containsKey(steps[i])) {
                    break;
                }
                Object v = ((Map<String, Object>) fm).get(steps[i]);
                if (i == steps.length - 1) {
                    into.put(steps[i], v);
                } else {
                    Object next = into.get(steps[i]);
                    if (!(next instanceof Map<?, ?>)) {
                        next = new LinkedHashMap<String, Object>();
                        into.put(steps[i], next);
                    }
                    into = (Map<String, Object>) next;
                    from = v;
                }
            }
        }
        return out;
    }
}
