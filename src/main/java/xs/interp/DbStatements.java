package xs.interp;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import xs.ast.Expr;
import xs.ast.GenericStmt;
import xs.ast.Literal;
import xs.ast.ObjectExpr;
import xs.db.Database;
import xs.db.DbException;
import xs.db.Direction;
import xs.db.Operand;
import xs.db.Paging;
import xs.db.Query;
import xs.db.ReturnSpec;
import xs.db.Sort;
import xs.db.TimeLeft;
import xs.source.Span;

/**
 * The db.* statements: they read their attributes in the frame and hand plain values and
 * conditions to the database. Database failures become XanoScript errors: a bad value is an
 * inputerror naming the field, a duplicate a badrequest, a missing row notfound.
 */
final class DbStatements {
    private static final Set<String> BY_FIELD = Set.of("field_name", "field_value", "output", "addon", "lock");

    private DbStatements() {
    }

    static void register(StatementRegistry r) {
        r.add("db.get", BY_FIELD, Set.of(), DbStatements::get);
        r.add("db.has", Set.of("field_name", "field_value"), Set.of(), DbStatements::has);
        r.add("db.add", Set.of("data", "output", "addon", "enforce_hidden_fields"), Set.of(), DbStatements::add);
        r.add("db.edit", Set.of("field_name", "field_value", "data", "output", "addon", "enforce_hidden_fields"),
            Set.of("data"), (s, c) -> change(s, c, "edit"));
        r.add("db.patch", Set.of("field_name", "field_value", "data", "output", "addon", "enforce_hidden_fields"),
            Set.of("data"), (s, c) -> change(s, c, "patch"));
        r.add("db.add_or_edit", Set.of("field_name", "field_value", "data", "output", "addon",
            "enforce_hidden_fields"), Set.of("data"), (s, c) -> change(s, c, "add_or_edit"));
        r.add("db.del", Set.of("field_name", "field_value"), Set.of(), DbStatements::delete);
        r.add("db.truncate", Set.of("reset"), Set.of(), DbStatements::truncate);
        r.add("db.query", Set.of("where", "additional_where", "sort", "override_sort", "return", "output", "eval",
            "join", "addon", "lock", "mock"), Set.of(), DbStatements::query);
        r.add("db.bulk.add", Set.of("items", "allow_id_field"), Set.of("items"), (s, c) -> bulk(s, c, "add"));
        r.add("db.bulk.update", Set.of("items"), Set.of("items"), (s, c) -> bulk(s, c, "update"));
        r.add("db.bulk.patch", Set.of("items"), Set.of("items"), (s, c) -> bulk(s, c, "patch"));
        r.add("db.bulk.delete", Set.of("where"), Set.of(), DbStatements::bulkDelete);
        r.add("db.transaction", Set.of(), Set.of(), DbStatements::transaction);
        r.add("db.set_datasource", Set.of("value"), Set.of("value"), DbStatements::setDatasource);
    }

    private static String table(GenericStmt s) {
        if (s.argument() instanceof Literal l && l.value() instanceof String name) {
            return name;
        }
        throw XsError.runtime(s.nameSpan(), s.name() + " needs a table name, as in: " + s.name() + " user { … }");
    }

    private interface Action {
        Object run(Database db, Frame f);
    }

    /** Runs one database action in a frame, with its addons applied and its result stored by {@code as}. */
    private static Exec run(GenericStmt s, Compilation c, Action action) {
        Target target = c.as(s);
        Addons addons = Addons.of(s, c);
        Span span = s.span();
        return f -> {
            Object result = guarded(f, span, () -> action.run(f.context.database(), f));
            if (addons != null) {
                result = addons.apply(result, f);
            }
            if (target != null) {
                target.writeOwned(f, result);
            }
            return Exec.NORMAL;
        };
    }

    /**
     * As {@link #guarded(Span, Supplier)}, the database's statements limited to the time the run
     * has left when they wait on a server (the in-memory engine's never wait: no clock reads).
     */
    static <T> T guarded(Frame f, Span span, Supplier<T> call) {
        if (!f.context.interpreter.timedDatabase()) {
            return guarded(span, call);
        }
        return guarded(span, () -> TimeLeft.within(f.context.deadline.remainingMillis(), call));
    }

    static <T> T guarded(Span span, Supplier<T> call) {
        try {
            return call.get();
        } catch (DbException e) {
            throw translate(e, span);
        }
    }

    static XsError translate(DbException e, Span span) {
        return switch (e.kind()) {
            case INPUT_ERROR -> XsError.input(span, e.field(), e.getMessage());
            case UNIQUE_VIOLATION -> new XsError(ErrorType.BADREQUEST, e.getMessage(), null, null, span);
            case NOT_FOUND -> new XsError(ErrorType.NOTFOUND, e.getMessage(), null, null, span);
            case UNAVAILABLE -> new XsError(ErrorType.UNAVAILABLE, e.getMessage(), null, null, span);
            default -> XsError.runtime(span, e.getMessage());
        };
    }

