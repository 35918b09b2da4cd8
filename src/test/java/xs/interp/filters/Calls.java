package xs.interp.filters;

import java.util.Arrays;
import java.util.List;
import xs.interp.Values;

/**
 * Calls filters directly in unit tests. Plain argument values are constants; an argument given
 * as an {@link Each} or {@link Reduce} lambda stands for an expression using $$ (and $result).
 * <pre>Calls.apply("map", List.of(1L, 2L), (Calls.Each) (el, i, p) -&gt; (Long) el * 2)</pre>
 */
final class Calls {
    static final long NOW = 1_700_000_000_000L;

    interface Each {
        Object apply(Object element, long index, Object parent);
    }

    interface Reduce {
        Object apply(Object element, long index, Object parent, Object result);
    }

    private Calls() {
    }

    /** Applies a standard filter; subject and plain arguments are normalised like script values. */
    static Object apply(String name, Object subject, Object... args) {
        Filter f = FilterRegistry.standard().get(name);
        if (f == null) {
            throw new AssertionError("no filter named " + name);
        }
        return f.apply(call(name, Values.normalize(subject), args));
    }

    static FilterCall call(String name, Object subject, Object... args) {
        // A single null argument arrives as a null array through varargs.
        List<Object> list = args == null ? Arrays.asList((Object) null) : Arrays.asList(args);
        return new FilterCall() {
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
                return list.size();
            }

            @Override
            public boolean hasArg(int i) {
                return i < list.size();
            }

            @Override
            public Object arg(int i) {
                if (i >= list.size()) {
                    return null;
                }
                Object a = list.get(i);
                if (a instanceof Each || a instanceof Reduce) {
                    throw new AssertionError("argument " + i + " is a lambda; the filter must evaluate it per element");
                }
                return Values.normalize(a);
            }

            @Override
            public boolean argIsConstant(int i) {
                return i < list.size() && !(list.get(i) instanceof Each) && !(list.get(i) instanceof Reduce);
            }

            @Override
            public Object eachArg(int i, Object element, long index, Object parent) {
                Object a = list.get(i);
                if (a instanceof Each e) {
                    return Values.normalize(e.apply(element, index, parent));
                }
                return arg(i);
            }

            @Override
            public Object reduceArg(int i, Object element, long index, Object parent, Object result) {
                Object a = list.get(i);
                if (a instanceof Reduce r) {
                    return Values.normalize(r.apply(element, index, parent, result));
                }
                return eachArg(i, element, index, parent);
            }

            @Override
            public long now() {
                return NOW;
            }
        };
    }
}
