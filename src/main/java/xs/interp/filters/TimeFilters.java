package xs.interp.filters;

/** The time filters of reference §8. */
final class TimeFilters {
    private TimeFilters() {
    }

    static void register(FilterRegistry r) {
    }
}