    private static Exec get(GenericStmt s, Compilation c) {
        String table = table(s);
        Eval field = c.attr(s, "field_name", "id");
        Eval value = c.attr(s, "field_value", null);
        Eval output = c.attr(s, "output", null);
        return run(s, c, (db, f) -> pick(db.get(table, Values.toText(field.eval(f)), value.eval(f)), output.eval(f)));
    }

    private static Exec has(GenericStmt s, Compilation c) {
        String table = table(s);
        Eval field = c.attr(s, "field_name", "id");
        Eval value = c.attr(s, "field_value", null);
        return run(s, c, (db, f) -> db.has(table, Values.toText(field.eval(f)), value.eval(f)));
    }

    private static Exec add(GenericStmt s, Compilation c) {
        String table = table(s);
        Eval data = c.attr(s, "data", Map.of());
        Eval output = c.attr(s, "output", null);
        return run(s, c, (db, f) -> pick(db.add(table, object(data.eval(f), s)), output.eval(f)));
    }

    private static Exec change(GenericStmt s, Compilation c, String kind) {
        String table = table(s);
        Eval field = c.attr(s, "field_name", "id");
        Eval value = c.attr(s, "field_value", null);
        Eval data = c.required(s, "data");
        Eval output = c.attr(s, "output", null);
        return run(s, c, (db, f) -> {
            String name = Values.toText(field.eval(f));
            Object key = value.eval(f);
            Map<String, Object> changes = object(data.eval(f), s);
            Map<String, Object> row = switch (kind) {
                case "edit" -> db.edit(table, name, key, changes);
                case "patch" -> db.patch(table, name, key, changes);
                default -> db.addOrEdit(table, name, key, changes);
            };
            return pick(row, output.eval(f));
        });
    }

    private static Exec delete(GenericStmt s, Compilation c) {
        String table = table(s);
        Eval field = c.attr(s, "field_name", "id");
        Eval value = c.attr(s, "field_value", null);
        return run(s, c, (db, f) -> {
            db.delete(table, Values.toText(field.eval(f)), value.eval(f));
            return null;
        });
    }

    private static Exec truncate(GenericStmt s, Compilation c) {
        String table = table(s);
        Eval reset = c.attr(s, "reset", false);
        return run(s, c, (db, f) -> {
            db.truncate(table, Values.truthy(reset.eval(f)));
            return null;
        });
    }

    private static Exec query(GenericStmt s, Compilation c) {
        String table = table(s);
        WhereCompiler where = new WhereCompiler(c);
        WhereCompiler.Plan condition = where.compile(s.attribute("where").orElse(null));
        WhereCompiler.Plan additional = s.attribute("additional_where").map(where::compile).orElse(null);
        Eval sort = c.attr(s, "sort", null);
        Eval ret = c.attr(s, "return", null);
        Eval output = c.attr(s, "output", null);
        Map<String, WhereCompiler.OperandPlan> eval = new LinkedHashMap<>();
        Expr evalExpr = s.attribute("eval").orElse(null);
        if (evalExpr instanceof ObjectExpr o) {
            for (ObjectExpr.Entry e : o.entries()) {
                if (!e.isSpread() && !e.disabled()) {
                    eval.put(e.key(), where.operand(e.value()));
                }
            }
        }
        Span span = s.span();
        return run(s, c, (db, f) -> {
            xs.db.Condition w = condition.build(f);
            if (additional != null) {
                w = new xs.db.Condition.And(List.of(w, additional.build(f)));
            }
            Map<String, Operand> computed = new LinkedHashMap<>();
            for (Map.Entry<String, WhereCompiler.OperandPlan> e : eval.entrySet()) {
                computed.put(e.getKey(), e.getValue().build(f));
            }
            ReturnSpec spec = returnSpec(ret.eval(f), span);
            List<String> columns = columns(output.eval(f), span);
            // A paged query's output names envelope keys and items.COLUMN (Xano's form).
            PagedOutput paged = spec.paging() == null ? null : PagedOutput.of(columns);
            Object result = db.query(new Query(table, w, sorts(sort.eval(f), span), spec,
                paged == null ? columns : paged.rows(), computed.isEmpty() ? null : computed));
            return paged == null ? result : paged.envelope(result);
        });
    }

    private static Exec bulk(GenericStmt s, Compilation c, String kind) {
        String table = table(s);
        Eval items = c.required(s, "items");
        return run(s, c, (db, f) -> {
            List<Map<String, Object>> rows = new ArrayList<>();
            Object value = items.eval(f);
            if (!(value instanceof List<?> list)) {
                throw XsError.runtime(s.span(), s.name() + ": items must be an array of objects, got "
                    + Values.typeName(value));
            }
            for (Object item : list) {
                rows.add(object(item, s));
            }
            return switch (kind) {
                case "add" -> db.bulkAdd(table, rows);
                case "update" -> db.bulkUpdate(table, rows);
                default -> db.bulkPatch(table, rows);
            };
        });
    }

