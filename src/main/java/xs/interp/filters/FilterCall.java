package xs.interp.filters;

import xs.interp.XsError;

/**
 * One application of a filter, as the filter sees it. Arguments are evaluated only when asked
 * for, so higher-order filters ({@code map:$$.total}) can instead evaluate an argument once per
 * element with {@code $$}, {@code $index}, {@code $parent} (and {@code $result}) bound.
 */
public interface FilterCall {
    /** The filter's name as written, e.g. "map". */
    String name();

    /** The value left of the {@code |}; null for a subject-less filter such as {@code (|uuid)}. */
    Object subject();

    int argCount();

    boolean hasArg(int i);

    /** Argument i, evaluated once; null when absent. */
    Object arg(int i);

    /** Argument i, or the fallback when it was not written. */
    default Object arg(int i, Object fallback) {
        return hasArg(i) ? arg(i) : fallback;
    }

    /** True when argument i is written as a constant ({@code "rating"}, {@code 3}), not an expression. */
    boolean argIsConstant(int i);

    /** Evaluates argument i with {@code $$}/{@code $this} = element, {@code $index}, {@code $parent}. */
    Object eachArg(int i, Object element, long index, Object parent);

    /** Like {@link #eachArg} with {@code $result} bound too, for reduce. */
    Object reduceArg(int i, Object element, long index, Object parent, Object result);

    /**
     * Runs JavaScript as {@code api.lambda} runs it (globals {@code $input}, {@code $var},
     * {@code $env}, {@code $auth}), for the {@code lambda_*} filters: what the code returned.
     * The first {@code linesBefore} lines are the filter's own, not counted in error lines.
     */
    default Object javascript(String code, int linesBefore) {
        throw error("it runs JavaScript, and no JavaScript runtime is set up here");
    }

    /** The current time in epoch milliseconds, as {@code now} gives it in this run. */
    long now();

    /** An error positioned at this filter: "filter 'x': message". */
    default XsError error(String message) {
        return XsError.runtime(null, "filter '" + name() + "': " + message);
    }
}
