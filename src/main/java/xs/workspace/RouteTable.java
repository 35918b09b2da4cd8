package xs.workspace;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every served query by URL, built once per load: a tree of path segments per canonical
 * (literal children by text, one parameter child), with the routes of each verb at its nodes.
 * A request walks it once; a literal wins over a parameter at the same place.
 * <pre>RouteTable.Match m = table.match("Ab12Cd34", "GET", List.of("stage", "7"));   // binds stage_id = "7"</pre>
 */
public final class RouteTable {
    /** A route that answers a request, with the values its {@code {param}} segments bound. */
    public record Match(Route route, Map<String, String> parameters) {
    }

    private static final class Node {
        final Map<String, Node> literals = new HashMap<>();
        Node parameter;
        final Map<String, Route> byVerb = new HashMap<>();
    }

    private final Map<String, Node> roots = new HashMap<>();

    /** Adds a route; the caller has refused collisions already (see {@link Workspace}). */
    void add(Route route) {
        Node node = roots.computeIfAbsent(route.group().canonical(), c -> new Node());
        for (Route.Segment s : route.segments()) {
            if (s.parameter()) {
                if (node.parameter == null) {
                    node.parameter = new Node();
                }
                node = node.parameter;
            } else {
                node = node.literals.computeIfAbsent(s.text(), t -> new Node());
            }
        }
        node.byVerb.putIfAbsent(route.verb(), route);
    }

    /** Whether any group is served under this canonical. */
    public boolean serves(String canonical) {
        return roots.containsKey(canonical);
    }

    /** The route for a verb and decoded path segments under a canonical, or null. */
    public Match match(String canonical, String verb, List<String> segments) {
        Node root = roots.get(canonical);
        if (root == null) {
            return null;
        }
        Route route = walk(root, segments, 0, verb);
        if (route == null) {
            return null;
        }
        Map<String, String> bound = new LinkedHashMap<>();
        List<Route.Segment> declared = route.segments();
        for (int i = 0; i < declared.size(); i++) {
            if (declared.get(i).parameter()) {
                bound.put(declared.get(i).text(), segments.get(i));
            }
        }
        return new Match(route, bound);
    }

    private static Route walk(Node node, List<String> segments, int at, String verb) {
        if (at == segments.size()) {
            return node.byVerb.get(verb);
        }
        Node literal = node.literals.get(segments.get(at));
        if (literal != null) {
            Route r = walk(literal, segments, at + 1, verb);
            if (r != null) {
                return r;
            }
        }
        return node.parameter == null ? null : walk(node.parameter, segments, at + 1, verb);
    }
}
