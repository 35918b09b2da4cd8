package xs.interp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import xs.source.Span;

/**
 * A place a statement writes to: {@code $x}, {@code $x.a.b} or {@code $x.items[0]}. Writing
 * below the root copies the containers along the path first (Xano values behave like values:
 * another variable holding the same object must not change).
 */
final class Target {
    /** One step of the path: a field name, or an index computed at run time. */
    record Step(String name, Eval index) {
    }

    private final int slot;
    private final String variable;
    private final List<Step> steps;
    private final Span span;
    private final Eval transform;
    private final int transformSlot;

    Target(int slot, String variable, List<Step> steps, Span span) {
        this(slot, variable, steps, span, null, -1);
    }

    private Target(int slot, String variable, List<Step> steps, Span span, Eval transform, int transformSlot) {
        this.slot = slot;
        this.variable = variable;
        this.steps = List.copyOf(steps);
        this.span = span;
        this.transform = transform;
        this.transformSlot = transformSlot;
    }

    /** The same target with filters applied to each value before it is stored ({@code as $x|get:"id"}). */
    Target filtered(Eval filters, int resultSlot) {
        return new Target(slot, variable, steps, span, filters, resultSlot);
    }

    private Object transformed(Frame f, Object value) {
        if (transform == null) {
            return value;
        }
        f.set(transformSlot, value);
        return transform.eval(f);
    }

    String variable() {
        return variable;
    }

    boolean isRoot() {
        return steps.isEmpty();
    }

    Span span() {
        return span;
    }

    int slot() {
        return slot;
    }

    /** The current value at the path (null when any part is missing). */
    Object read(Frame f) {
        Object v = f.isSet(slot) ? f.slots[slot] : null;
        for (Step s : steps) {
            v = s.name != null ? ExprCompiler.member(v, s.name) : ExprCompiler.index(v, s.index.eval(f));
        }
        return v;
    }

    void write(Frame f, Object input) {
        Object value = transformed(f, input);
        if (steps.isEmpty()) {
            f.set(slot, value);
            return;
        }
        Object root = f.isSet(slot) ? f.slots[slot] : null;
        Object[] keys = new Object[steps.size()];
        for (int i = 0; i < keys.length; i++) {
            Step s = steps.get(i);
            keys[i] = s.name != null ? s.name : s.index.eval(f);
        }
        f.setOwned(slot, writePath(root, keys, 0, value));
    }

    /** Writes a value that only this frame holds (a fresh copy), keeping in-place mutation cheap later. */
    void writeOwned(Frame f, Object value) {
        if (steps.isEmpty() && transform == null) {
            f.setOwned(slot, value);
        } else {
            write(f, value);
        }
    }

    /** True when the root holds a container no other variable shares, so it may be changed in place. */
    boolean ownsRoot(Frame f) {
        return steps.isEmpty() && f.owned[slot];
    }

    private Object writePath(Object container, Object[] keys, int at, Object value) {
        Object key = keys[at];
        boolean last = at == keys.length - 1;
        if (container instanceof List<?> list && Values.number(key) instanceof Long index) {
            List<Object> copy = new ArrayList<>(list);
            int i = (int) (index < 0 ? copy.size() + index : index);
            if (i < 0 || i > copy.size() + 10_000) {
                throw XsError.runtime(span, "index " + index + " is out of range for an array of " + list.size());
            }
            while (copy.size() <= i) {
                copy.add(null);
            }
            copy.set(i, last ? value : writePath(copy.get(i), keys, at + 1, value));
            return copy;
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        if (container instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                copy.put(String.valueOf(e.getKey()), e.getValue());
            }
        } else if (container != null && !(container instanceof String s && s.isEmpty())) {
            throw XsError.runtime(span, "cannot set '" + key + "' inside " + Values.typeName(container) + " $" + variable);
        }
        String name = Values.toText(key);
        copy.put(name, last ? value : writePath(copy.get(name), keys, at + 1, value));
        return copy;
    }
}
