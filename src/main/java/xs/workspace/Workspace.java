package xs.workspace;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import xs.ast.Construct;
import xs.ast.Expr;
import xs.ast.Program;
import xs.diag.Code;
import xs.diag.Diagnostic;
import xs.interp.Constants;
import xs.source.Span;

/**
 * A loaded Xano workspace as the server sees it, built once per load: its api groups, the route
 * table of every query, the branch (name and middleware lists from {@code branch.xs}), the
 * middleware a query, api group, function, task or tool sets for itself (it replaces what it would
 * inherit, as in Xano), and the problems found while building them (two queries at one URL and
 * verb is an error, as Xano refuses to save it).
 * <pre>Workspace ws = Workspace.of(program);  ws.routes().match("Ab12Cd34", "GET", List.of("stage"))</pre>
 */
public final class Workspace {
    /** The middleware run around one kind of call ({@code query}, {@code function}, …), in order. */
    public record Chain(List<Middleware> pre, List<Middleware> post) {
        public static final Chain NONE = new Chain(List.of(), List.of());

        public boolean isEmpty() {
            return pre.isEmpty() && post.isEmpty();
        }
    }

    private final Program program;
    private final Map<String, ApiGroup> groups = new LinkedHashMap<>();
    private final List<Route> routes = new ArrayList<>();
    private final RouteTable table = new RouteTable();
    private final Map<String, Chain> chains = new LinkedHashMap<>();
    /** The chains functions, tasks and tools set for themselves: kind, then name. */
    private final Map<String, Map<String, Chain>> own = new LinkedHashMap<>();
    private final Map<String, Chain> groupChains = new LinkedHashMap<>();
    private final List<Diagnostic> problems = new ArrayList<>();
    private String branch = "v1";

    private Workspace(Program program) {
        this.program = program;
    }

    public static Workspace of(Program program) {
        Workspace ws = new Workspace(program);
        ws.readGroups();
        ws.readBranch();
        ws.readRoutes();
        ws.readOwn();
        return ws;
    }

    public Program program() {
        return program;
    }

    public Collection<ApiGroup> groups() {
        return groups.values();
    }

    public Optional<ApiGroup> group(String name) {
        return Optional.ofNullable(groups.get(name));
    }

    /** The group served under a canonical, or by its name when the name is what the caller gave. */
    public Optional<ApiGroup> groupByCanonical(String canonical) {
        return groups.values().stream().filter(g -> g.canonical().equals(canonical)).findFirst();
    }

    /** Every served query, in load order. */
    public List<Route> routes() {
        return List.copyOf(routes);
    }

    public RouteTable table() {
        return table;
    }

    /** The branch's name ({@code branch.xs}; "v1" when there is none). */
    public String branch() {
        return branch;
    }

    /** The branch's middleware for calls of a kind: {@code query}, {@code function}, {@code task}, {@code tool}. */
    public Chain chain(String kind) {
        return chains.getOrDefault(kind, Chain.NONE);
    }

    /**
     * The middleware around the function, task or tool {@code name}: its own {@code middleware}
     * when it sets one, else the branch's for its kind.
     */
    public Chain chain(String kind, String name) {
        if (!own.isEmpty()) {
            Map<String, Chain> byName = own.get(kind);
            Chain c = byName == null ? null : byName.get(name);
            if (c != null) {
                return c;
            }
        }
        return chain(kind);
    }

    /** Errors (route collisions) and warnings (a copied query, a query without a group) found while loading. */
    public List<Diagnostic> problems() {
        return List.copyOf(problems);
    }

    private void readGroups() {
        for (Construct c : program.all("api_group")) {
            String name = c.name() == null ? "" : c.name();
            Object canonical = constant(c.attribute("canonical").orElse(null));
            Object active = constant(c.attribute("active").orElse(null));
            String served = canonical instanceof String s && !s.isBlank() ? s.trim() : name;
            groups.put(name, new ApiGroup(name, served, !Boolean.FALSE.equals(active), c));
            Chain set = ownChain(c);
            if (set != null) {
                groupChains.put(name, set);
            }
        }
    }

    private void readRoutes() {
        Map<String, List<Route>> byCanonical = new LinkedHashMap<>();
        for (Construct q : program.constructs()) {
            if (!q.kind().equals("query")) {
                continue;
            }
            Object groupName = constant(q.attribute("api_group").orElse(null));
            ApiGroup group = groupName instanceof String s ? groups.computeIfAbsent(s, n -> new ApiGroup(n, n, true, null))
                : folderGroup(q);
            if (group == null) {
                problems.add(Diagnostic.warning(Code.XS0222, q.nameSpan() != null ? q.nameSpan() : q.span(),
                    "query \"" + q.name() + "\" names no api_group and no api_group block sits in its folder: "
                        + "it is not served (add api_group = \"NAME\")"));
                continue;
            }
            if (!group.active()) {
                continue;
            }
            String verb = q.verb() == null ? "GET" : q.verb().toUpperCase(Locale.ROOT);
            Object auth = constant(q.attribute("auth").orElse(null));
            String path = q.name() == null ? "" : q.name();
            Chain set = ownChain(q);
            set = set != null ? set : groupChains.getOrDefault(group.name(), chain("query"));
            Route route = new Route(q, group, verb, path, Route.parse(path),
                auth instanceof String a && !a.isBlank() ? a : null, set);
            List<Route> sameGroup = byCanonical.computeIfAbsent(group.canonical(), k -> new ArrayList<>());
            Route other = sameGroup.stream().filter(r -> collide(r, route)).findFirst().orElse(null);
            if (other != null) {
                // The same query twice (a folder holding an export and a copy of it) serves the first;
                // two different queries at one URL and verb is what Xano refuses to save.
                boolean copy = other.query().span().text().equals(q.span().text());
                String message = "query \"" + path + "\" verb=" + verb + (copy ? " is a copy of" : " collides with")
                    + " query \"" + other.path() + "\" verb=" + verb + " at " + other.query().span() + ": both answer "
                    + route.url() + (copy ? "; the first is served"
                        : " (Xano refuses to save this); rename one path or change its verb");
                Span at = q.nameSpan() != null ? q.nameSpan() : q.span();
                problems.add(copy ? Diagnostic.warning(Code.XS0222, at, message) : Diagnostic.error(Code.XS0222, at, message));
                continue;
            }
            sameGroup.add(route);
            routes.add(route);
            table.add(route);
        }
    }

