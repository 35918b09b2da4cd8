package xs.db;

import java.util.List;

/**
 * One column of a {@code table} schema, as declared in XanoScript.
 *
 * <pre>email email filters=trim|lower</pre>
 *
 * @param name         column name
 * @param type         XanoScript type name: int, decimal, text, bool, timestamp, date, email,
 *                     password, uuid, json, enum, object, vector, file types, geo_* types
 * @param array        {@code true} for {@code type[]} columns
 * @param nullable     {@code true} for {@code type? name}
 * @param optional     {@code true} for {@code type name?}
 * @param defaultValue default used when a write omits the column; may be {@link DefaultValue#NOW}
 * @param filters      input filters such as "trim", "lower", "upper", "max:10"; only the text
 *                     transforms trim, lower and upper change stored values
 * @param enumValues   allowed values of an {@code enum} column
 * @param objectSchema nested columns of an {@code object} column
 */
public record ColumnSchema(String name, String type, boolean array, boolean nullable, boolean optional,
                           Object defaultValue, List<String> filters, List<String> enumValues,
                           List<ColumnSchema> objectSchema) {
    public ColumnSchema {
        filters = filters == null ? List.of() : List.copyOf(filters);
        enumValues = enumValues == null ? List.of() : List.copyOf(enumValues);
        objectSchema = objectSchema == null ? List.of() : List.copyOf(objectSchema);
    }

    /** A plain column of the given type: not an array, nullable, optional, no default or filters. */
    public static ColumnSchema of(String name, String type) {
        return new ColumnSchema(name, type, false, true, true, null, List.of(), List.of(), List.of());
    }
}
