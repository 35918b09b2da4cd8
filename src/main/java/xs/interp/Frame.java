package xs.interp;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The variables of one running construct (a function call, trigger or test). XanoScript has no
 * block scoping, so every variable name of a construct gets one slot for the whole call.
 */
public final class Frame {
    /** Marks a slot that was never assigned: reads see null, util.get_vars skips it. */
    static final Object UNSET = new Object() {
        @Override
        public String toString() {
            return "<unset>";
        }
    };

    final Object[] slots;
    /** Slots whose container value this frame alone holds, so mutating statements may skip the copy. */
    final boolean[] owned;
    final SlotTable table;
    final Object input;
    final Object auth;
    final RunContext context;
    Object returned;

    Frame(SlotTable table, Object input, Object auth, RunContext context) {
        this.table = table;
        this.slots = new Object[table.size()];
        this.owned = new boolean[table.size()];
        java.util.Arrays.fill(slots, UNSET);
        this.input = input;
        this.auth = auth;
        this.context = context;
    }

    Object get(int slot) {
        Object v = slots[slot];
        if (v == UNSET) {
            return null;
        }
        owned[slot] = false;
        return v;
    }

    void set(int slot, Object value) {
        slots[slot] = value;
        owned[slot] = false;
    }

    /** Stores a value no one else holds (a fresh copy), so later in-place mutation is safe. */
    void setOwned(int slot, Object value) {
        slots[slot] = value;
        owned[slot] = true;
    }

    boolean isSet(int slot) {
        return slots[slot] != UNSET;
    }

    /**
     * A copy of this frame's variables for another run ({@code util.post_process}): neither frame
     * may change a container value in place afterwards, so each keeps what it sees.
     */
    Frame rebind(RunContext other) {
        Frame copy = new Frame(table, input, auth, other);
        System.arraycopy(slots, 0, copy.slots, 0, slots.length);
        java.util.Arrays.fill(owned, false);
        copy.returned = returned;
        return copy;
    }

    public RunContext context() {
        return context;
    }

    public Object input() {
        return input;
    }

    public Object auth() {
        return auth;
    }

    /** Every assigned variable by name, for util.get_vars. */
    Map<String, Object> variables() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < slots.length; i++) {
            if (slots[i] != UNSET && table.isUserVariable(i)) {
                out.put(table.name(i), slots[i]);
                owned[i] = false;
            }
        }
        return out;
    }
}
