package xs.check;

import java.util.Map;

/**
 * What to write instead of the names people bring from other languages and ORMs, for the
 * statements, filters and field types Xano does not have: {@code db.insert} is {@code db.add},
 * {@code $list|length} is {@code $list|count}, {@code integer} is {@code int}.
 * <pre>db.insert user { data = {name: "Ann"} }   // error: ... write db.add</pre>
 */
final class LearnerHints {
    private LearnerHints() {
    }

    private static final Map<String, String> STATEMENTS = Map.of(
        "db.insert", ": Xano adds a row with db.add (db.add user { data = {...} } as $user)",
        "db.create", ": Xano adds a row with db.add (db.add user { data = {...} } as $user)",
        "db.update", ": Xano changes a row with db.edit (all fields) or db.patch (the fields given)",
        "db.delete", ": Xano deletes a row with db.del (db.del user { field_name = \"id\"  field_value = $id })",
        "db.get_records", ": Xano lists rows with db.query (db.query user { where = $db.user.age > 18 } as $users)",
        "db.find", ": Xano lists rows with db.query and reads one with db.get",
        "db.rawQuery", ": Xano runs SQL with db.direct_query",
        "db.raw_query", ": Xano runs SQL with db.direct_query",
        "security.hash_password", ": a password field is hashed when it is stored (db.add with the plain text);"
            + " security.check_password compares a text with the stored hash");

    private static final Map<String, String> FILTERS = Map.of(
        "length", ": use count for a list or strlen for a text (length is a database filter, for where and eval)",
        "len", ": use count for a list or strlen for a text",
        "size", ": use count for a list or strlen for a text",
        "typeof", ": test the type with is_text, is_int, is_decimal, is_bool, is_array, is_object or is_null",
        "random", ": XanoScript makes random numbers with the statement security.random_number { min = 0  max = 9 } as $n",
        "default", ": XanoScript has no default filter (use first_notnull:… or the ?? operator)");

    private static final Map<String, String> TYPES = Map.of(
        "integer", "int",
        "number", "int or decimal",
        "float", "decimal",
        "double", "decimal",
        "string", "text",
        "boolean", "bool",
        "datetime", "timestamp");

    /** For an unknown statement: ": Xano adds a row with db.add ...", or null. */
    static String statement(String name) {
        return STATEMENTS.get(name);
    }

    /** For an unknown filter: ": use count for a list ...", or null. */
    static String filter(String name) {
        return FILTERS.get(name);
    }

    /** For an unknown field type: ": write int", or null. */
    static String type(String name) {
        String lower = name.toLowerCase();
        if (!lower.equals(name) && DeclarationCheck.TYPES.contains(lower)) {
            return ": types are lower case: write " + lower;
        }
        String instead = TYPES.get(lower);
        return instead == null ? null : ": Xano writes " + instead;
    }
}
