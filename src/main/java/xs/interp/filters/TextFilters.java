package xs.interp.filters;

/** The text filters of reference §8. */
final class TextFilters {
    private TextFilters() {
    }

    static void register(FilterRegistry r) {
    }
}
