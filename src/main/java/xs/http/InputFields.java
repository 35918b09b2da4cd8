package xs.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import xs.ast.ArrayExpr;
import xs.ast.DeclBlock;
import xs.ast.Expr;
import xs.ast.InputDecl;
import xs.ast.InputFilter;
import xs.ast.RegexLiteral;
import xs.interp.Constants;

/**
 * The declared inputs of a function as plain JSON values for the console, so it can show them
 * and prefill a call: {@code text content filters=trim|max:1000} becomes
 * <pre>{"name": "content", "type": "text", "array": false, "nullable": false, "optional": false,
 *  "default": null, "values": null, "filters": ["trim", "max:1000"], "description": "", "fields": null}</pre>
 */
final class InputFields {
    private InputFields() {
    }

    static List<Map<String, Object>> of(DeclBlock block) {
        List<Map<String, Object>> fields = new ArrayList<>();
        for (InputDecl d : block.decls()) {
            if (d.disabled() || d.name() == null) {
                continue;
            }
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("name", d.name());
            f.put("type", d.type());
            f.put("array", d.array());
            f.put("nullable", d.nullable());
            f.put("optional", d.optional() || d.defaultValue() != null);
            f.put("default", d.defaultValue() == null ? null : constant(d.defaultValue()));
            f.put("values", values(d));
            f.put("filters", d.filters().stream().filter(x -> !x.disabled()).map(InputFields::filter).toList());
            f.put("description", text(d.attribute("description").orElse(null)));
            f.put("fields", d.schema().map(InputFields::of).orElse(null));
            fields.add(f);
        }
        return fields;
    }

    /** The values of an {@code enum} field, or null. */
    private static List<Object> values(InputDecl d) {
        Expr e = d.attribute("values").orElse(null);
        if (!(e instanceof ArrayExpr)) {
            return null;
        }
        return constant(e) instanceof List<?> l ? new ArrayList<>(l) : null;
    }

    private static String filter(InputFilter f) {
        if (f.args().isEmpty()) {
            return f.name();
        }
        return f.name() + ":" + f.args().stream()
            .map(a -> a instanceof RegexLiteral r ? r.toString() : String.valueOf(a))
            .collect(Collectors.joining(":"));
    }

    static String text(Expr e) {
        Object v = e == null ? null : constant(e);
        return v instanceof String s ? s : "";
    }

    /** The value of a constant expression; null when it needs a run (variables, functions). */
    static Object constant(Expr e) {
        try {
            return Constants.evaluate(e);
        } catch (RuntimeException notConstant) {
            // Reads a variable or needs a service: only a run can tell its value.
            return null;
        }
    }
}
