package xs.interp.filters;

/** The encoding filters of reference §8. */
final class EncodingFilters {
    private EncodingFilters() {
    }

    static void register(FilterRegistry r) {
    }
}
