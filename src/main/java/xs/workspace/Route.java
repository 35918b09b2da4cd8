package xs.workspace;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import xs.ast.Construct;

/**
 * One {@code query} at its URL: the group, the verb, the path split into segments (a
 * {@code {name}} segment binds the input of that name) and the auth table it requires.
 * <pre>query "stage/{stage_id}" verb=GET { api_group = "crm" auth = "user" … }</pre>
 *
 * @param authTable the table named by {@code auth = "…"}, or null for a public query
 * @param middleware what runs around it: its own middleware, else its api group's, else the branch's
 */
public record Route(Construct query, ApiGroup group, String verb, String path, List<Segment> segments,
                    String authTable, Workspace.Chain middleware) {

    /** A path segment: a literal, or a parameter that binds the input {@code name}. */
    public record Segment(String text, boolean parameter) {
        @Override
        public String toString() {
            return parameter ? "{" + text + "}" : text;
        }
    }

    public Route {
        segments = List.copyOf(segments);
    }

    /** The segments of a declared path; leading, trailing and doubled slashes do not count. */
    public static List<Segment> parse(String path) {
        List<Segment> out = new ArrayList<>();
        for (String part : path.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            if (part.length() > 2 && part.startsWith("{") && part.endsWith("}")) {
                out.add(new Segment(part.substring(1, part.length() - 1).trim(), true));
            } else {
                out.add(new Segment(part, false));
            }
        }
        return out;
    }

    /** The path as served, without the group prefix: {@code stage/{stage_id}}. */
    public String normalizedPath() {
        return String.join("/", segments.stream().map(Segment::toString).toList());
    }

    /** The URL of this query relative to the server: {@code /api:CANONICAL/PATH}. */
    public String url() {
        return "/api:" + group.canonical() + "/" + normalizedPath();
    }

    /** Whether a caller must present a token for {@code table} (compared without case). */
    public boolean acceptsTable(String table) {
        return authTable == null || (table != null && authTable.toLowerCase(Locale.ROOT).equals(
            table.toLowerCase(Locale.ROOT)));
    }

    /** The names the parameters bind, in path order. */
    public List<String> parameters() {
        return segments.stream().filter(Segment::parameter).map(Segment::text).toList();
    }
}
