package xs.realtime;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.xnio.StreamConnection;
import xs.interp.ChannelConfig;
import xs.interp.ChannelDirectory;
import xs.interp.Identity;
import xs.interp.Interpreter;
import xs.interp.RealtimeEvent;
import xs.interp.RealtimeSink;
import xs.source.DeepStacks;

/**
 * The realtime hub: channel membership, presence, history, triggers and fan-out, following
 * {@code realtime-protocol.md}. Connections hand it decoded requests from their I/O threads; it
 * runs each on the lane of the request's channel (one task at a time per channel, on a worker
 * pool), publishes what it accepts through the {@link Broker}, and fans deliveries out to this
 * node's members. It is also the {@link RealtimeSink} that {@code api.realtime_event} publishes to.
 * <pre>api.realtime_event { channel = "room:" ~ $input.room_id  event = "new_message"  data = $message }</pre>
 */
public final class Hub implements AutoCloseable {
    /** The channel whose lane the current thread is running, for events a trigger emits. */
    private static final ThreadLocal<ChannelState> IN_LANE = new ThreadLocal<>();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HubConfig config;
    // Replaced whole by a reload (xs serve --watch); each request reads them once.
    private volatile ChannelDirectory directory;
    private volatile AuthTables authTables;
    private final Broker broker;
    private final PrintStream log;
    private final ExecutorService workers;
    private final ScheduledExecutorService timer;
    private final Map<String, ChannelState> channels = new ConcurrentHashMap<>();
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final HubStats stats = new HubStats();
    private final ChannelRequests requests;
    private volatile boolean accepting = true;

