package rtload;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The realtime load generator: many WebSocket clients on a few selector threads, speaking the xs
 * realtime protocol (join, public message) to a hub: {@code xs serve} or the Node baseline.
 *
 * <pre>
 * java -cp build rtload.LoadGen --url ws://127.0.0.1:PORT/rt/bench --token T --scenario throughput \
 *      --channels 1 --subs 1000 [--window 200] [--warmup 3] [--measure 5] [--reactors 2]
 * ... --scenario latency --channels 100 --subs 10 --rate 50000
 * ... --scenario heap --channels 100 --subs 100 --server-pid PID --server-kind xs|node [--stats-url URL]
 * </pre>
 *
 * Every scenario prints one line {@code RESULT key=value ...} on stdout; progress goes to stderr.
 * Subscribers are anonymous; each channel has one authenticated publisher, itself a member (so it
 * also receives its own messages: those echoes are not counted as deliveries).
 */
public final class LoadGen {
    private final Map<String, String> args;
    private final InetSocketAddress address;
    private final String path;
    private final int channels;
    private final int subs;
    private final int payloadBytes;
    private final List<Reactor> reactors = new ArrayList<>();
    private final AtomicInteger handshakes = new AtomicInteger();
    private final AtomicInteger opened = new AtomicInteger();
    private final AtomicInteger joined = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final List<List<Client>> subscribers = new ArrayList<>();
    private final List<Client> publishers = new ArrayList<>();
    private final long serverPid;
    private int next;

    private LoadGen(Map<String, String> args) throws IOException {
        this.args = args;
        URI url = URI.create(args.getOrDefault("url", "ws://127.0.0.1:8080/rt/bench"));
        this.address = new InetSocketAddress(url.getHost(), url.getPort());
        this.path = url.getRawPath();
        this.channels = intArg("channels", 1);
        this.subs = intArg("subs", 1000);
        this.payloadBytes = intArg("payload", 100);
        this.serverPid = Long.parseLong(args.getOrDefault("server-pid", "-1"));
        int n = intArg("reactors", 2);
        for (int i = 0; i < n; i++) {
            Reactor r = new Reactor(i, address, handshakes, opened, joined, failed);
            r.start();
            reactors.add(r);
        }
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new HashMap<>();
        for (int i = 0; i + 1 < argv.length; i += 2) {
            args.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
        }
        LoadGen g = new LoadGen(args);
        String scenario = args.getOrDefault("scenario", "throughput");
        String result = switch (scenario) {
            case "throughput" -> g.throughput();
            case "latency" -> g.latency();
            case "heap" -> g.heap();
            default -> throw new IllegalArgumentException("unknown scenario " + scenario);
        };
        System.out.println("RESULT scenario=" + scenario + " server=" + args.getOrDefault("server-kind", "?")
            + " channels=" + g.channels + " subs=" + g.subs + " " + result);
        System.out.flush();
        System.exit(0);
    }

    private int intArg(String name, int fallback) {
        return Integer.parseInt(args.getOrDefault(name, String.valueOf(fallback)));
    }

    private double doubleArg(String name, double fallback) {
        return Double.parseDouble(args.getOrDefault(name, String.valueOf(fallback)));
    }

    // ---- connecting ----

    private Client open(String channel, boolean publisher, String token) throws IOException {
        return open(channel, publisher, token, true);
    }

    private Client open(String channel, boolean publisher, String token, boolean join) throws IOException {
        Reactor r = reactors.get(next++ % reactors.size());
        Client c = new Client(r, address, path, channel, publisher, token);
        c.joinOnOpen = join;
        handshakes.incrementAndGet();
        r.add(c);
        return c;
    }

