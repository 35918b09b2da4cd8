package xs.workspace;

import xs.ast.Construct;

/**
 * An {@code api_group} as the server sees it: the name queries use in {@code api_group = "…"},
 * the canonical that appears in URLs, and whether it is served at all.
 * <pre>api_group shop { canonical = "Ab12Cd34" }   →   /api:Ab12Cd34/...</pre>
 *
 * @param declaration the {@code api_group} block, or null for a group that queries name but no block declares
 */
public record ApiGroup(String name, String canonical, boolean active, Construct declaration) {
}
