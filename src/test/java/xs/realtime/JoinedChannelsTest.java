package xs.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JoinedChannelsTest {

    @Test
    void keepsWhatWasJoinedAndNotLeftAcrossTheSwitchToAHashSet() {
        JoinedChannels joined = new JoinedChannels();
        assertEquals(List.of(), joined.snapshot());
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            joined.add("room:" + i);
            expected.add("room:" + i);
            if (i % 3 == 0) {
                joined.remove("room:" + (i / 2));
                expected.remove("room:" + (i / 2));
            }
            assertEquals(expected, new HashSet<>(joined.snapshot()), "after " + (i + 1) + " joins");
            assertEquals(expected.size(), joined.snapshot().size());
        }
        for (String ch : new ArrayList<>(expected)) {
            joined.remove(ch);
        }
        assertEquals(List.of(), joined.snapshot());
    }

    @Test
    void aFewChannelsJoinedAndLeftInAnyOrder() {
        JoinedChannels joined = new JoinedChannels();
        joined.add("a");
        joined.add("b");
        joined.add("c");
        joined.remove("b");
        joined.remove("missing");
        assertEquals(Set.of("a", "c"), new HashSet<>(joined.snapshot()));
        joined.remove("a");
        joined.remove("c");
        assertEquals(List.of(), joined.snapshot());
        joined.add("d");
        assertEquals(List.of("d"), joined.snapshot());
    }
}
