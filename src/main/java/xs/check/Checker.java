package xs.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import xs.ast.Construct;
import xs.ast.Literal;
import xs.ast.Program;
import xs.diag.Code;
import xs.diag.Diagnostic;
import xs.diag.Suggest;

/**
 * Static checks over a whole program: what the grammar accepts but would not run as meant.
 * Each check is its own class; this one runs them and checks names across files.
 */
public final class Checker {
    /**
     * Construct kinds of the real engine (its {@code core/*} kinds) and {@code test}. Anything
     * else is a typo Xano would refuse to save: {@code functoin "x" {}}.
     */
    static final Set<String> KNOWN_KINDS = Set.of("function", "query", "table", "api_group", "addon", "task",
        "table_trigger", "middleware", "realtime_channel", "realtime_trigger", "workspace", "workspace_trigger",
        "agent_trigger", "mcp_server_trigger", "error_trigger", "realtime_server", "channel", "channel_trigger",
        "realtime_server_trigger", "message", "tool", "agent", "mcp_server", "workflow_test", "branch",
        "market_item", "microservice", "run.job", "run.service", "test");

    private final Program program;

    public Checker(Program program) {
        this.program = program;
    }

    public List<Diagnostic> check() {
        List<Diagnostic> out = new ArrayList<>();
        duplicates(out);
        ChannelCheck channels = new ChannelCheck(program);
        MiddlewareCheck middleware = new MiddlewareCheck(program);
        for (Construct c : program.constructs()) {
            if (!KNOWN_KINDS.contains(c.kind())) {
                String suggestion = Suggest.didYouMean(c.kind(), KNOWN_KINDS);
                out.add(Diagnostic.error(Code.XS0219, c.kindSpan(), "unknown construct '" + c.kind() + "'"
                    + (suggestion.isEmpty() ? ": Xano knows function, query, table, api_group, task, middleware,"
                    + " addon, tool, realtime_channel, realtime_trigger, table_trigger, workflow_test and the other"
                    + " kinds of its engine" : suggestion)));
            } else if (c.name() == null) {
                out.add(Diagnostic.error(Code.XS0220, c.kindSpan(), c.kind() + " needs a name: " + c.kind()
                    + " \"name\" {"));
            }
            Regions regions = new Regions(c);
            new DeclarationCheck(c).run(out);
            new VariableCheck(c, regions, Set.of()).run(out);
            new ReferenceCheck(program, channels, c, regions).run(out);
            new TestBlockCheck(c).run(out);
            new AddonCheck(c, regions).run(out);
            channels.construct(c, out);
            middleware.construct(c, out);
        }
        return out;
    }

    /**
     * The checks that apply to a few statements or an expression typed at {@code xs repl}:
     * names of statements, filters and attributes, and variables, where {@code defined} are the
     * variables earlier entries set.
     */
    public static List<Diagnostic> snippet(Construct snippet, Set<String> defined) {
        List<Diagnostic> out = new ArrayList<>();
        Program alone = new Program(List.of());
        Regions regions = new Regions(snippet);
        new DeclarationCheck(snippet).run(out);
        new VariableCheck(snippet, regions, defined).run(out);
        new ReferenceCheck(alone, new ChannelCheck(alone), snippet, regions).run(out);
        return out;
    }

    private void duplicates(List<Diagnostic> out) {
        Map<String, Construct> seen = new HashMap<>();
        for (Construct c : program.constructs()) {
            if (c.name() == null || c.kind().equals("realtime_trigger")) {
                // Realtime triggers are Xano's by id: several of one name all run (Program.triggers).
                continue;
            }
            Construct first = seen.putIfAbsent(identity(c), c);
            if (first == null) {
                continue;
            }
            if (first.span().source() == c.span().source()) {
                out.add(Diagnostic.error(Code.XS0207, c.nameSpan(), c.title() + " is declared twice (first at "
                    + first.span() + ")"));
            } else {
                // Exported repositories often hold a workspace twice (a backup, a multidoc copy
                // beside the pulled folders); each file is one Xano saved, so this is no error.
                out.add(Diagnostic.warning(Code.XS0207, c.nameSpan(), c.title() + " is also declared at "
                    + first.span() + ": xs uses that one and ignores this (is one of the files a copy?)"));
            }
        }
    }

    /**
     * What makes a construct one of its kind: its name, and for a query its api group and verb
     * too (Xano serves {@code query countries verb=GET} in the groups "candidates" and
     * "prospects" as two endpoints).
     */
    private static String identity(Construct c) {
        String key = c.kind() + " " + c.name() + (c.verb() == null ? "" : " " + c.verb().toUpperCase());
        if (c.kind().equals("query")) {
            key += " in " + apiGroup(c);
        }
        return key;
    }

    /**
     * A query's api group: its {@code api_group} attribute or, in exports that leave it out, the
     * folder the export put it in ({@code apis/v_2/195_jobs_pipeline_GET.xs} is in group v_2).
     */
    static String apiGroup(Construct query) {
        Optional<String> named = query.attribute("api_group")
            .filter(v -> v instanceof Literal l && l.value() instanceof String)
            .map(v -> ((String) ((Literal) v).value()).toLowerCase());
        if (named.isPresent()) {
            return named.get();
        }
        String[] parts = query.span().source().name().replace('\\', '/').split("/");
        for (int i = parts.length - 3; i >= 0; i--) {
            if (parts[i].equals("api") || parts[i].equals("apis")) {
                return parts[i + 1].toLowerCase();
            }
        }
        return "";
    }
}