    /**
     * Two routes of one group have the same verb and shape: the same literals, parameters at the
     * same places (their names may differ). A literal beside a parameter ({@code fees/search} and
     * {@code fees/{id}}) is no collision: real exports have it, and the literal wins.
     */
    private static boolean collide(Route a, Route b) {
        if (!a.verb().equals(b.verb()) || a.segments().size() != b.segments().size()) {
            return false;
        }
        for (int i = 0; i < a.segments().size(); i++) {
            Route.Segment x = a.segments().get(i);
            Route.Segment y = b.segments().get(i);
            if (x.parameter() != y.parameter() || (!x.parameter() && !x.text().equals(y.text()))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The group of a query that names none: the {@code api_group} block in its folder or the
     * nearest folder above (exports put a group's queries in the group's folder), or null.
     */
    private ApiGroup folderGroup(Construct query) {
        Path folder = folderOf(query);
        ApiGroup best = null;
        int depth = -1;
        for (ApiGroup g : groups.values()) {
            if (g.declaration() == null) {
                continue;
            }
            Path home = folderOf(g.declaration());
            if (folder != null && home != null && folder.startsWith(home) && home.getNameCount() > depth) {
                best = g;
                depth = home.getNameCount();
            }
        }
        return best;
    }

    private static Path folderOf(Construct c) {
        try {
            Path file = Path.of(c.span().source().name()).toAbsolutePath().normalize();
            return file.getParent();
        } catch (RuntimeException e) {
            // A source that is not a file (a test string): no folder.
            return null;
        }
    }

    private void readBranch() {
        Construct b = program.all("branch").stream().findFirst().orElse(null);
        if (b == null) {
            return;
        }
        if (b.name() != null && !b.name().isBlank()) {
            branch = b.name();
        }
        Object middleware = constant(b.attribute("middleware").orElse(null));
        if (!(middleware instanceof Map<?, ?> kinds)) {
            return;
        }
        for (Map.Entry<?, ?> kind : kinds.entrySet()) {
            if (kind.getValue() instanceof Map<?, ?> lists) {
                chains.put(String.valueOf(kind.getKey()), new Chain(middlewares(lists.get("pre")),
                    middlewares(lists.get("post"))));
            }
        }
    }

    /** The chains functions, tasks and tools set for themselves. */
    private void readOwn() {
        for (Construct c : program.constructs()) {
            if (c.kind().equals("function") || c.kind().equals("task") || c.kind().equals("tool")) {
                Chain set = ownChain(c);
                if (set != null && c.name() != null) {
                    own.computeIfAbsent(c.kind(), k -> new LinkedHashMap<>()).put(c.name(), set);
                }
            }
        }
    }

    /**
     * The chain a construct sets with {@code middleware = {pre: [{name: "x"}], post: [...]}}, or
     * null when it sets none. Setting one replaces the whole inherited chain: Xano's docs say a
     * workflow without customizations inherits from its group or the workspace, so one with them
     * does not (a list it leaves out is empty).
     */
    private Chain ownChain(Construct c) {
        Expr written = c.attribute("middleware").orElse(null);
        if (!(constant(written) instanceof Map<?, ?> lists)) {
            return null;
        }
        return new Chain(middlewares(lists.get("pre")), middlewares(lists.get("post")));
    }

    /**
     * The middleware blocks a list names: {@code "name"} or {@code {name: "name"}}. An empty name
     * is a slot left unset in Xano's editor and is skipped; a name no block declares is not run
     * ({@code xs check} warns of it, and every command that serves or runs says how many warnings).
     */
    private List<Middleware> middlewares(Object entries) {
        List<Middleware> out = new ArrayList<>();
        if (!(entries instanceof List<?> list)) {
            return out;
        }
        for (Object entry : list) {
            Object name = entry instanceof Map<?, ?> m ? m.get("name") : entry;
            if (name == null || (name instanceof String n && n.isBlank())) {
                continue;
            }
            Construct block = name instanceof String n ? program.find("middleware", n).orElse(null) : null;
            if (block == null) {
                continue;
            }
            out.add(new Middleware((String) name, block,
                Middleware.strategy(constant(block.attribute("response_strategy").orElse(null))),
                Middleware.policy(constant(block.attribute("exception_policy").orElse(null)))));
        }
        return out;
    }

    private static Object constant(Expr e) {
        if (e == null) {
            return null;
        }
        try {
            return Constants.evaluate(e);
        } catch (RuntimeException notConstant) {
            // An attribute that reads a variable has no value before a run: treat it as absent.
            return null;
        }
    }
}
