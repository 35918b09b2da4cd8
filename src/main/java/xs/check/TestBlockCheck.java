package xs.check;

import java.util.List;
import java.util.Set;
import xs.ast.Attribute;
import xs.ast.Construct;
import xs.ast.Members;
import xs.ast.GenericStmt;
import xs.diag.Code;
import xs.diag.Diagnostic;
import xs.diag.Suggest;

/**
 * Checks the settings of unit tests ({@code test "adds" { input = {a: 1} expect.to_equal … }}):
 * Xano's engine takes only {@code description}, {@code datasource} and {@code input} there and
 * refuses anything else, so a misspelled {@code inptu} is an error rather than a test that
 * silently runs without its input.
 */
final class TestBlockCheck {
    static final Set<String> ATTRIBUTES = Set.of("description", "datasource", "input");

    private final Construct construct;

    TestBlockCheck(Construct construct) {
        this.construct = construct;
    }

    void run(List<Diagnostic> out) {
        for (GenericStmt test : construct.subBlocks("test")) {
            for (Attribute a : Members.attributes(test.members())) {
                if (!ATTRIBUTES.contains(a.key()) && !a.disabled()) {
                    String hint = Suggest.didYouMean(a.key(), ATTRIBUTES);
                    out.add(Diagnostic.error(Code.XS0214, a.keySpan(), "a test has no attribute '" + a.key() + "'"
                        + (hint.isEmpty() ? ": a test takes input, datasource and description, then expect.* statements"
                        : hint)));
                }
            }
        }
    }
}
