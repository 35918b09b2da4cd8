package xs.interp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import xs.ast.Attribute;
import xs.ast.GenericStmt;
import xs.ast.Literal;
import xs.ast.Members;
import xs.db.DirectSql;
import xs.source.Span;

/**
 * {@code db.direct_query}: SQL run on the database server (PostgreSQL, {@code --db}), each
 * {@code arg} in order filling the next {@code ?} (bound) or {@code ?:raw} (pasted as text);
 * with {@code parser = "template_engine"} the SQL is a Twig template rendered first.
 *
 * <pre>db.direct_query { sql = "SELECT * FROM note WHERE id = ?"  arg = $input.id  response_type = "single" } as $note</pre>
 */
final class SqlStatements {
    private static final Set<String> RESPONSE_TYPES = Set.of("list", "single");
    private static final Set<String> PARSERS = Set.of("prepared", "template_engine");

    private SqlStatements() {
    }

    static void register(StatementRegistry r) {
        r.add("db.direct_query", Set.of("sql", "arg", "parser", "response_type"), Set.of("sql"), SqlStatements::directQuery);
    }

    private static Exec directQuery(GenericStmt s, Compilation c) {
        Eval sql = c.required(s, "sql");
        List<Eval> args = new ArrayList<>();
        for (Attribute a : Members.attributes(s.members())) {
            if (a.key().equals("arg") && !a.disabled()) {
                args.add(c.expr(a.value()));
            }
        }
        String parser = choice(s, "parser", PARSERS, "prepared");
        String responseType = choice(s, "response_type", RESPONSE_TYPES, "list");
        TemplateStatements.Renderer renderer = parser.equals("template_engine")
            ? TemplateStatements.renderer(c, s.span(), s.name()) : null;
        Span span = s.nameSpan();
        return CoreStatements.produce(s, c, f -> {
            DirectSql direct = f.context.services.database().directSql().orElseThrow(() -> XsError.runtime(span,
                "db.direct_query runs SQL, which needs PostgreSQL: start xs with --db postgresql://USER:PASS@HOST:PORT/DB "
                    + "(or set XS_DB); the built-in database has no SQL"));
            String text = Values.toText(sql.eval(f));
            if (renderer != null) {
                text = renderer.render(f, text);
            }
            List<Object> values = new ArrayList<>(args.size());
            for (Eval arg : args) {
                values.add(arg.eval(f));
            }
            String query = text;
            List<Map<String, Object>> rows = DbStatements.guarded(f, span, () -> direct.run(query, values));
            if (responseType.equals("single")) {
                return rows.isEmpty() ? null : rows.get(0);
            }
            return new ArrayList<Object>(rows);
        });
    }

    /** A literal choice among known words (the default when absent); anything else is an error naming the words. */
    private static String choice(GenericStmt s, String key, Set<String> allowed, String fallback) {
        var value = s.attribute(key);
        if (value.isEmpty()) {
            return fallback;
        }
        if (value.get() instanceof Literal l && l.value() instanceof String word && allowed.contains(word)) {
            return word;
        }
        throw XsError.runtime(value.get().span(), "db.direct_query: " + key + " must be one of "
            + String.join(", ", allowed.stream().sorted().map(w -> "\"" + w + "\"").toList()));
    }
}