    public Hub(HubConfig config, ChannelDirectory directory, AuthTables authTables, Broker broker, PrintStream log) {
        this.config = config;
        this.directory = directory;
        this.authTables = authTables;
        this.broker = broker;
        this.log = log;
        this.workers = Executors.newFixedThreadPool(config.workerThreads(), DeepStacks.factory("xs-hub"));
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "xs-hub-timer");
            t.setDaemon(true);
            return t;
        });
        this.requests = new ChannelRequests(broker, stats);
        broker.listen(this::deliver);
        broker.listenRepairs(this::repaired);
        broker.listenStalePresence(this::refreshPresence);
        timer.scheduleAtFixedRate(this::heartbeat, config.pingMillis(), config.pingMillis(), TimeUnit.MILLISECONDS);
    }

    /** Lets realtime_triggers run: the interpreter exists only after the sink it publishes to. */
    public void attach(Interpreter interpreter) {
        requests.useTriggers(TriggerRunner.of(interpreter, log));
    }

    /**
     * Takes a reloaded program's channels, auth tables and triggers: connections, their joined
     * channels, presence and history stay; each channel in use takes its new settings on its
     * lane, after the work queued before the reload. A channel whose declaration is gone keeps
     * its members and old settings until they leave; new joins to it are refused.
     */
    public void reload(ChannelDirectory declared, AuthTables tables, Interpreter interpreter) {
        directory = declared;
        authTables = tables;
        attach(interpreter);
        for (ChannelState s : channels.values()) {
            declared.match(s.name).ifPresent(cfg -> onLane(s.name, cfg, state -> state.config = cfg));
        }
    }

    public HubConfig config() {
        return config;
    }

    public HubStats stats() {
        return stats;
    }

    /** Where {@code api.realtime_event} delivers under {@code xs serve}. */
    public RealtimeSink sink() {
        return this::publishEvent;
    }

    // ---- connections ----

    /** Takes over an upgraded socket (on its I/O thread) for a client with a checked identity. */
    public Connection open(StreamConnection stream, Tokens.Verified verified) {
        Identity identity = verified == null ? Identity.ANONYMOUS : verified.identity();
        ClientInfo client = ClientInfo.of(newSocketId(), identity, authTables.dboId(identity.table()));
        Connection c = new Connection(this, stream, client);
        connections.add(c);
        stats.opened();
        c.start();
        if (!accepting) {
            c.closeWith(1012);
        } else if (verified != null && verified.expiresAtMillis() > 0) {
            long delay = Math.max(0, verified.expiresAtMillis() - System.currentTimeMillis());
            try {
                c.expireAt(timer.schedule(() -> c.closeWith(4001), delay, TimeUnit.MILLISECONDS));
            } catch (RejectedExecutionException e) {
                c.closeWith(1012);
            }
        }
        return c;
    }

    /** 18 random bytes: 24 url-safe characters nobody can guess. */
    private static String newSocketId() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The connection stopped being usable: leave its channels (presence leave, exactly once each). */
    void released(Connection c) {
        for (String channel : c.channels().snapshot()) {
            ChannelConfig cfg = configOf(channel);
            if (cfg != null) {
                onLane(channel, cfg, s -> requests.leave(c, s, false));
            }
        }
    }

    /** The socket is closed. */
    void closed(Connection c) {
        if (connections.remove(c)) {
            stats.closed();
        }
    }

    public int openConnections() {
        return connections.size();
    }

    private void heartbeat() {
        long now = System.currentTimeMillis();
        for (Connection c : connections) {
            c.heartbeat(now);
        }
    }

    // ---- requests (decoded on I/O threads, run on lanes) ----

    void received(Connection c, byte[] text) {
        Request r;
        try {
            r = RequestReader.read(text);
        } catch (Refusal refusal) {
            c.send(refusal.frame());
            return;
        }
        ChannelConfig cfg = directory.match(r.channel()).orElse(null);
        if (cfg == null) {
            c.send(Frames.error(r.channel(), "channel_not_found", "no realtime_channel matches \"" + r.channel() + "\""));
            return;
        }
        c.requestStarted();
        onLane(r.channel(), cfg, s -> {
            try {
                switch (r.action()) {
                    case "join" -> requests.join(c, r, s);
                    case "leave" -> requests.leave(c, s, true);
                    case "message" -> requests.message(c, r, s);
                    default -> requests.history(c, s);
                }
            } catch (Refusal refusal) {
                c.send(refusal.frame());
            } finally {
                c.requestDone();
            }
        });
    }

    // ---- events from scripts ----

    private void publishEvent(RealtimeEvent e) {
        ChannelConfig cfg = directory.requireActive(e.channel());
        int dbo = 0;
        Object row = null;
        if (e.authTable() != null || (e.authId() != null && !"".equals(e.authId()))) {
            dbo = authTables.dboId(e.authTable());
            row = new Identity(e.authId() == null ? "0" : String.valueOf(e.authId()), null, null).id();
        }
        WireFrame frame = Frames.event(e.channel(), e.event(), e.data(), dbo, row);
        stats.event();
        Consumer<ChannelState> publish = s -> {
            broker.publish(new Delivery(s.name, Delivery.Audience.ALL, null, frame), new HistoryStore.Entry(frame, false),
                cfg.messageHistory());
        };
        ChannelState here = IN_LANE.get();
        if (here != null && here.name.equals(e.channel())) {
            // Emitted by a trigger of this very channel: deliver now, ahead of the message that caused it.
            publish.accept(here);
        } else {
            onLane(e.channel(), cfg, publish);
        }
    }

    /**
     * A member of another node is gone with its node, or a member of this node is back for the
     * other nodes (they took this one for dead): the channel's presence watchers hear of it.
     */
    private void repaired(String channel, ClientInfo client, String action) {
        ChannelConfig cfg = configOf(channel);
        if (cfg != null && cfg.presence()) {
            onLane(channel, cfg, s -> broker.publish(new Delivery(channel, Delivery.Audience.PRESENCE_WATCHERS,
                client.socketId(), Frames.presenceUpdate(channel, action, client))));
        }
    }

    /** The channel's presence watchers on this node get the whole member list again. */
    private void refreshPresence(String channel) {
        ChannelConfig cfg = configOf(channel);
        if (cfg != null && cfg.presence()) {
            onLane(channel, cfg, s -> {
                WireFrame full = null;
                for (ChannelState.Member m : s.members.values()) {
                    if (m.presence) {
                        if (full == null) {
                            full = Frames.presenceFull(channel, broker.roster().members(channel));
                        }
                        m.connection.send(full);
                    }
                }
            });
        }
    }

    // ---- fan-out ----

    private void deliver(Delivery d) {
        ChannelState here = IN_LANE.get();
        if (here != null && here.name.equals(d.channel())) {
            fanOut(here, d);
            return;
        }
        ChannelConfig cfg = configOf(d.channel());
        if (cfg != null) {
            onLane(d.channel(), cfg, s -> fanOut(s, d));
        }
    }

    private void fanOut(ChannelState s, Delivery d) {
        int sent = 0;
        switch (d.audience()) {
            case ONE -> {
                ChannelState.Member sub = s.members.get(d.socketId());
                if (sub != null) {
                    sub.connection.send(d.frame());
                    sent = 1;
                }
            }
            case ALL -> {
                for (ChannelState.Member sub : s.members.values()) {
                    sub.connection.send(d.frame());
                }
                sent = s.members.size();
            }
            case AUTHENTICATED -> {
                for (ChannelState.Member sub : s.members.values()) {
                    if (!sub.connection.client().anonymous()) {
                        sub.connection.send(d.frame());
                        sent++;
                    }
                }
            }
            case PRESENCE_WATCHERS -> {
                for (ChannelState.Member sub : s.members.values()) {
                    if (sub.presence && !sub.connection.client().socketId().equals(d.socketId())) {
                        sub.connection.send(d.frame());
                        sent++;
                    }
                }
            }
        }
        stats.delivered(sent);
    }

    // ---- lanes ----

    /**
     * The settings of a channel for work on members already there: the declaration that matches
     * it, else (its declaration was removed by a reload) the settings its members joined under.
     */
    private ChannelConfig configOf(String channel) {
        ChannelConfig cfg = directory.match(channel).orElse(null);
        if (cfg == null) {
            ChannelState s = channels.get(channel);
            cfg = s == null ? null : s.config;
        }
        return cfg;
    }

    private void onLane(String channel, ChannelConfig cfg, Consumer<ChannelState> task) {
        channels.compute(channel, (name, existing) -> {
            ChannelState s = existing != null ? existing : newChannel(name, cfg);
            s.lane.submit(() -> {
                IN_LANE.set(s);
                try {
                    task.accept(s);
                } finally {
                    IN_LANE.remove();
                }
            });
            return s;
        });
    }

    private ChannelState newChannel(String name, ChannelConfig cfg) {
        ChannelState[] made = new ChannelState[1];
        made[0] = new ChannelState(name, cfg, new ChannelLane(name, workers, () -> retire(made[0])));
        return made[0];
    }

    /** Drops the state of a channel that has no local member and no work left. */
    private void retire(ChannelState s) {
        channels.computeIfPresent(s.name, (name, current) ->
            current == s && s.lane.idle() && s.members.isEmpty() ? null : current);
    }

    // ---- shutdown ----

    /** Closes every connection with 1012 (the SDK reconnects), waits for them briefly, stops the threads. */
    @Override
    public void close() {
        accepting = false;
        for (Connection c : connections) {
            c.closeWith(1012);
        }
        long deadline = System.currentTimeMillis() + config.closeGraceMillis() + 500;
        while (!connections.isEmpty() && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        timer.shutdownNow();
        workers.shutdown();
        try {
            workers.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workers.shutdownNow();
        broker.close();
    }
}
