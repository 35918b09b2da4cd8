package xs.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import xs.ast.Construct;
import xs.ast.Program;
import xs.diag.Code;
import xs.diag.Diagnostic;

/**
 * Static checks over a whole program: what the grammar accepts but would not run as meant.
 * Each check is its own class; this one runs them and checks names across files.
 */
public final class Checker {
    /** Construct kinds of the real engine; others get a warning (a typo is likely). */
    static final Set<String> KNOWN_KINDS = Set.of("function", "query", "table", "api_group", "addon", "task",
        "table_trigger", "middleware", "realtime_channel", "realtime_trigger", "workspace", "workspace_trigger",
        "agent_trigger", "mcp_server_trigger", "error_trigger", "realtime_server", "channel", "channel_trigger",
        "realtime_server_trigger", "message", "tool", "agent", "mcp_server", "workflow_test", "branch",
        "market_item", "microservice", "test");

    private final Program program;

    public Checker(Program program) {
        this.program = program;
    }

    public List<Diagnostic> check() {
        List<Diagnostic> out = new ArrayList<>();
        duplicates(out);
        ChannelCheck channels = new ChannelCheck(program);
        for (Construct c : program.constructs()) {
            if (!KNOWN_KINDS.contains(c.kind())) {
                String suggestion = Suggest.didYouMean(c.kind(), KNOWN_KINDS);
                out.add(Diagnostic.warning(Code.XS0219, c.kindSpan(), "unknown construct '" + c.kind() + "'"
                    + (suggestion.isEmpty() ? ": xs knows function, query, table, realtime_channel, realtime_trigger,"
                    + " task and the other Xano kinds" : suggestion)));
            }
            Regions regions = new Regions(c);
            new DeclarationCheck(c).run(out);
            new VariableCheck(c, regions).run(out);
            new ReferenceCheck(program, channels, c, regions).run(out);
            channels.construct(c, out);
        }
        return out;
    }

    private void duplicates(List<Diagnostic> out) {
        Map<String, Construct> seen = new HashMap<>();
        for (Construct c : program.constructs()) {
            if (c.name() == null) {
                continue;
            }
            String key = c.kind() + " " + c.name() + (c.verb() == null ? "" : " " + c.verb());
            Construct first = seen.putIfAbsent(key, c);
            if (first != null) {
                out.add(Diagnostic.error(Code.XS0207, c.nameSpan(), c.title() + " is declared twice (first at "
                    + first.span() + ")"));
            }
        }
    }
}
