package xs.interp.filters;

/** The array filters of reference §8. */
final class ArrayFilters {
    private ArrayFilters() {
    }

    static void register(FilterRegistry r) {
    }
}
