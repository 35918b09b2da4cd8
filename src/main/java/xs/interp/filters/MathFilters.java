package xs.interp.filters;

/** The math filters of reference §8. */
final class MathFilters {
    private MathFilters() {
    }

    static void register(FilterRegistry r) {
    }
}
