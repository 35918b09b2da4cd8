package xs.interp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import xs.ast.Construct;
import xs.ast.Program;
import xs.ast.Member;
import xs.ast.Attribute;

/**
 * The declared realtime channels and which one governs a concrete channel name: the exact
 * name wins, then the pattern with the longest literal prefix.
 */
public final class ChannelDirectory {
    private record Entry(ChannelConfig config, Pattern exact, Pattern nested) {
        boolean matches(String channel) {
            return exact.matcher(channel).matches() || (nested != null && nested.matcher(channel).matches());
        }
    }

    private final List<ChannelConfig> channels;
    private final List<Entry> entries = new ArrayList<>();

    public ChannelDirectory(List<ChannelConfig> channels) {
        this.channels = List.copyOf(channels);
        for (ChannelConfig c : channels) {
            entries.add(new Entry(c, ChannelConfig.regex(c.pattern(), false),
                c.nestedChannels() ? ChannelConfig.regex(c.pattern(), true) : null));
        }
    }

    /** Reads every realtime_channel of a program; attribute values are evaluated as constants. */
    public static ChannelDirectory of(Program program) {
        List<ChannelConfig> configs = new ArrayList<>();
        for (Construct c : program.channels()) {
            Map<String, Object> attributes = new LinkedHashMap<>();
            for (Member m : c.members()) {
                if (m instanceof Attribute a && !a.disabled()) {
                    try {
                        attributes.put(a.key(), Constants.evaluate(a.value()));
                    } catch (XsError e) {
                        // A setting that is not a constant (`presence: t/rue`) stays unset; xs check reports it.
                    }
                }
            }
            configs.add(ChannelConfig.of(c.name() == null ? "" : c.name(), attributes));
        }
        return new ChannelDirectory(configs);
    }

    public List<ChannelConfig> all() {
        return channels;
    }

    public boolean isEmpty() {
        return channels.isEmpty();
    }

    public Optional<ChannelConfig> match(String channel) {
        ChannelConfig best = null;
        for (Entry e : entries) {
            ChannelConfig c = e.config();
            if (c.pattern().equals(channel)) {
                return Optional.of(c);
            }
            if (e.matches(channel) && (best == null || c.literalPrefix() > best.literalPrefix())) {
                best = c;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The rule every publish follows: an active channel must match, or the event fails with a
     * clear error, so a typo in a channel name never vanishes silently.
     */
    public ChannelConfig requireActive(String channel) {
        ChannelConfig c = match(channel).orElseThrow(() -> XsError.runtime(null,
            "api.realtime_event: no realtime_channel matches the channel \"" + channel + "\""));
        if (!c.active()) {
            throw XsError.runtime(null, "api.realtime_event: the channel \"" + channel + "\" is inactive (realtime_channel \""
                + c.pattern() + "\" has active = false)");
        }
        return c;
    }

}
