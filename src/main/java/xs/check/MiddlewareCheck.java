package xs.check;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import xs.ast.Construct;
import xs.ast.Expr;
import xs.ast.Program;
import xs.diag.Code;
import xs.diag.Diagnostic;
import xs.diag.Suggest;
import xs.interp.Constants;

/**
 * Checks the middleware names that {@code branch.xs}, an api group, a query, function, task or
 * tool attach: a name no {@code middleware} block declares is not run (Xano keeps the entry when
 * the middleware is deleted), so it is a warning. An empty name is a slot left unset in Xano's
 * editor and says nothing.
 * <pre>query order verb=POST { … middleware = {pre: [{name: "validate_turnstile"}]} }</pre>
 */
final class MiddlewareCheck {
    private static final List<String> ATTACHING = List.of("query", "api_group", "function", "task", "tool");

    private final Program program;

    MiddlewareCheck(Program program) {
        this.program = program;
    }

    void construct(Construct c, List<Diagnostic> out) {
        Expr written = c.attribute("middleware").orElse(null);
        if (written == null || !(c.kind().equals("branch") || ATTACHING.contains(c.kind()))) {
            return;
        }
        if (!(constant(written) instanceof Map<?, ?> value)) {
            return;
        }
        if (c.kind().equals("branch")) {
            for (Object lists : value.values()) {
                if (lists instanceof Map<?, ?> m) {
                    lists(m, written, out);
                }
            }
        } else {
            lists(value, written, out);
        }
    }

    private void lists(Map<?, ?> lists, Expr at, List<Diagnostic> out) {
        for (String when : List.of("pre", "post")) {
            if (!(lists.get(when) instanceof List<?> entries)) {
                continue;
            }
            for (Object entry : entries) {
                Object name = entry instanceof Map<?, ?> m ? m.get("name") : entry;
                if (name == null || (name instanceof String n && n.isBlank())) {
                    continue;
                }
                if (name instanceof String n && program.find("middleware", n).isPresent()) {
                    continue;
                }
                List<String> known = program.all("middleware").stream().map(Construct::name)
                    .filter(Objects::nonNull).toList();
                out.add(Diagnostic.warning(Code.XS0223, at.span(), "no middleware block declares \"" + name
                    + "\", so this " + when + " middleware is not run"
                    + Suggest.didYouMean(String.valueOf(name), known)));
            }
        }
    }

    private static Object constant(Expr e) {
        try {
            return Constants.evaluate(e);
        } catch (RuntimeException notConstant) {
            // A value read from a variable has no names to check before a run.
            return null;
        }
    }
}
