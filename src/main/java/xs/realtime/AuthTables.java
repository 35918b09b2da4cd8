package xs.realtime;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import xs.ast.Construct;
import xs.ast.Program;

/**
 * The {@code dbo_id} of an auth table in frames: its position among the loaded {@code table}
 * declarations, counting from 1; 1 for a table that is not declared (protocol §1).
 * <pre>table user {…}  table room {…}   →  dbo_id of "room" is 2</pre>
 */
public final class AuthTables {
    private final Map<String, Integer> positions = new HashMap<>();

    public AuthTables(List<String> tableNames) {
        for (int i = 0; i < tableNames.size(); i++) {
            positions.putIfAbsent(tableNames.get(i), i + 1);
        }
    }

    public static AuthTables of(Program program) {
        return new AuthTables(program.tables().stream().map(Construct::name).toList());
    }

    public int dboId(String table) {
        return table == null ? 1 : positions.getOrDefault(table, 1);
    }
}
