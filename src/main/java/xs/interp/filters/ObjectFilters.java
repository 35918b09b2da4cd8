package xs.interp.filters;

/** The object filters of reference §8. */
final class ObjectFilters {
    private ObjectFilters() {
    }

    static void register(FilterRegistry r) {
    }
}
