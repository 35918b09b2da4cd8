package xs.realtime;

import java.util.ArrayList;
import java.util.List;
import xs.interp.ChannelConfig;

/**
 * The rules of each client request on a channel (protocol §2–§4): who may join, leave, send and
 * read history, what is refused with which code, and what is published. Runs on the channel's
 * lane, so the checks and the changes they guard happen without interference.
 * <pre>{"action":"join","options":{"channel":"room:1"},"payload":{"presence":true,"history":true}}</pre>
 */
final class ChannelRequests {
    private final Broker broker;
    private final HubStats stats;
    private volatile TriggerRunner triggers = TriggerRunner.NONE;

    ChannelRequests(Broker broker, HubStats stats) {
        this.broker = broker;
        this.stats = stats;
    }

    void useTriggers(TriggerRunner triggers) {
        this.triggers = triggers;
    }

    void join(Connection c, Request r, ChannelState s) {
        ChannelConfig cfg = s.config;
        ClientInfo client = c.client();
        if (!cfg.active()) {
            throw new Refusal("channel_inactive", s.name, "the channel \"" + s.name + "\" is inactive");
        }
        if (client.anonymous() && !cfg.anonymousClients()) {
            throw new Refusal("auth_required", s.name, "the channel \"" + s.name + "\" does not admit anonymous clients");
        }
        ChannelState.Member sub = s.members.get(client.socketId());
        boolean first = sub == null;
        if (first) {
            if (!c.isOpen()) {
                return;
            }
            triggers.join(s.name, cfg, r, client);
            sub = new ChannelState.Member(c);
            s.members.put(client.socketId(), sub);
            c.channels().add(s.name);
            broker.roster().add(s.name, client);
            stats.channelJoined(s.name);
        }
        sub.presence = r.payloadFlag("presence");
        c.send(Frames.join(s.name, client));
        if (sub.presence && cfg.presence()) {
            c.send(Frames.presenceFull(s.name, broker.roster().members(s.name)));
        }
        if (r.payloadFlag("history")) {
            c.send(Frames.history(s.name, visibleHistory(s.name, client)));
        }
        if (first && cfg.presence()) {
            broker.publish(new Delivery(s.name, Delivery.Audience.PRESENCE_WATCHERS, client.socketId(),
                Frames.presenceUpdate(s.name, "join", client)));
        }
        if (first && !c.isOpen()) {
            // The socket closed while the join ran: its release may have missed this channel.
            leave(c, s, false);
        }
    }

    void leave(Connection c, ChannelState s, boolean asked) {
        ClientInfo client = c.client();
        if (s.members.remove(client.socketId()) == null) {
            if (asked) {
                throw new Refusal("not_joined", s.name, "not a member of \"" + s.name + "\"");
            }
            return;
        }
        c.channels().remove(s.name);
        broker.roster().remove(s.name, client.socketId());
        if (s.config.presence()) {
            broker.publish(new Delivery(s.name, Delivery.Audience.PRESENCE_WATCHERS, client.socketId(),
                Frames.presenceUpdate(s.name, "leave", client)));
        }
    }

    void message(Connection c, Request r, ChannelState s) {
        ChannelConfig cfg = s.config;
        ClientInfo sender = c.client();
        if (!cfg.active()) {
            throw new Refusal("channel_inactive", s.name, "the channel \"" + s.name + "\" is inactive");
        }
        if (!s.members.containsKey(sender.socketId())) {
            throw new Refusal("not_joined", s.name, "join \"" + s.name + "\" before sending to it");
        }
        if (sender.anonymous()) {
            throw new Refusal("auth_required", s.name, "anonymous clients may receive but not send");
        }
        String target = r.target();
        if (target != null) {
            if (!cfg.privateMessaging()) {
                throw new Refusal("messaging_disabled", s.name, "private messaging is off on \"" + s.name + "\"");
            }
            if (broker.roster().find(s.name, target).isEmpty()) {
                throw new Refusal("target_not_found", s.name, "no member of \"" + s.name + "\" has the socketId \""
                    + target + "\"");
            }
        } else {
            if (!cfg.publicMessaging()) {
                throw new Refusal("messaging_disabled", s.name, "public messaging is off on \"" + s.name + "\"");
            }
            if (r.flag("authenticated") && !cfg.authChannel()) {
                throw new Refusal("messaging_disabled", s.name, "authenticated messaging is off on \"" + s.name
                    + "\" (settings.auth_channel)");
            }
        }
        if (!triggers.message(s.name, cfg, r, sender)) {
            return;
        }
        WireFrame frame = Frames.message(s.name, r, sender);
        stats.message();
        if (target != null) {
            broker.publish(new Delivery(s.name, Delivery.Audience.ONE, target, frame));
            return;
        }
        boolean authenticatedOnly = r.flag("authenticated");
        broker.publish(new Delivery(s.name, authenticatedOnly ? Delivery.Audience.AUTHENTICATED : Delivery.Audience.ALL,
            null, frame), new HistoryStore.Entry(frame, authenticatedOnly), cfg.messageHistory());
    }

    void history(Connection c, ChannelState s) {
        if (!s.members.containsKey(c.client().socketId())) {
            throw new Refusal("not_joined", s.name, "join \"" + s.name + "\" before asking for its history");
        }
        c.send(Frames.history(s.name, visibleHistory(s.name, c.client())));
    }

    private List<WireFrame> visibleHistory(String channel, ClientInfo client) {
        List<WireFrame> frames = new ArrayList<>();
        for (HistoryStore.Entry e : broker.history().read(channel)) {
            if (!e.authenticatedOnly() || !client.anonymous()) {
                frames.add(e.frame());
            }
        }
        return frames;
    }

}
