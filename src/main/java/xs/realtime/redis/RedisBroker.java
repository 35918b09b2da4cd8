package xs.realtime.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import xs.realtime.Broker;
import xs.realtime.ClientInfo;
import xs.realtime.Delivery;
import xs.realtime.HistoryStore;
import xs.realtime.Roster;

/**
 * The broker of a cluster: several {@code xs serve} processes (nodes) that share their realtime
 * channels through one Redis, as {@code xs serve --broker redis://HOST:PORT} starts them. Every
 * frame reaches the channel's members on every node; presence and history are Redis's.
 * <pre>xs serve app/ --port 8081 --broker redis://127.0.0.1:6379</pre>
 *
 * <p><b>Per-channel order.</b> Every delivery of every channel crosses one Redis pub/sub
 * channel, this node's own deliveries included. A node publishes a channel's frames from that
 * channel's lane, one after the other, on its single command connection, so Redis executes them
 * in that order; Redis then sends the messages of a pub/sub channel to every subscriber in the
 * one order it executed the PUBLISHes; each node hands them to the channel's lane in the order
 * received. So all members on all nodes see one order per channel, the order Redis accepted the
 * frames, which keeps each publisher's own order. Frames kept in history are appended and
 * published by one script ({@link Scripts#PUBLISH_KEPT}), so history has that order too. The
 * price: a node's own members get its frames after a round trip to Redis, not directly. One
 * Redis channel per hub channel was the alternative: nodes would then receive only the channels
 * they serve, but a subscription would have to follow the first join of each channel, and the
 * messages sent between that join and its SUBSCRIBE would be lost; a stream would allow replay
 * after an outage, at the price of a read loop and trimming per node. A node here drops the
 * deliveries of channels it has no member in, before they reach the hub.
 *
 * <p><b>Presence.</b> {@link RedisRoster}: one hash per channel; each node renews a heartbeat
 * key every {@value #BEAT_MILLIS} ms that expires after {@value #ALIVE_MILLIS} ms. Every node
 * looks for nodes whose key expired; the first to see one removes its members (once, by script)
 * and tells the hub, which sends their {@code presence_update} leave.
 *
 * <p><b>Faults.</b> Commands are refused at once while Redis is unreachable (Lettuce buffers
 * nothing), and the node delivers to its own members directly, keeping history in memory
 * ({@link FallbackHistory}); Lettuce reconnects with a backoff of 0.1 to 2 s. Once both
 * connections are back, cross-node delivery resumes, this node writes its members back
 * ({@link RedisRoster#resync()}) and sends the other nodes the joins and leaves they missed
 * ({@link MissedPresence}). One line in the log says when Redis is lost and when it is back.
 */
public final class RedisBroker implements Broker {
    static {
        // Before any Netty or Lettuce class picks its logger.
        QuietLibraries.apply();
    }

