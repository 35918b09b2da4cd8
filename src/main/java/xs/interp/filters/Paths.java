package xs.interp.filters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import xs.interp.Values;

/**
 * Dot-separated paths inside values, as {@code get}, {@code set}, {@code has}, {@code unset},
 * {@code sort} and friends take them: {@code $order|get:"items.0.price"}. A numeric segment
 * indexes an array; any other segment names an object key. The empty path is the value itself.
 * Writes copy every container on the way down and share the rest, so the input never changes.
 */
final class Paths {
    /** Stands for "nothing at this path", which differs from a null stored there. */
    static final Object MISSING = new Object();

    private Paths() {
    }

    static String[] split(String path) {
        return path.isEmpty() ? new String[0] : path.split("\\.", -1);
    }

    /** The value at the path, or {@link #MISSING}. */
    static Object find(Object root, String path) {
        Object at = root;
        for (String segment : split(path)) {
            at = child(at, segment);
            if (at == MISSING) {
                return MISSING;
            }
        }
        return at;
    }

    /** The value at the path; null when nothing is there. */
    static Object get(Object root, String path) {
        Object v = find(root, path);
        return v == MISSING ? null : v;
    }

    private static Object child(Object container, String segment) {
        if (container instanceof Map<?, ?> m) {
            return m.containsKey(segment) ? m.get(segment) : MISSING;
        }
        if (container instanceof List<?> l) {
            int i = index(segment);
            return i >= 0 && i < l.size() ? l.get(i) : MISSING;
        }
        return MISSING;
    }

    /** The segment as an array index, or -1 when it is not a plain non-negative number. */
    static int index(String segment) {
        if (segment.isEmpty() || segment.length() > 9) {
            return -1;
        }
        for (int i = 0; i < segment.length(); i++) {
            if (!Character.isDigit(segment.charAt(i))) {
                return -1;
            }
        }
        return Integer.parseInt(segment);
    }

    /**
     * A copy of root with value stored at the path. Missing objects on the way are created; a
     * scalar in the way is replaced by an object. An array index may address an existing
     * element or the position just past the end (append).
     */
    static Object set(FilterCall c, Object root, String path, Object value) {
        return setAt(c, root, split(path), 0, value);
    }

    private static Object setAt(FilterCall c, Object node, String[] segments, int depth, Object value) {
        if (depth == segments.length) {
            return value;
        }
        String segment = segments[depth];
        if (node instanceof List<?> l) {
            int i = index(segment);
            if (i < 0 || i > l.size()) {
                throw c.error("cannot set \"" + segment + "\" in an array of " + l.size() + " elements");
            }
            List<Object> copy = new ArrayList<>(l);
            Object old = i < l.size() ? l.get(i) : null;
            Object updated = setAt(c, old, segments, depth + 1, value);
            if (i == l.size()) {
                copy.add(updated);
            } else {
                copy.set(i, updated);
            }
            return copy;
        }
        LinkedHashMap<String, Object> copy = node instanceof Map<?, ?> m ? copyOf(m) : Values.object();
        copy.put(segment, setAt(c, copy.get(segment), segments, depth + 1, value));
        return copy;
    }

    /** A copy of root without whatever is at the path; array elements after it move up. */
    static Object unset(Object root, String path) {
        String[] segments = split(path);
        return segments.length == 0 ? root : unsetAt(root, segments, 0);
    }

    private static Object unsetAt(Object node, String[] segments, int depth) {
        String segment = segments[depth];
        boolean last = depth == segments.length - 1;
        if (node instanceof Map<?, ?> m) {
            if (!m.containsKey(segment)) {
                return node;
            }
            LinkedHashMap<String, Object> copy = copyOf(m);
            if (last) {
                copy.remove(segment);
            } else {
                copy.put(segment, unsetAt(copy.get(segment), segments, depth + 1));
            }
            return copy;
        }
        if (node instanceof List<?> l) {
            int i = index(segment);
            if (i < 0 || i >= l.size()) {
                return node;
            }
            List<Object> copy = new ArrayList<>(l);
            if (last) {
                copy.remove(i);
            } else {
                copy.set(i, unsetAt(copy.get(i), segments, depth + 1));
            }
            return copy;
        }
        return node;
    }

    static LinkedHashMap<String, Object> copyOf(Map<?, ?> m) {
        LinkedHashMap<String, Object> copy = new LinkedHashMap<>(Math.max(4, m.size() * 2));
        for (Map.Entry<?, ?> e : m.entrySet()) {
            copy.put((String) e.getKey(), e.getValue());
        }
        return copy;
    }
}
