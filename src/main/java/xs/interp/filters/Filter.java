package xs.interp.filters;

/**
 * How one filter computes its value: {@code $list|join:","} calls the "join" filter with the
 * list as subject and "," as argument. Implementations live in one class per family.
 */
@FunctionalInterface
public interface Filter {
    Object apply(FilterCall call);
}