    /** Renewal period of a node's heartbeat key, and of the search for dead nodes. */
    static final long BEAT_MILLIS = 3_000;
    /** Lifetime of a heartbeat key: a node silent this long is taken for dead. */
    static final long ALIVE_MILLIS = 12_000;
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    /** Commands Lettuce re-sends after a reconnection go first; the resync must come after them. */
    private static final long RESYNC_DELAY_MILLIS = 250;
    /**
     * How long after its reconnection a node waits before sending the presence changes the other
     * nodes missed: pub/sub keeps nothing for a node that has not subscribed again yet, and after
     * a Redis restart every node is back within Lettuce's longest backoff (2 s) plus a connect.
     */
    private static final long REPLAY_DELAY_MILLIS = 3_000;
    /**
     * How long after its reconnection a node sends its presence watchers the whole member lists
     * anew: after the other nodes' missed changes (sent {@link #REPLAY_DELAY_MILLIS} after their own
     * reconnections, which come within about 2 s of each other), so that the list comes last and
     * replaces whatever the clients pieced together.
     */
    private static final long REFRESH_DELAY_MILLIS = 6_000;
    private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);
    private static final byte[] PUBLISH_KEPT = Scripts.PUBLISH_KEPT.getBytes(StandardCharsets.UTF_8);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Redis could not be used: a bad URL or an unreachable server; the message is for the user. */
    public static final class Unavailable extends Exception {
        Unavailable(String message) {
            super(message);
        }
    }

    private final String address;
    private final String node = newNodeId();
    private final PrintStream log;
    private final ClientResources resources;
    private final RedisClient client;
    private final StatefulRedisConnection<String, byte[]> commands;
    private final RedisCommands<String, byte[]> sync;
    private final RedisAsyncCommands<String, byte[]> async;
    private final StatefulRedisPubSubConnection<String, byte[]> pubsub;
    private final String deliveries;
    private final byte[] deliveriesName;
    private final RedisLink link;
    private final RedisRoster roster;
    private final FallbackHistory fallback = new FallbackHistory();
    private final MissedPresence missed = new MissedPresence();
    private final Unanswered unanswered = new Unanswered();
    /** Not before this time (epoch ms) are missed presence changes sent on; see {@link #REPLAY_DELAY_MILLIS}. */
    private volatile long replayAfter;
    private final RedisHistory history;
    private final ScheduledExecutorService timer;
    private volatile Consumer<Delivery> local = d -> { };
    private volatile PresenceRepair repairs = (channel, client, action) -> { };
    private volatile Consumer<String> stalePresence = channel -> { };

    private RedisBroker(String address, int database, PrintStream log, ClientResources resources, RedisClient client) {
        this.address = address;
        this.log = log;
        this.resources = resources;
        this.client = client;
        this.deliveries = RedisKeys.deliveries(database);
        this.deliveriesName = RedisRoster.bytes(deliveries);
        this.commands = client.connect(CODEC);
        this.sync = commands.sync();
        this.async = commands.async();
        this.pubsub = client.connectPubSub(CODEC);
        this.link = new RedisLink(commands, pubsub, this::linkChanged);
        this.roster = new RedisRoster(node, sync, async, link::up);
        this.history = new RedisHistory(sync, async, link, fallback);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "xs-redis");
            t.setDaemon(true);
            return t;
        });
    }

    /** Connects to Redis and joins the cluster; {@link Unavailable} when the URL is wrong or Redis cannot be reached. */
    public static RedisBroker connect(String url, PrintStream log) throws Unavailable {
        RedisURI uri = parse(url);
        String address = shown(uri);
        uri.setTimeout(COMMAND_TIMEOUT);
        ClientResources resources = DefaultClientResources.builder()
            .ioThreadPoolSize(2)
            .computationThreadPoolSize(2)
            .reconnectDelay(Delay.exponential(Duration.ofMillis(100), Duration.ofSeconds(2), 2, TimeUnit.MILLISECONDS))
            .build();
        RedisClient client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .timeoutOptions(TimeoutOptions.enabled(COMMAND_TIMEOUT))
            .socketOptions(SocketOptions.builder().connectTimeout(CONNECT_TIMEOUT).keepAlive(true).build())
            .build());
        RedisBroker broker = null;
        try {
            broker = new RedisBroker(address, uri.getDatabase(), log, resources, client);
            broker.start();
            return broker;
        } catch (RedisException e) {
            if (broker != null) {
                broker.timer.shutdownNow();
            }
            client.shutdown(0, 2, TimeUnit.SECONDS);
            resources.shutdown(0, 2, TimeUnit.SECONDS);
            throw new Unavailable("cannot connect to Redis at " + address + " (" + reason(e) + ")");
        }
    }

    /**
     * Claims one occurrence of a scheduled task for this node ({@code SET key node NX PX hold}):
     * true for the first node only. When Redis cannot be reached nobody can tell who runs it, so
     * this node does not (running it on every node would be worse than missing it once).
     */
    public boolean claimTask(String task, long occurrence, long holdMillis) {
        try {
            String set = sync.set(RedisKeys.taskLease(task, occurrence), node.getBytes(StandardCharsets.UTF_8),
                SetArgs.Builder.nx().px(holdMillis));
            return "OK".equals(set);
        } catch (RedisException e) {
            log.println("task " + task + ": the run due at " + java.time.Instant.ofEpochMilli(occurrence)
                + " is skipped: Redis cannot be reached to claim it (" + reason(e) + ")");
            return false;
        }
    }

    /** Subscribes, registers this node, and starts the heartbeat. */
    private void start() {
        pubsub.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, byte[] message) {
                received(message);
            }

            @Override
            public void subscribed(String channel, long count) {
                link.subscribed();
            }
        });
        pubsub.sync().subscribe(deliveries);
        client.addListener(link);
        beat(false);
        timer.scheduleWithFixedDelay(this::tick, BEAT_MILLIS, BEAT_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The Redis server, as the log shows it (never with a password). */
    public String address() {
        return address;
    }

    /** This process's id in the cluster. */
    public String node() {
        return node;
    }

    @Override
    public void listen(Consumer<Delivery> local) {
        this.local = local;
    }

    @Override
    public void listenRepairs(PresenceRepair repair) {
        this.repairs = repair;
    }

    @Override
    public void listenStalePresence(Consumer<String> channel) {
        this.stalePresence = channel;
    }

    @Override
    public void publish(Delivery delivery) {
        if (delivery.audience() == Delivery.Audience.PRESENCE_WATCHERS) {
            synchronized (missed) {
                if (!link.up() || missed.waiting()) {
                    missed.add(delivery);
                    local.accept(delivery);
                    return;
                }
            }
        }
        if (!link.up()) {
            local.accept(delivery);
            return;
        }
        byte[] message = DeliveryCodec.encode(delivery);
        sent(delivery, message, null, 0, () -> async.publish(deliveries, message));
    }

    @Override
    public void publish(Delivery delivery, HistoryStore.Entry kept, int limit) {
        if (limit <= 0) {
            publish(delivery);
            return;
        }
        if (!link.up()) {
            fallback.append(delivery.channel(), kept, limit);
            local.accept(delivery);
            return;
        }
        byte[] message = DeliveryCodec.encode(delivery);
        sent(delivery, message, kept, limit, () -> async.eval(PUBLISH_KEPT, ScriptOutputType.INTEGER,
            new String[] {RedisKeys.history(delivery.channel())}, deliveriesName, message,
            RedisRoster.bytes(String.valueOf(limit)), DeliveryCodec.encode(kept)));
    }

    /**
     * Sends a publish. If Redis refuses it (the link just dropped), this node's members still get
     * the frame, and the other nodes get a presence update once Redis is back. If Redis does not
     * answer in time (it hangs), this node's members get the frame too, Redis is taken for lost,
     * and should Redis run the publish after all, its echo here is dropped ({@link Unanswered});
     * the other nodes then get it late, which is why a presence update is not also kept for them.
     */
    private void sent(Delivery delivery, byte[] message, HistoryStore.Entry kept, int limit,
                      Supplier<RedisFuture<?>> send) {
        RedisFuture<?> future;
        try {
            future = send.get();
        } catch (RedisException e) {
            future = null;
        }
        if (future == null) {
            deliverHere(delivery, kept, limit, true);
            return;
        }
        future.whenComplete((result, failure) -> {
            if (failure == null) {
                return;
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
            boolean timedOut = cause instanceof RedisCommandTimeoutException;
            if (timedOut) {
                unanswered.add(message, System.currentTimeMillis());
                link.unanswered();
            }
            deliverHere(delivery, kept, limit, !timedOut);
        });
    }

    private void deliverHere(Delivery delivery, HistoryStore.Entry kept, int limit, boolean keepPresence) {
        if (kept != null) {
            fallback.append(delivery.channel(), kept, limit);
        }
        if (keepPresence && delivery.audience() == Delivery.Audience.PRESENCE_WATCHERS) {
            missed.add(delivery);
        }
        local.accept(delivery);
    }

    /** A delivery from any node (this one included), on Lettuce's I/O thread. */
    private void received(byte[] message) {
        if (unanswered.isEcho(message, System.currentTimeMillis())) {
            return; // delivered here when Redis did not answer; Redis ran it after all
        }
        DeliveryCodec.Incoming in;
        try {
            in = DeliveryCodec.decode(message);
        } catch (DeliveryCodec.Malformed e) {
            return;
        }
        Delivery d = in.delivery();
        if (node.equals(in.exceptNode())) {
            return; // this node's members had it already
        }
        if (roster.hasLocal(d.channel())) {
            try {
                local.accept(d);
            } catch (RejectedExecutionException e) {
                // the hub is stopping: its workers take no more work
            }
        }
    }

    @Override
    public Roster roster() {
        return roster;
    }

    @Override
    public HistoryStore history() {
        return history;
    }

    // ---- heartbeat, dead nodes, reconnection ----

    private void tick() {
        try {
            beat(false);
            sweep();
            link.answered();
            if (link.up() && missed.waiting() && System.currentTimeMillis() >= replayAfter) {
                sendMissed(); // the first attempt failed, or came before the link was back
            }
        } catch (RedisCommandTimeoutException e) {
            link.unanswered(); // Redis hangs: its sockets are open, nothing answers
        } catch (RedisException e) {
            // Redis is unreachable: the link has said so; the next tick tries again.
        } catch (RuntimeException e) {
            log.println("xs serve: internal error in the Redis heartbeat: " + e);
        }
    }

    /**
     * Renews this node's heartbeat, and writes its members back when asked to or when the node was
     * not registered any more (a restarted Redis, or other nodes took this one for dead). In the
     * second case the other nodes' watchers were told its members left: they hear them join again.
     */
    private void beat(boolean resync) {
        sync.set(RedisKeys.alive(node), RedisRoster.bytes(String.valueOf(System.currentTimeMillis())),
            SetArgs.Builder.px(ALIVE_MILLIS));
        boolean registered = sync.sadd(RedisKeys.NODES, RedisRoster.bytes(node)) == 1;
        if (resync || registered) {
            roster.resync();
        }
        if (registered && sync.del(RedisKeys.reaped(node)) > 0) {
            log.println("xs serve: the other nodes took this node for dead (no heartbeat for " + ALIVE_MILLIS / 1000
                + " s or more): announcing its members to them again");
            try {
                roster.localMembers().forEach((channel, members) -> {
                    for (ClientInfo c : members) {
                        repairs.announce(channel, c, "join");
                    }
                });
            } catch (RejectedExecutionException e) {
                // the hub is stopping
            }
        }
    }

    /** Removes the nodes whose heartbeat expired, and tells the hub whom they took along. */
    private void sweep() {
        for (byte[] id : sync.smembers(RedisKeys.NODES)) {
            String other = new String(id, StandardCharsets.UTF_8);
            if (other.equals(node) || sync.exists(RedisKeys.alive(other)) > 0) {
                continue;
            }
            List<RedisRoster.Departed> gone = roster.reap(other);
            if (!gone.isEmpty()) {
                log.println("xs serve: node " + other + " stopped renewing its heartbeat: " + gone.size()
                    + (gone.size() == 1 ? " member left" : " members left") + " its channels");
            }
            try {
                for (RedisRoster.Departed d : gone) {
                    repairs.announce(d.channel(), d.client(), "leave");
                }
            } catch (RejectedExecutionException e) {
                // the hub is stopping
            }
        }
    }

    /** The link to Redis dropped or came back (called on Lettuce's I/O thread). */
    private void linkChanged(boolean up) {
        // Set at once, not in the task below: a heartbeat tick queued before it must not send early.
        replayAfter = up ? System.currentTimeMillis() + REPLAY_DELAY_MILLIS : Long.MAX_VALUE;
        try {
            timer.execute(() -> {
                if (up) {
                    log.println("xs serve: Redis at " + address + " is back: cross-node delivery resumed");
                    fallback.clear();
                    timer.schedule(this::resync, RESYNC_DELAY_MILLIS, TimeUnit.MILLISECONDS);
                    timer.schedule(this::replay, REPLAY_DELAY_MILLIS, TimeUnit.MILLISECONDS);
                    timer.schedule(this::refreshPresence, REFRESH_DELAY_MILLIS, TimeUnit.MILLISECONDS);
                } else if (link.hung()) {
                    log.println("xs serve: Redis at " + address + " does not answer (no reply within "
                        + COMMAND_TIMEOUT.toSeconds() + " s): serving this node's members only until it does");
                } else {
                    log.println("xs serve: lost Redis at " + address
                        + ": serving this node's members only, reconnecting");
                }
            });
        } catch (RejectedExecutionException e) {
            // closing
        }
    }

    private void resync() {
        try {
            beat(true);
        } catch (RedisException e) {
            // lost again: the next reconnection resyncs
        }
    }

    /** After a reconnection: this node's missed presence changes go to the other nodes. */
    private void replay() {
        if (!link.up()) {
            return; // lost again: the next reconnection schedules another
        }
        try {
            sendMissed();
        } catch (RedisException e) {
            // the heartbeat tick tries again
        }
    }

    /**
     * After a reconnection, once the other nodes have sent on their missed changes: this node's
     * watchers get every channel's member list anew. Changes sent on by a node that was back
     * before this one resubscribed never reached it; the list covers them.
     */
    private void refreshPresence() {
        if (!link.up()) {
            return;
        }
        try {
            for (String channel : roster.localMembers().keySet()) {
                stalePresence.accept(channel);
            }
        } catch (RejectedExecutionException e) {
            // the hub is stopping
        }
    }

    /**
     * Sends the other nodes the joins and leaves this node's members made while Redis was away,
     * oldest first; updates made meanwhile wait behind them (see {@link MissedPresence}).
     */
    private void sendMissed() {
        long lost = missed.takeLost();
        if (lost > 0) {
            log.println("xs serve: " + lost + " presence changes made while Redis was unreachable were too many to keep:"
                + " members of other nodes see those channels' presence as it was until they join again");
        }
        synchronized (missed) {
            for (Delivery d = missed.peek(); d != null; d = missed.peek()) {
                async.publish(deliveries, DeliveryCodec.encode(d, node));
                missed.sent();
            }
        }
    }

    /** Leaves the cluster: this node's members and heartbeat are removed, then the connections closed. */
    @Override
    public void close() {
        timer.shutdownNow();
        try {
            roster.leaveAll();
            sync.srem(RedisKeys.NODES, RedisRoster.bytes(node));
            sync.del(RedisKeys.alive(node));
        } catch (RedisException e) {
            // Redis is unreachable: the other nodes reap this one when its heartbeat expires.
        }
        pubsub.close();
        commands.close();
        client.shutdown(0, 2, TimeUnit.SECONDS);
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }

    // ---- URL ----

    private static RedisURI parse(String url) throws Unavailable {
        Unavailable bad = new Unavailable("--broker takes redis://HOST:PORT or redis://HOST:PORT/DB (got \""
            + url.replaceAll("//[^@/]*@", "//***@") + "\")");
        URI u;
        try {
            u = new URI(url);
        } catch (URISyntaxException e) {
            throw bad;
        }
        boolean redis = "redis".equals(u.getScheme()) || "rediss".equals(u.getScheme());
        String path = u.getRawPath() == null ? "" : u.getRawPath();
        if (!redis || u.getHost() == null || u.getQuery() != null || !path.matches("(/\\d{0,2})?")) {
            throw bad;
        }
        try {
            return RedisURI.create(url);
        } catch (RuntimeException e) {
            throw bad;
        }
    }

    private static String shown(RedisURI uri) {
        String host = uri.getHost().contains(":") ? "[" + uri.getHost() + "]" : uri.getHost();
        return (uri.isSsl() ? "rediss://" : "redis://") + host + ":" + uri.getPort()
            + (uri.getDatabase() == 0 ? "" : "/" + uri.getDatabase());
    }

    /** The innermost message: "Connection refused", "NOAUTH Authentication required.", … */
    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        int colon = message.indexOf(": /");
        return colon > 0 ? message.substring(0, colon) : message;
    }

    /** 9 random bytes: 12 url-safe characters. */
    private static String newNodeId() {
        byte[] bytes = new byte[9];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
