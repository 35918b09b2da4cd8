package xs.db;

import java.util.List;

/**
 * One entry of a table's {@code index} list.
 *
 * <pre>{type: "btree|unique", field: [{name: "email"}]}</pre>
 *
 * @param type   primary, btree, btree|unique, gin, search or vector; primary and btree|unique
 *               enforce uniqueness, and primary/btree/btree|unique on one field serve lookups
 * @param fields the indexed column names
 */
public record IndexSchema(String type, List<String> fields) {
    public IndexSchema {
        fields = List.copyOf(fields);
    }

    /** Whether this index rejects two rows with the same key. */
    public boolean unique() {
        return "primary".equals(type) || "btree|unique".equals(type);
    }

    /** Whether this index can answer equality lookups (hash or tree indexes). */
    public boolean lookup() {
        return unique() || "btree".equals(type);
    }
}
