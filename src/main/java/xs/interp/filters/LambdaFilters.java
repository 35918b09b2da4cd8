package xs.interp.filters;

import java.util.ArrayList;
import java.util.List;
import xs.interp.Json;

/**
 * The {@code lambda_*} filters: their argument is JavaScript, run as {@code api.lambda} runs
 * code (on the Deno worker pool), once per element with {@code $this}, {@code $index} and
 * {@code $parent} (and {@code $result} for reduce) besides api.lambda's globals. The whole array
 * goes to one call, which runs the code for each element in turn.
 * <pre>$users|lambda_filter:"return $this.age >= 18;"</pre>
 */
final class LambdaFilters {
    private LambdaFilters() {
    }

    static void register(FilterRegistry r) {
        r.register("lambda_map", c -> each(c, false));
        r.register("lambda_filter", c -> {
            List<Object> l = FilterSupport.list(c);
            List<?> keep = each(c, true);
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < l.size(); i++) {
                if (Boolean.TRUE.equals(keep.get(i))) {
                    out.add(l.get(i));
                }
            }
            return out;
        });
        r.register("lambda_some", c -> each(c, true).contains(Boolean.TRUE));
        r.register("lambda_every", c -> !each(c, true).contains(Boolean.FALSE));
        r.register("lambda_find", c -> {
            int at = each(c, true).indexOf(Boolean.TRUE);
            return at < 0 ? null : FilterSupport.list(c).get(at);
        });
        r.register("lambda_findIndex", c -> (long) each(c, true).indexOf(Boolean.TRUE));
        r.register("lambda_reduce", LambdaFilters::reduce);
        r.register("lambda", c -> c.javascript("const __xs_one = async ($this) => {\n" + code(c, 0)
            + "\n};\nreturn await __xs_one(" + json(c.subject()) + ");", 1));
    }

    /** The code argument: JavaScript text, the body of a function. */
    private static String code(FilterCall c, int i) {
        if (!(c.arg(i) instanceof String js)) {
            throw c.error("needs JavaScript code as text, as in: lambda_map:\"return $this.id;\"");
        }
        return js;
    }

    /** The code's value for each element, or for predicates whether it was truthy in JavaScript. */
    private static List<?> each(FilterCall c, boolean predicate) {
        List<Object> l = FilterSupport.list(c);
        String result = predicate ? "!!(await __xs_each(__xs_list[__xs_i], __xs_i, __xs_list))"
            : "await __xs_each(__xs_list[__xs_i], __xs_i, __xs_list)";
        Object out = c.javascript("const __xs_each = async ($this, $index, $parent) => {\n" + code(c, 0) + "\n};\n"
            + "const __xs_list = " + json(l) + ";\nconst __xs_out = [];\n"
            + "for (let __xs_i = 0; __xs_i < __xs_list.length; __xs_i++) __xs_out.push(" + result + ");\n"
            + "return __xs_out;", 1);
        if (!(out instanceof List<?> values) || values.size() != l.size()) {
            throw c.error("the JavaScript did not give one value per element");
        }
        return values;
    }

    /** lambda_reduce:INITIAL:"code": the initial value comes first, as in Xano. */
    private static Object reduce(FilterCall c) {
        List<Object> l = FilterSupport.list(c);
        return c.javascript("const __xs_each = async ($this, $index, $parent, $result) => {\n" + code(c, 1) + "\n};\n"
            + "const __xs_list = " + json(l) + ";\nlet __xs_result = " + json(c.arg(0)) + ";\n"
            + "for (let __xs_i = 0; __xs_i < __xs_list.length; __xs_i++) "
            + "__xs_result = await __xs_each(__xs_list[__xs_i], __xs_i, __xs_list, __xs_result);\n"
            + "return __xs_result;", 1);
    }

    /** A value written into the code as a JavaScript literal (JSON is one). */
    private static String json(Object value) {
        return Json.write(value);
    }
}
