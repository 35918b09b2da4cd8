package xs.check;

import java.util.ArrayList;
import java.util.List;
import xs.ast.Program;
import xs.diag.Diagnostic;

/** Static checks over a whole program: what the grammar accepts but will not run as meant. */
public final class Checker {
    private final Program program;

    public Checker(Program program) {
        this.program = program;
    }

    public List<Diagnostic> check() {
        return new ArrayList<>();
    }
}
