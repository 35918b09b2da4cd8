package xs.interp.filters;

/** The type filters of reference §8. */
final class TypeFilters {
    private TypeFilters() {
    }

    static void register(FilterRegistry r) {
    }
}
