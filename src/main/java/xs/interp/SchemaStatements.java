package xs.interp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import xs.ast.GenericStmt;
import xs.ast.Literal;
import xs.db.ColumnSchema;
import xs.db.DefaultValue;
import xs.db.TableSchema;
import xs.source.Span;

/**
 * {@code db.schema}: a table's fields as data, one object per field in declaration order
 * ({@code name, type, style, nullable, required, default}, with {@code values} for enums and
 * {@code children} for objects); {@code path} picks one field, dotted into object fields.
 * <pre>db.schema user { path = "status" } as $status_field</pre>
 */
final class SchemaStatements {
    private SchemaStatements() {
    }

    static void register(StatementRegistry r) {
        r.add("db.schema", Set.of("path"), Set.of(), SchemaStatements::schema);
    }

    private static Exec schema(GenericStmt s, Compilation c) {
        if (!(s.argument() instanceof Literal l) || !(l.value() instanceof String table)) {
            throw XsError.runtime(s.nameSpan(), "db.schema needs a table name, as in: db.schema user as $fields");
        }
        Eval path = c.attr(s, "path", null);
        Span span = s.span();
        return CoreStatements.produce(s, c, f -> {
            TableSchema schema = f.context.database().schema(table).orElseThrow(
                () -> XsError.runtime(span, "db.schema: no table named \"" + table + "\""));
            List<Object> fields = fields(schema.columns());
            Object p = path.eval(f);
            if (p == null || "".equals(p)) {
                return fields;
            }
            Object at = fields;
            for (String name : Values.toText(p).split("\\.")) {
                at = field(at, name);
                if (at == null) {
                    throw XsError.runtime(span, "db.schema: the table \"" + table + "\" has no field \"" + p + "\"");
                }
            }
            return at;
        });
    }

    private static Object field(Object at, String name) {
        Object list = at instanceof Map<?, ?> m ? m.get("children") : at;
        if (list instanceof List<?> l) {
            for (Object o : l) {
                if (o instanceof Map<?, ?> field && name.equals(field.get("name"))) {
                    return field;
                }
            }
        }
        return null;
    }

    private static List<Object> fields(List<ColumnSchema> columns) {
        List<Object> out = new ArrayList<>();
        for (ColumnSchema col : columns) {
            Map<String, Object> field = new LinkedHashMap<>();
            field.put("name", col.name());
            field.put("type", col.type());
            field.put("style", col.array() ? "list" : "single");
            field.put("nullable", col.nullable());
            field.put("required", !col.optional());
            Object d = col.defaultValue();
            field.put("default", d == DefaultValue.NOW ? "now" : d == null ? "" : Values.normalize(d));
            if (!col.enumValues().isEmpty()) {
                field.put("values", new ArrayList<Object>(col.enumValues()));
            }
            if (!col.objectSchema().isEmpty()) {
                field.put("children", fields(col.objectSchema()));
            }
            out.add(field);
        }
        return out;
    }
}
