package xs.interp;

import xs.interp.filters.FilterCall;

/**
 * A filter applied to values a statement has already evaluated, so a statement can share a
 * filter's work: {@code security.jws_encode} is the {@code jws_encode} filter with its
 * attributes as arguments. Errors name the statement, not the filter.
 */
final class ValueCall implements FilterCall {
    private final String statement;
    private final Object subject;
    private final Object[] args;
    private final long now;

    ValueCall(String statement, Object subject, long now, Object... args) {
        this.statement = statement;
        this.subject = subject;
        this.args = args;
        this.now = now;
    }

    @Override
    public String name() {
        return statement;
    }

    @Override
    public Object subject() {
        return subject;
    }

    @Override
    public int argCount() {
        return args.length;
    }

    @Override
    public boolean hasArg(int i) {
        return i >= 0 && i < args.length;
    }

    @Override
    public Object arg(int i) {
        return hasArg(i) ? args[i] : null;
    }

    @Override
    public boolean argIsConstant(int i) {
        return true;
    }

    @Override
    public Object eachArg(int i, Object element, long index, Object parent) {
        return arg(i);
    }

    @Override
    public Object reduceArg(int i, Object element, long index, Object parent, Object result) {
        return arg(i);
    }

    @Override
    public long now() {
        return now;
    }

    @Override
    public XsError error(String message) {
        return XsError.runtime(null, statement + ": " + message);
    }
}
