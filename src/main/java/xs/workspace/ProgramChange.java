package xs.workspace;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import xs.ast.Construct;
import xs.ast.Expr;
import xs.ast.Program;

/**
 * What a reload changed, construct by construct: added, changed (its text differs) and removed,
 * counted per kind, for the one line {@code xs serve --watch} prints. A construct is known by its
 * kind and name, plus for a query its verb and api group (the same path may be served by several
 * groups, its folder's group when it names none).
 * <pre>ProgramChange.between(before, after).summary()   →   "+1 query, ~2 functions, -1 task"</pre>
 */
public record ProgramChange(List<Count> counts) {
    /** How many constructs of a kind were added ({@code +}), changed ({@code ~}) or removed ({@code -}). */
    public record Count(String kind, char sign, int n) {
        String text() {
            return sign + Integer.toString(n) + " " + (n == 1 ? kind.replace('_', ' ') : plural(kind));
        }
    }

    public static ProgramChange between(Program before, Program after) {
        Map<String, List<String>> old = texts(before);
        Map<String, List<String>> now = texts(after);
        Map<String, int[]> byKind = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : now.entrySet()) {
            List<String> was = old.get(e.getKey());
            int[] n = byKind.computeIfAbsent(kindOf(e.getKey()), k -> new int[3]);
            if (was == null) {
                n[0] += e.getValue().size();
            } else if (!was.equals(e.getValue())) {
                n[1] += Math.max(1, Math.min(was.size(), e.getValue().size()));
                n[0] += Math.max(0, e.getValue().size() - was.size());
                n[2] += Math.max(0, was.size() - e.getValue().size());
            }
        }
        for (Map.Entry<String, List<String>> e : old.entrySet()) {
            if (!now.containsKey(e.getKey())) {
                byKind.computeIfAbsent(kindOf(e.getKey()), k -> new int[3])[2] += e.getValue().size();
            }
        }
        List<Count> counts = new ArrayList<>();
        char[] signs = {'+', '~', '-'};
        for (Map.Entry<String, int[]> e : byKind.entrySet()) {
            for (int i = 0; i < 3; i++) {
                if (e.getValue()[i] > 0) {
                    counts.add(new Count(e.getKey(), signs[i], e.getValue()[i]));
                }
            }
        }
        return new ProgramChange(List.copyOf(counts));
    }

    public boolean isEmpty() {
        return counts.isEmpty();
    }

    /** {@code +1 query, ~2 functions, -1 task}, or {@code nothing changed}. */
    public String summary() {
        if (counts.isEmpty()) {
            return "nothing changed";
        }
        return String.join(", ", counts.stream().map(Count::text).toList());
    }

    /** Whether constructs of a kind were added, changed or removed. */
    public boolean touches(String kind) {
        return counts.stream().anyMatch(c -> c.kind().equals(kind));
    }

    /** Each construct's identity to its text (several when a name is declared more than once), in load order. */
    private static Map<String, List<String>> texts(Program program) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Construct c : program.constructs()) {
            out.computeIfAbsent(identity(c), k -> new ArrayList<>()).add(c.span().text());
        }
        return out;
    }

    private static String identity(Construct c) {
        String id = c.kind() + "\u0000" + Objects.toString(c.name(), "");
        if (c.kind().equals("query")) {
            Expr group = c.attribute("api_group").orElse(null);
            id += "\u0000" + Objects.toString(c.verb(), "GET") + "\u0000"
                + (group != null ? group.span().text() : folder(c));
        }
        return id;
    }

    /** A query without api_group belongs to its folder's group. */
    private static String folder(Construct c) {
        try {
            Path parent = Path.of(c.span().source().name()).getParent();
            return parent == null ? "" : parent.toString();
        } catch (RuntimeException e) {
            // A source that is not a file (a test string): no folder.
            return "";
        }
    }

    private static String kindOf(String identity) {
        return identity.substring(0, identity.indexOf('\u0000'));
    }

    private static String plural(String kind) {
        String words = kind.replace('_', ' ');
        if (words.endsWith("y")) {
            return words.substring(0, words.length() - 1) + "ies";
        }
        if (words.endsWith("ch")) {
            return words + "es";
        }
        return words.equals("middleware") ? words : words + "s";
    }
}
