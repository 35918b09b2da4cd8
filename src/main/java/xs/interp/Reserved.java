package xs.interp;

import java.util.Set;

/** Variable names the runtime owns: scripts read them but never assign them. */
public final class Reserved {
    /** Not $output: real exports assign it ({@code var $output {…}}); it means the row only inside an addon. */
    private static final Set<String> NAMES = Set.of("input", "auth", "env", "db", "$", "this");

    private Reserved() {
    }

    public static boolean isReserved(String name) {
        return NAMES.contains(name);
    }

    /** Variables the runtime sets without a script assigning them (never "unassigned"). */
    public static boolean isProvided(String name) {
        return NAMES.contains(name) || Set.of("index", "parent", "result", "error", "response", "channel", "output",
            xs.ast.VarExpr.STATEMENT_RESULT, "")
            .contains(name);
    }
}
