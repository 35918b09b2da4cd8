package xs.interp;

import java.util.Set;

/** Variable names the runtime owns: scripts read them but never assign them. */
public final class Reserved {
    private static final Set<String> NAMES = Set.of("input", "auth", "env", "db", "$", "this", "output");

    private Reserved() {
    }

    public static boolean isReserved(String name) {
        return NAMES.contains(name);
    }

    /** Variables the runtime sets without a script assigning them (never "unassigned"). */
    public static boolean isProvided(String name) {
        return NAMES.contains(name) || Set.of("index", "parent", "result", "error", "response", "channel",
            xs.ast.VarExpr.STATEMENT_RESULT, "")
            .contains(name);
    }
}
