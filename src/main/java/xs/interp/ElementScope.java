package xs.interp;

/**
 * Binds the element variables ($$ and $this, $index, $parent, optionally $result) around one
 * evaluation and puts the previous values back afterwards, so nested higher-order filters and
 * array statements do not disturb each other.
 */
final class ElementScope {
    private ElementScope() {
    }

    static Object eval(Frame f, Eval e, Object element, long index, Object parent) {
        return eval(f, e, element, index, parent, false, null);
    }

    static Object eval(Frame f, Eval e, Object element, long index, Object parent, boolean reduce, Object result) {
        if (f.context.deadline.expired()) {
            throw f.context.deadline.timeout();
        }
        SlotTable t = f.table;
        Object[] s = f.slots;
        Object oldElement = s[t.element];
        Object oldSelf = s[t.self];
        Object oldIndex = s[t.index];
        Object oldParent = s[t.parent];
        Object oldResult = s[t.result];
        s[t.element] = element;
        s[t.self] = element;
        s[t.index] = index;
        s[t.parent] = parent;
        if (reduce) {
            s[t.result] = result;
        }
        try {
            return e.eval(f);
        } finally {
            s[t.element] = oldElement;
            s[t.self] = oldSelf;
            s[t.index] = oldIndex;
            s[t.parent] = oldParent;
            s[t.result] = oldResult;
        }
    }
}