    /** Opens every subscriber and publisher, at most 256 handshakes at a time, and waits for their joins. */
    private void connectAll(boolean withPublishers) throws IOException, InterruptedException {
        String token = args.get("token");
        long start = System.nanoTime();
        for (int ch = 0; ch < channels; ch++) {
            subscribers.add(new ArrayList<>());
        }
        for (int i = 0; i < subs; i++) {
            for (int ch = 0; ch < channels; ch++) {
                while (handshakes.get() >= 256) {
                    Thread.sleep(1);
                }
                subscribers.get(ch).add(open("bench:" + ch, false, null));
            }
        }
        if (withPublishers) {
            for (int ch = 0; ch < channels; ch++) {
                publishers.add(open("bench:" + ch, true, token));
            }
        }
        int expected = channels * subs + (withPublishers ? channels : 0);
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (joined.get() + failed.get() < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + joined.get() + " of " + expected + " joined in time");
            }
            Thread.sleep(5);
        }
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " of " + expected + " connections failed");
        }
        System.err.printf(Locale.ROOT, "rtload: %d connections joined in %.1f s%n", expected,
            (System.nanoTime() - start) / 1e9);
    }

    private long delivered() {
        long sum = 0;
        for (Reactor r : reactors) {
            sum += r.delivered;
        }
        return sum;
    }

    private long errors() {
        long sum = 0;
        for (Reactor r : reactors) {
            sum += r.errors;
        }
        return sum;
    }

    // ---- (a), (b): fan-out throughput ----

    /**
     * Closed loop: each channel's publisher keeps at most {@code window} messages ahead of the
     * slowest of its subscribers, so the hub is kept saturated without any subscriber's backlog
     * approaching the hub's limit. Deliveries are counted as the subscribers parse them.
     */
    private String throughput() throws Exception {
        connectAll(true);
        int window = intArg("window", 200);
        double warmup = doubleArg("warmup", 3);
        double measure = doubleArg("measure", 5);
        long[] published = new long[channels];
        long[] acked = new long[channels];
        java.util.Arrays.fill(acked, -1);
        Thread publisher = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    boolean sent = false;
                    for (int ch = 0; ch < channels; ch++) {
                        if (published[ch] - acked[ch] > window) {
                            acked[ch] = slowest(subscribers.get(ch));
                            if (published[ch] - acked[ch] > window) {
                                continue;
                            }
                        }
                        Client p = publishers.get(ch);
                        p.write(p.messageFrame(System.nanoTime(), published[ch]++, payloadBytes));
                        sent = true;
                    }
                    if (!sent) {
                        LockSupport.parkNanos(20_000);
                    }
                }
            } catch (IOException e) {
                System.err.println("rtload: publisher failed: " + e);
            }
        }, "rtload-publisher");
        publisher.setDaemon(true);
        publisher.start();
        Thread.sleep((long) (warmup * 1000));
        String load = ServerProbe.loadAverage();
        long d0 = delivered();
        long t0 = System.nanoTime();
        long serverCpu0 = ServerProbe.cpuMillis(serverPid);
        long selfCpu0 = ServerProbe.cpuMillis(-1);
        long seconds = Math.max(1, Math.round(measure));
        long previous = d0;
        StringBuilder perSecond = new StringBuilder();
        for (int s = 0; s < seconds; s++) {
            Thread.sleep((long) (measure * 1000 / seconds));
            long d = delivered();
            perSecond.append(perSecond.length() == 0 ? "" : ",").append((d - previous) * seconds / 1000 / (long) measure);
            previous = d;
        }
        long d1 = delivered();
        long t1 = System.nanoTime();
        long serverCpu1 = ServerProbe.cpuMillis(serverPid);
        long selfCpu1 = ServerProbe.cpuMillis(-1);
        publisher.interrupt();
        double secs = (t1 - t0) / 1e9;
        double rate = (d1 - d0) / secs;
        System.err.printf(Locale.ROOT, "rtload: %.0f deliveries/s (per second, thousands: %s)%n", rate, perSecond);
        return String.format(Locale.ROOT,
            "deliveries_per_s=%.0f server_cpu_pct=%.0f loadgen_cpu_pct=%.0f errors=%d load=%s per_second_k=%s",
            rate, 100.0 * (serverCpu1 - serverCpu0) / 1000 / secs, 100.0 * (selfCpu1 - selfCpu0) / 1000 / secs,
            errors(), load, perSecond);
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        for (long left; (left = nanoTime - System.nanoTime()) > 0; ) {
            Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
        }
    }

    private static long slowest(List<Client> clients) {
        long min = Long.MAX_VALUE;
        for (Client c : clients) {
            min = Math.min(min, c.lastSeq);
        }
        return min;
    }

    // ---- (c): publish-to-receive latency at a fixed delivery rate ----

    /**
     * Open loop: messages are published on a fixed schedule, round robin over the channels, so
     * that {@code rate} deliveries/s reach the subscribers. Each payload carries its scheduled
     * publish time, so a late publisher counts against the latency (no coordinated omission); every
     * subscriber delivery of a message scheduled in the measurement window is one sample.
     */
    private String latency() throws Exception {
        connectAll(true);
        double rate = doubleArg("rate", 50_000);
        double warmup = doubleArg("warmup", 2);
        double measure = doubleArg("measure", 5);
        double messagesPerSecond = rate / subs;
        long interval = (long) (1e9 / messagesPerSecond);
        long start = System.nanoTime() + 50_000_000L;
        long windowStart = start + (long) (warmup * 1e9);
        long windowEnd = windowStart + (long) (measure * 1e9);
        for (Reactor r : reactors) {
            r.windowStart = windowStart;
            r.windowEnd = windowEnd;
        }
        long[] inWindow = new long[1];
        Thread publisher = new Thread(() -> {
            long[] seq = new long[channels];
            long due = start;
            int ch = 0;
            try {
                while (due < windowEnd) {
                    long now = System.nanoTime();
                    while (due <= now && due < windowEnd) {
                        Client p = publishers.get(ch);
                        p.write(p.messageFrame(due, seq[ch]++, payloadBytes));
                        if (due >= windowStart) {
                            inWindow[0]++;
                        }
                        ch = (ch + 1) % channels;
                        due += interval;
                    }
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                }
            } catch (IOException e) {
                System.err.println("rtload: publisher failed: " + e);
            }
        }, "rtload-publisher");
        publisher.setDaemon(true);
        // The probes run here, not on the publishing thread, so reading /proc never delays a publish.
        String load = ServerProbe.loadAverage();
        ServerProbe.cpuMillis(serverPid);
        ServerProbe.contextSwitches(serverPid);
        publisher.start();
        sleepUntil(windowStart);
        long serverCpu0 = ServerProbe.cpuMillis(serverPid);
        long selfCpu0 = ServerProbe.cpuMillis(-1);
        long switches0 = ServerProbe.contextSwitches(serverPid);
        sleepUntil(windowEnd);
        long serverCpu1 = ServerProbe.cpuMillis(serverPid);
        long selfCpu1 = ServerProbe.cpuMillis(-1);
        long switches1 = ServerProbe.contextSwitches(serverPid);
        publisher.join();
        long expected = inWindow[0] * subs;
        // Let the last deliveries arrive (or be given up on after 5 s).
        long received = 0;
        for (int i = 0; i < 500; i++) {
            Thread.sleep(10);
            delivered();
            received = 0;
            for (Reactor r : reactors) {
                received += r.windowDeliveries;
            }
            if (received >= expected) {
                break;
            }
        }
        Thread.sleep(50);
        Latencies all = new Latencies();
        received = 0;
        for (Reactor r : reactors) {
            r.shutdown();
            r.join(1000);
            all.add(r.latencies);
            received += r.windowDeliveries;
        }
        double secs = measure;
        // Per message of the first channel: when its first and its last subscriber got it.
        Latencies first = new Latencies();
        Latencies last = new Latencies();
        for (int s = 0; s < reactors.get(0).firstBySeq.length; s++) {
            long lo = Long.MAX_VALUE;
            long hi = 0;
            for (Reactor r : reactors) {
                if (r.firstBySeq[s] > 0) {
                    lo = Math.min(lo, r.firstBySeq[s]);
                    hi = Math.max(hi, r.lastBySeq[s]);
                }
            }
            if (hi > 0) {
                first.record(lo * 1000);
                last.record(hi * 1000);
            }
        }
        StringBuilder worst = new StringBuilder();
        for (int s = 0; s < Math.ceil(measure); s++) {
            long w = 0;
            for (Reactor r : reactors) {
                w = Math.max(w, r.worstBySecond[s]);
            }
            worst.append(worst.length() == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.1f", w / 1000.0));
        }
        System.err.printf(Locale.ROOT, "rtload: latency p50 %.2f ms, p99 %.2f ms, max %.2f ms over %d deliveries%n",
            all.percentileMicros(0.50) / 1000.0, all.percentileMicros(0.99) / 1000.0, all.maxMicros() / 1000.0,
            all.count());
        return String.format(Locale.ROOT,
            "rate=%.0f messages_per_s=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f p999_ms=%.2f max_ms=%.2f "
                + "samples=%d expected=%d missing=%d server_cpu_pct=%.0f loadgen_cpu_pct=%.0f errors=%d load=%s "
                + "server_switches_per_msg=%.1f server_cpu_us_per_msg=%.0f first_delivery_p50_ms=%.2f "
                + "last_delivery_p50_ms=%.2f last_delivery_p99_ms=%.2f worst_ms_by_second=%s",
            rate, messagesPerSecond, all.percentileMicros(0.50) / 1000.0, all.percentileMicros(0.90) / 1000.0,
            all.percentileMicros(0.99) / 1000.0, all.percentileMicros(0.999) / 1000.0, all.maxMicros() / 1000.0,
            all.count(), expected, expected - received, 100.0 * (serverCpu1 - serverCpu0) / 1000 / secs,
            100.0 * (selfCpu1 - selfCpu0) / 1000 / secs, errors(), load, (switches1 - switches0) / (double) inWindow[0],
            (serverCpu1 - serverCpu0) * 1000.0 / inWindow[0], first.percentileMicros(0.5) / 1000.0,
            last.percentileMicros(0.5) / 1000.0, last.percentileMicros(0.99) / 1000.0, worst);
    }

    // ---- (d): heap per idle connection ----

    /**
     * The server's live heap after a full GC: before any connection, with every connection open
     * and idle, and with every connection also joined to one of the channels (a subscriber waiting
     * for messages). A first batch of connections opened and closed beforehand loads the classes a
     * connection needs.
     */
    private String heap() throws Exception {
        ServerProbe probe = new ServerProbe(serverPid, args.getOrDefault("server-kind", "xs"), args.get("stats-url"));
        int total = channels * subs;
        List<Client> warm = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            warm.add(open("bench:" + (i % channels), false, null));
        }
        awaitCount(joined, 50);
        for (Client c : warm) {
            c.closing = true;
            c.write(Client.closeFrame());
        }
        Thread.sleep(1500);
        for (Client c : warm) {
            c.channel.close();
        }
        Thread.sleep(500);
        joined.set(0);
        opened.set(0);
        String load = ServerProbe.loadAverage();
        ServerProbe.Memory before = probe.memory();
        List<Client> clients = new ArrayList<>(total);
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            while (handshakes.get() >= 256) {
                Thread.sleep(1);
            }
            clients.add(open("bench:" + (i % channels), false, null, false));
        }
        awaitCount(opened, total);
        double openSecs = (System.nanoTime() - start) / 1e9;
        System.err.printf(Locale.ROOT, "rtload: %d idle connections open in %.1f s%n", total, openSecs);
        Thread.sleep(1000);
        ServerProbe.Memory open = probe.memory();
        long joinStart = System.nanoTime();
        for (Client c : clients) {
            c.write(c.joinFrame());
        }
        awaitCount(joined, total);
        double joinSecs = (System.nanoTime() - joinStart) / 1e9;
        // Idle for a while first (--settle seconds): timers armed while a connection was set up have run out then.
        Thread.sleep(1000L * intArg("settle", 1));
        ServerProbe.Memory member = probe.memory();
        breakdown(before, member, total);
        long perOpen = (open.heapBytes() - before.heapBytes()) / total;
        long perMember = (member.heapBytes() - before.heapBytes()) / total;
        System.err.printf(Locale.ROOT, "rtload: heap %d -> %d (open) -> %d (joined) bytes: %d, %d bytes per connection%n",
            before.heapBytes(), open.heapBytes(), member.heapBytes(), perOpen, perMember);
        return String.format(Locale.ROOT,
            "connections=%d heap_before=%d heap_open=%d heap_joined=%d heap_per_open_conn=%d heap_per_conn=%d "
                + "external_per_conn=%d rss_per_conn=%d rss_anon_per_conn=%d nmt_per_conn=%d java_heap_committed_per_conn=%d heap_rss_per_conn=%d "
                + "direct_per_conn=%d open_s=%.2f join_s=%.2f errors=%d load=%s",
            total, before.heapBytes(), open.heapBytes(), member.heapBytes(), perOpen, perMember,
            (member.externalBytes() - before.externalBytes()) / total, (member.rssBytes() - before.rssBytes()) / total,
            (member.rssAnonBytes() - before.rssAnonBytes()) / total,
            (member.nmt().getOrDefault("Total", 0L) - before.nmt().getOrDefault("Total", 0L)) / total,
            (member.nmt().getOrDefault("Java Heap", 0L) - before.nmt().getOrDefault("Java Heap", 0L)) / total,
            (member.heapRssBytes() - before.heapRssBytes()) / total,
            (member.directBytes() - before.directBytes()) / total, openSecs, joinSecs, errors(), load);
    }

    /** Where the growth went: NMT categories, the direct buffer pool and the classes that grew most, per connection. */
    private static void breakdown(ServerProbe.Memory before, ServerProbe.Memory after, int total) {
        System.err.printf(Locale.ROOT, "rtload: rss %+d bytes per connection (anonymous %+d)%n",
            (after.rssBytes() - before.rssBytes()) / total, (after.rssAnonBytes() - before.rssAnonBytes()) / total);
        System.err.printf(Locale.ROOT, "rtload: resident bytes of the Java heap %d -> %d: %+d per connection%n",
            before.heapRssBytes(), after.heapRssBytes(), (after.heapRssBytes() - before.heapRssBytes()) / total);
        System.err.printf(Locale.ROOT, "rtload: direct buffers %d -> %d (%d -> %d bytes)%n", before.directCount(),
            after.directCount(), before.directBytes(), after.directBytes());
        for (Map.Entry<String, Long> e : after.nmt().entrySet()) {
            long grew = e.getValue() - before.nmt().getOrDefault(e.getKey(), 0L);
            if (grew != 0) {
                System.err.printf(Locale.ROOT, "rtload: nmt %-28s committed %+12d bytes, %+8.1f per connection%n",
                    e.getKey(), grew, grew / (double) total);
            }
        }
        after.classes().entrySet().stream()
            .map(e -> Map.entry(e.getKey(), e.getValue() - before.classes().getOrDefault(e.getKey(), 0L)))
            .sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).limit(25)
            .forEach(e -> System.err.printf(Locale.ROOT, "rtload: class %-70s %+12d bytes, %+8.1f per connection%n",
                e.getKey(), e.getValue(), e.getValue() / (double) total));
    }

    private void awaitCount(AtomicInteger counter, int n) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (counter.get() + failed.get() < n) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + counter.get() + " of " + n + " in time");
            }
            Thread.sleep(5);
        }
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " connections failed");
        }
    }
}
