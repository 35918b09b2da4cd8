package xs.realtime;

import java.util.List;
import java.util.Optional;

/**
 * Who is in each concrete channel, across every node: what {@code presence_full} lists and
 * what a private message's {@code socketId} is looked up in. Calls for one channel come from
 * that channel's lane, so they are never concurrent with each other.
 * <pre>roster.add("room:1", client)  →  true the first time only</pre>
 */
public interface Roster {
    /** Adds a member; false when it was already there (a repeated join). */
    boolean add(String channel, ClientInfo client);

    /** Removes a member; false when it was not there. */
    boolean remove(String channel, String socketId);

    /** Every member, in the order they joined. */
    List<ClientInfo> members(String channel);

    Optional<ClientInfo> find(String channel, String socketId);
}
