package xs.interp.filters;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every filter by name, including the deprecated aliases older exports still use
 * ({@code lower} for {@code to_lower}). The checker asks it which names exist.
 */
public final class FilterRegistry {
    private static final FilterRegistry STANDARD = build();

    private final Map<String, Filter> filters = new TreeMap<>();

    /** The full library; immutable once built. */
    public static FilterRegistry standard() {
        return STANDARD;
    }

    private static FilterRegistry build() {
        FilterRegistry r = new FilterRegistry();
        MathFilters.register(r);
        ArrayFilters.register(r);
        TextFilters.register(r);
        ObjectFilters.register(r);
        TypeFilters.register(r);
        TimeFilters.register(r);
        EncodingFilters.register(r);
        SecurityFilters.register(r);
        return r;
    }

    void register(String name, Filter filter) {
        if (filters.putIfAbsent(name, filter) != null) {
            throw new IllegalStateException("filter registered twice: " + name);
        }
    }

    void alias(String alias, String target) {
        Filter f = filters.get(target);
        if (f == null) {
            throw new IllegalStateException("alias " + alias + " of unknown filter " + target);
        }
        register(alias, f);
    }

    public Filter get(String name) {
        return filters.get(name);
    }

    public boolean has(String name) {
        return filters.containsKey(name);
    }

    public Set<String> names() {
        return Collections.unmodifiableSet(filters.keySet());
    }
}
