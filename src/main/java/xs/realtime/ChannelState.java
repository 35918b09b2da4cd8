package xs.realtime;

import java.util.HashMap;
import java.util.Map;
import xs.interp.ChannelConfig;

/**
 * One concrete channel ({@code room:7}) that has members on this node: the realtime_channel
 * that governs it, its lane, and its local members. The members map is touched by the lane only.
 */
final class ChannelState {
    /** A local member, and whether it asked for presence updates. */
    static final class Member {
        final Connection connection;
        boolean presence;

        Member(Connection connection) {
            this.connection = connection;
        }
    }

    final String name;
    /** Set again on the lane when a reload changes the channel's declaration. */
    volatile ChannelConfig config;
    final ChannelLane lane;
    final Map<String, Member> members = new HashMap<>();

    ChannelState(String name, ChannelConfig config, ChannelLane lane) {
        this.name = name;
        this.config = config;
        this.lane = lane;
    }
}
