package xs.interp.filters;

/** The security filters of reference §8. */
final class SecurityFilters {
    private SecurityFilters() {
    }

    static void register(FilterRegistry r) {
    }
}