    private static Exec bulkDelete(GenericStmt s, Compilation c) {
        String table = table(s);
        WhereCompiler.Plan where = new WhereCompiler(c).compile(s.attribute("where").orElse(null));
        return run(s, c, (db, f) -> db.bulkDelete(table, where.build(f)));
    }

    private static Exec transaction(GenericStmt s, Compilation c) {
        Exec body = c.stack(s);
        Span span = s.span();
        return f -> guarded(f, span, () -> f.context.database().transaction(() -> body.exec(f)));
    }

    /** {@code db.set_datasource { value = "test" }}: the rest of the run's db.* statements use that data source. */
    private static Exec setDatasource(GenericStmt s, Compilation c) {
        Eval value = c.attr(s, "value", null);
        Span span = s.span();
        return f -> {
            Object name = value.eval(f);
            if (!(name instanceof String text) || text.isEmpty()) {
                throw XsError.runtime(span, "db.set_datasource needs value = the name of a data source (\"live\", "
                    + "\"test\", …), got " + (name == null ? "null" : Values.typeName(name)));
            }
            f.context.useDataSource(text, span);
            return Exec.NORMAL;
        };
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value, GenericStmt s) {
        if (value instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw XsError.runtime(s.span(), s.name() + ": data must be an object, got " + Values.typeName(value));
    }

    /** Keeps only the listed columns, when an {@code output} list is given. */
    private static Map<String, Object> pick(Map<String, Object> row, Object output) {
        if (row == null || !(output instanceof List<?> columns) || columns.isEmpty()) {
            return row;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Object col : columns) {
            String name = Values.toText(col);
            if (row.containsKey(name)) {
                out.put(name, row.get(name));
            }
        }
        return out;
    }

    private static List<String> columns(Object output, Span span) {
        if (output == null) {
            return null;
        }
        if (!(output instanceof List<?> list)) {
            throw XsError.runtime(span, "output must be an array of column names");
        }
        List<String> out = new ArrayList<>();
        for (Object o : list) {
            out.add(Values.toText(o));
        }
        return out.isEmpty() ? null : out;
    }

    /** {@code sort = {created_at: "desc"}}, or a list of such objects, or {@code [{sortBy, orderBy}]}. */
    private static List<Sort> sorts(Object value, Span span) {
        List<Sort> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        List<?> parts = value instanceof List<?> l ? l : List.of(value);
        for (Object part : parts) {
            if (!(part instanceof Map<?, ?> m)) {
                throw XsError.runtime(span, "sort must be an object like {created_at: \"desc\"}");
            }
            if (m.containsKey("sortBy")) {
                out.add(new Sort(Values.toText(m.get("sortBy")), direction(m.get("orderBy"), span)));
                continue;
            }
            for (Map.Entry<?, ?> e : m.entrySet()) {
                out.add(new Sort(String.valueOf(e.getKey()), direction(e.getValue(), span)));
            }
        }
        return out;
    }

    private static Direction direction(Object value, Span span) {
        String d = Values.toText(value).toLowerCase(java.util.Locale.ROOT);
        return switch (d) {
            case "", "asc" -> Direction.ASC;
            case "desc" -> Direction.DESC;
            case "rand", "random" -> Direction.RAND;
            default -> throw XsError.runtime(span, "sort direction must be asc, desc or rand, got \"" + d + "\"");
        };
    }

    /** {@code return = {type: "list", paging: {page: 1, per_page: 25, totals: true}}}. */
    private static ReturnSpec returnSpec(Object value, Span span) {
        if (value == null) {
            return ReturnSpec.list();
        }
        if (!(value instanceof Map<?, ?> m)) {
            throw XsError.runtime(span, "return must be an object like {type: \"list\"}");
        }
        String type = m.containsKey("type") ? Values.toText(m.get("type")) : "list";
        if (!Set.of("list", "single", "count", "exists").contains(type)) {
            throw XsError.runtime(span, "return type \"" + type + "\" is not supported by xs (list, single, count or exists)");
        }
        Paging paging = null;
        if (m.get("paging") instanceof Map<?, ?> p) {
            paging = new Paging(whole(p.get("page"), 1), whole(p.get("per_page"), 25), whole(p.get("offset"), 0),
                Values.truthy(p.get("totals")));
            if (paging.page() < 1 || paging.perPage() < 1 || paging.offset() < 0) {
                throw XsError.runtime(span, "paging needs page >= 1, per_page >= 1 and offset >= 0");
            }
        }
        return new ReturnSpec(type, paging);
    }

    private static long whole(Object v, long fallback) {
        Object n = Values.number(v);
        if (v == null || n == null) {
            return fallback;
        }
        return n instanceof Long l ? l : ((BigDecimal) n).longValue();
    }
}
