package xs.interp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Variable names of one construct mapped to frame slots, fixed at compile time. The element
 * variables of higher-order filters ($$, $this, $index, $parent, $result) have slots too, so
 * nested filters save and restore them like any variable.
 */
final class SlotTable {
    static final String ELEMENT = "$";
    private static final Set<String> LAMBDA = Set.of(ELEMENT, "this", "index", "parent", "result");

    private final Map<String, Integer> slots = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    final int element;
    final int self;
    final int index;
    final int parent;
    final int result;

    SlotTable() {
        element = slot(ELEMENT);
        self = slot("this");
        index = slot("index");
        parent = slot("parent");
        result = slot("result");
    }

    int slot(String name) {
        Integer s = slots.get(name);
        if (s != null) {
            return s;
        }
        int n = names.size();
        names.add(name);
        slots.put(name, n);
        return n;
    }

    boolean has(String name) {
        return slots.containsKey(name);
    }

    int size() {
        return names.size();
    }

    String name(int slot) {
        return names.get(slot);
    }

    boolean isUserVariable(int slot) {
        return !LAMBDA.contains(names.get(slot));
    }
}
