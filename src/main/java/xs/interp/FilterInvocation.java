package xs.interp;

import xs.interp.filters.FilterCall;

/**
 * One filter application inside a running frame. Arguments are evaluated on demand; for
 * higher-order filters an argument is evaluated once per element with the element variables
 * bound, then the previous bindings are put back so nested filters do not disturb each other.
 */
final class FilterInvocation implements FilterCall {
    private static final Object NOT_YET = new Object();

    private final String name;
    private final Object subject;
    private final Eval[] args;
    private final boolean[] constant;
    private final Frame frame;
    private Object[] values;

    FilterInvocation(String name, Object subject, Eval[] args, boolean[] constant, Frame frame) {
        this.name = name;
        this.subject = subject;
        this.args = args;
        this.constant = constant;
        this.frame = frame;
    }

    @Override
    public String name() {
        return name;
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
        if (!hasArg(i)) {
            return null;
        }
        if (values == null) {
            values = new Object[args.length];
            java.util.Arrays.fill(values, NOT_YET);
        }
        if (values[i] == NOT_YET) {
            values[i] = args[i].eval(frame);
        }
        return values[i];
    }

    @Override
    public boolean argIsConstant(int i) {
        return hasArg(i) && constant[i];
    }

    @Override
    public Object eachArg(int i, Object element, long index, Object parent) {
        return withElement(i, element, index, parent, false, null);
    }

    @Override
    public Object reduceArg(int i, Object element, long index, Object parent, Object result) {
        return withElement(i, element, index, parent, true, result);
    }

    private Object withElement(int i, Object element, long index, Object parent, boolean reduce, Object result) {
        if (!hasArg(i)) {
            return null;
        }
        return ElementScope.eval(frame, args[i], element, index, parent, reduce, result);
    }

    @Override
    public Object javascript(String code, int linesBefore) {
        return LambdaStatements.forFilter(frame, code, name, linesBefore);
    }

    @Override
    public long now() {
        return frame.context.now();
    }
}
