package xs.interp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import xs.ast.ArrayExpr;
import xs.ast.Construct;
import xs.ast.Program;
import xs.ast.DeclBlock;
import xs.ast.Expr;
import xs.ast.InputDecl;
import xs.ast.InputFilter;
import xs.ast.Literal;
import xs.ast.NowExpr;
import xs.db.ColumnSchema;
import xs.db.DefaultValue;
import xs.db.IndexSchema;
import xs.db.TableSchema;

/**
 * Turns {@code table} declarations into the database's schema records, so the database never
 * sees the AST: {@code table user { schema { int id  email email filters=trim|lower } }}.
 */
public final class TableDefinitions {
    private TableDefinitions() {
    }

    public static List<TableSchema> of(Program program) {
        List<TableSchema> out = new ArrayList<>();
        for (Construct table : program.tables()) {
            out.add(schema(table));
        }
        return out;
    }

    /** The schema one {@code table} block declares. */
    public static TableSchema of(Construct table) {
        return schema(table);
    }

    static TableSchema schema(Construct table) {
        List<ColumnSchema> columns = table.schema().map(TableDefinitions::columns).orElse(List.of());
        List<IndexSchema> indexes = new ArrayList<>();
        Object index = table.attribute("index").map(Constants::evaluate).orElse(null);
        if (index instanceof List<?> list) {
            for (Object entry : list) {
                if (entry instanceof Map<?, ?> m) {
                    indexes.add(new IndexSchema(Values.toText(m.get("type")), fields(m.get("field"))));
                }
            }
        }
        List<Map<String, Object>> items = new ArrayList<>();
        Object rows = table.attribute("items").map(Constants::evaluate).orElse(null);
        if (rows instanceof List<?> list) {
            for (Object row : list) {
                if (row instanceof Map<?, ?> m) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> typed = (Map<String, Object>) m;
                    items.add(typed);
                }
            }
        }
        boolean auth = table.attribute("auth").map(Constants::evaluate).map(Values::truthy).orElse(false);
        return new TableSchema(table.name(), columns, indexes, items, auth);
    }

    private static List<String> fields(Object field) {
        List<String> names = new ArrayList<>();
        if (field instanceof List<?> list) {
            for (Object f : list) {
                names.add(f instanceof Map<?, ?> m ? Values.toText(m.get("name")) : Values.toText(f));
            }
        } else if (field != null) {
            names.add(Values.toText(field));
        }
        return names;
    }

    private static List<ColumnSchema> columns(DeclBlock block) {
        List<ColumnSchema> out = new ArrayList<>();
        for (InputDecl d : block.decls()) {
            if (d.disabled() || d.name() == null) {
                continue;
            }
            List<String> filters = new ArrayList<>();
            for (InputFilter f : d.filters()) {
                if (!f.disabled()) {
                    StringBuilder b = new StringBuilder(f.name());
                    for (Object arg : f.args()) {
                        b.append(':').append(arg);
                    }
                    filters.add(b.toString());
                }
            }
            List<String> values = new ArrayList<>();
            if (d.attribute("values").orElse(null) instanceof ArrayExpr a) {
                for (Expr e : a.elements()) {
                    if (e instanceof Literal l && l.value() != null) {
                        values.add(Values.toText(l.value()));
                    }
                }
            }
            List<ColumnSchema> nested = d.schema().map(TableDefinitions::columns).orElse(List.of());
            out.add(new ColumnSchema(d.name(), d.type(), d.array(), d.nullable(), d.optional(),
                defaultValue(d.defaultValue()), filters, values, nested));
        }
        return out;
    }

    private static Object defaultValue(Expr e) {
        if (e instanceof NowExpr) {
            return DefaultValue.NOW;
        }
        if (e instanceof Literal l) {
            return "now".equals(l.value()) && l.bare() ? DefaultValue.NOW : l.value();
        }
        return null;
    }
}
