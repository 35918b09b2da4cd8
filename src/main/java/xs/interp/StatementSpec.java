package xs.interp;

import java.util.Set;

/**
 * What the runtime knows about one statement: its name, the attributes it accepts and needs,
 * whether it produces a value for {@code as}, and how to compile it.
 */
public record StatementSpec(String name, Set<String> attributes, Set<String> required, StatementCompiler compiler) {
    /** Attributes every statement accepts. */
    static final Set<String> COMMON = Set.of("description", "disabled", "mock");

    public boolean accepts(String attribute) {
        return attributes.contains(attribute) || COMMON.contains(attribute) || attributes.contains("*");
    }
}
