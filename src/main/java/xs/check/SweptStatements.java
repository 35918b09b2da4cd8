package xs.check;

import java.util.Set;

/**
 * Statements whose attribute list in {@link xs.interp.StatementRegistry} is complete: compared
 * with the attributes Xano's engine accepts for them, and swept over real exported workspaces
 * without one false finding ({@code bench/exports/sweep.sh}). An unknown attribute of one of
 * these is an error ({@code db.query note { wher = … }} would return every row); of any other
 * statement it stays a warning until its list has passed the same sweep and joins this set.
 */
final class SweptStatements {
    private SweptStatements() {
    }

    static final Set<String> NAMES = Set.of(
        "api.realtime_event",
        "array.difference", "array.every", "array.filter", "array.filter_count", "array.find", "array.find_index",
        "array.group_by", "array.has", "array.intersection", "array.map", "array.merge", "array.partition",
        "array.pop", "array.push", "array.shift", "array.union", "array.unshift",
        "db.add", "db.add_or_edit", "db.bulk.add", "db.bulk.delete", "db.bulk.patch", "db.bulk.update", "db.del",
        "db.edit", "db.get", "db.has", "db.patch", "db.query", "db.transaction", "db.truncate",
        "debug.log", "debug.stop",
        "expect.to_be_defined", "expect.to_be_empty", "expect.to_be_false", "expect.to_be_greater_than",
        "expect.to_be_less_than", "expect.to_be_null", "expect.to_be_true", "expect.to_be_within",
        "expect.to_contain", "expect.to_end_with", "expect.to_equal", "expect.to_match", "expect.to_not_be_defined",
        "expect.to_not_be_null", "expect.to_not_equal", "expect.to_start_with", "expect.to_throw",
        "function.run",
        "math.add", "math.bitwise.and", "math.bitwise.or", "math.bitwise.xor", "math.div", "math.mod", "math.mul",
        "math.sub",
        "object.entries", "object.keys", "object.values",
        "precondition", "return", "security.create_uuid",
        "text.append", "text.contains", "text.ends_with", "text.icontains", "text.iends_with", "text.istarts_with",
        "text.ltrim", "text.prepend", "text.rtrim", "text.starts_with", "text.trim",
        "throw", "util.get_all_input", "util.get_env", "util.get_vars", "util.sleep", "var", "var.update");
}
