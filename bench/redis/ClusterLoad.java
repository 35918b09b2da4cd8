import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Load generator of the cluster benchmark (bench/redis/run.sh), in its own JVM, JDK only. It talks
 * to a single node (in-process broker) and to two nodes of a Redis cluster, in one run:
 *
 *   latency:    one publisher sends at a fixed rate; subscribers measure send-to-receive time
 *               (nanoTime of this process embedded in the payload), p50/p99/max.
 *   throughput: publishers send as fast as the subscribers keep up (a bounded window of
 *               messages in flight, so nobody is closed as a slow consumer); messages/s and
 *               frames delivered/s until every subscriber has every message.
 *
 * Pairs: single (S -> S), cluster-same (A -> A: publisher and subscribers on one node of the
 * cluster), cross (A -> B: publisher on one node, subscribers on the other).
 *
 *   java ClusterLoad.java --single PORT --a PORT --b PORT --token JWT [--rate 1000] [--seconds 8]
 *        [--subs 10] [--messages 40000] [--publishers 4] [--rounds 3]
 */
public class ClusterLoad {
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static String token;
    static int channelCounter;

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].substring(2), args[i + 1]);
        }
        token = o.get("token");
        int single = Integer.parseInt(o.get("single"));
        int a = Integer.parseInt(o.get("a"));
        int b = Integer.parseInt(o.get("b"));
        int rate = Integer.parseInt(o.getOrDefault("rate", "1000"));
        int seconds = Integer.parseInt(o.getOrDefault("seconds", "8"));
        int subs = Integer.parseInt(o.getOrDefault("subs", "10"));
        int messages = Integer.parseInt(o.getOrDefault("messages", "40000"));
        int publishers = Integer.parseInt(o.getOrDefault("publishers", "4"));
        int rounds = Integer.parseInt(o.getOrDefault("rounds", "3"));
        String[][] pairs = {{"single", single + "", single + ""}, {"cluster-same", a + "", a + ""}, {"cross", a + "", b + ""}};

        // Warm-up, not counted: every server's JIT has seen every path before the first measurement.
        for (String[] p : pairs) {
            throughput(Integer.parseInt(p[1]), Integer.parseInt(p[2]), 8000, publishers, subs);
            latency(Integer.parseInt(p[1]), Integer.parseInt(p[2]), rate, 1, subs);
        }
        Map<String, List<double[]>> latency = new HashMap<>();
        Map<String, List<double[]>> throughput = new HashMap<>();
        // Rounds alternate the pairs so that background load on the shared machine hits all of them alike.
        for (int round = 1; round <= rounds; round++) {
            for (String[] p : pairs) {
                double[] l = latency(Integer.parseInt(p[1]), Integer.parseInt(p[2]), rate, seconds, subs);
                System.out.printf(Locale.ROOT, "RESULT round=%d latency %-12s p50=%.3fms p99=%.3fms max=%.3fms samples=%d%n",
                    round, p[0], l[0], l[1], l[2], (long) l[3]);
                latency.computeIfAbsent(p[0], k -> new ArrayList<>()).add(l);
            }
            for (String[] p : pairs) {
                double[] t = throughput(Integer.parseInt(p[1]), Integer.parseInt(p[2]), messages, publishers, subs);
                System.out.printf(Locale.ROOT, "RESULT round=%d throughput %-12s messages/s=%.0f frames/s=%.0f%n",
                    round, p[0], t[0], t[1]);
                throughput.computeIfAbsent(p[0], k -> new ArrayList<>()).add(t);
            }
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "latency at %d msg/s to %d subscribers (median of %d rounds)%n", rate, subs, rounds);
        System.out.printf(Locale.ROOT, "%-13s %9s %9s %9s%n", "pair", "p50 ms", "p99 ms", "max ms");
        for (String[] p : pairs) {
            List<double[]> r = latency.get(p[0]);
            System.out.printf(Locale.ROOT, "%-13s %9.3f %9.3f %9.3f%n", p[0], median(r, 0), median(r, 1), median(r, 2));
        }
        System.out.printf(Locale.ROOT, "%nthroughput: %d messages from %d publishers to %d subscribers (median of %d rounds)%n",
            messages, publishers, subs, rounds);
        System.out.printf(Locale.ROOT, "%-13s %11s %11s %9s%n", "pair", "messages/s", "frames/s", "vs single");
        double base = median(throughput.get("single"), 0);
        for (String[] p : pairs) {
            List<double[]> r = throughput.get(p[0]);
            System.out.printf(Locale.ROOT, "%-13s %11.0f %11.0f %8.2fx%n", p[0], median(r, 0), median(r, 1),
                median(r, 0) / base);
        }
        System.exit(0);
    }

    static double median(List<double[]> runs, int column) {
        double[] v = runs.stream().mapToDouble(r -> r[column]).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** p50, p99, max (ms) and the sample count, after a warm-up of 2 s that is not counted. */
    static double[] latency(int pubPort, int subPort, int rate, int seconds, int subs) throws Exception {
        String channel = "bench:" + (++channelCounter);
        int warm = rate * 2;
        int total = warm + rate * seconds;
        long[][] samples = new long[subs][total];
        java.util.concurrent.atomic.AtomicIntegerArray counts = new java.util.concurrent.atomic.AtomicIntegerArray(subs);
        List<Client> clients = new ArrayList<>();
        for (int s = 0; s < subs; s++) {
            int index = s;
            clients.add(Client.join(subPort, channel, text -> {
                long sent = number(text, "\"t\":");
                long i = number(text, "\"i\":");
                if (i >= warm) {
                    samples[index][counts.getAndIncrement(index)] = System.nanoTime() - sent;
                }
            }));
        }
        Client pub = Client.join(pubPort, channel, text -> { });
        clients.add(pub);
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            pub.send("{\"action\":\"message\",\"options\":{\"channel\":\"" + channel + "\"},\"payload\":{\"t\":"
                + System.nanoTime() + ",\"i\":" + i + "}}");
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        int expected = total - warm;
        while (System.nanoTime() < deadline && slowest(counts) < expected) {
            Thread.sleep(20);
        }
        clients.forEach(Client::close);
        int n = 0;
        for (int s = 0; s < subs; s++) {
            n += counts.get(s);
        }
        long[] all = new long[n];
        int k = 0;
        for (int s = 0; s < subs; s++) {
            System.arraycopy(samples[s], 0, all, k, counts.get(s));
            k += counts.get(s);
        }
        Arrays.sort(all);
        if (n < expected * subs) {
            System.out.println("WARNING: " + (expected * subs - n) + " frames did not arrive within 20 s");
        }
        return new double[] {all[n / 2] / 1e6, all[(int) (n * 0.99)] / 1e6, all[n - 1] / 1e6, n};
    }

    /** Messages/s and frames/s from the first send until every subscriber has every message. */
    static double[] throughput(int pubPort, int subPort, int messages, int publishers, int subs) throws Exception {
        String channel = "bench:" + (++channelCounter);
        AtomicLong[] received = new AtomicLong[subs];
        List<Client> clients = new ArrayList<>();
        for (int s = 0; s < subs; s++) {
            AtomicLong count = received[s] = new AtomicLong();
            clients.add(Client.join(subPort, channel, text -> count.incrementAndGet()));
        }
        List<Client> pubs = new ArrayList<>();
        for (int p = 0; p < publishers; p++) {
            Client c = Client.join(pubPort, channel, text -> { });
            pubs.add(c);
            clients.add(c);
        }
        int each = messages / publishers;
        int total = each * publishers;
        int window = 2000;
        AtomicLong sent = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (Client pub : pubs) {
            Thread t = new Thread(() -> {
                for (int i = 0; i < each; i++) {
                    while (sent.get() - slowest(received) >= window) {
                        LockSupport.parkNanos(20_000);
                    }
                    sent.incrementAndGet();
                    pub.send("{\"action\":\"message\",\"options\":{\"channel\":\"" + channel + "\"},\"payload\":{\"i\":"
                        + i + "}}");
                }
            });
            t.start();
            threads.add(t);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (slowest(received) < total && System.nanoTime() < deadline) {
            LockSupport.parkNanos(200_000);
        }
        double secs = (System.nanoTime() - start) / 1e9;
        for (Thread t : threads) {
            t.join(1000);
        }
        clients.forEach(Client::close);
        if (slowest(received) < total) {
            System.out.println("WARNING: only " + slowest(received) + " of " + total + " arrived within 120 s");
        }
        return new double[] {total / secs, (double) total * subs / secs};
    }

    static int slowest(java.util.concurrent.atomic.AtomicIntegerArray counts) {
        int min = Integer.MAX_VALUE;
        for (int i = 0; i < counts.length(); i++) {
            min = Math.min(min, counts.get(i));
        }
        return min;
    }

    static long slowest(AtomicLong[] counts) {
        long min = Long.MAX_VALUE;
        for (AtomicLong c : counts) {
            min = Math.min(min, c.get());
        }
        return min;
    }

    static long number(CharSequence text, String key) {
        String s = text.toString();
        int at = s.indexOf(key) + key.length();
        long v = 0;
        while (at < s.length() && Character.isDigit(s.charAt(at))) {
            v = v * 10 + (s.charAt(at++) - '0');
        }
        return v;
    }

    /** A WebSocket client that hands the text of every "message" frame to a callback. */
    static final class Client implements WebSocket.Listener {
        private final java.util.function.Consumer<CharSequence> onMessage;
        private final CompletableFuture<Void> joined = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();
        private WebSocket ws;

        Client(java.util.function.Consumer<CharSequence> onMessage) {
            this.onMessage = onMessage;
        }

        static Client join(int port, String channel, java.util.function.Consumer<CharSequence> onMessage) throws Exception {
            Client c = new Client(onMessage);
            c.ws = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5)).subprotocols(token)
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/rt/bench"), c).get(10, TimeUnit.SECONDS);
            c.send("{\"action\":\"join\",\"options\":{\"channel\":\"" + channel + "\"},\"payload\":{}}");
            c.joined.get(10, TimeUnit.SECONDS);
            return c;
        }

        synchronized void send(String text) {
            ws.sendText(text, true).join();
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            CharSequence text = data;
            if (!last || partial.length() > 0) {
                partial.append(data);
                text = partial;
            }
            if (last) {
                String s = text.toString();
                if (s.startsWith("{\"action\":\"message\"")) {
                    onMessage.accept(s);
                } else if (s.startsWith("{\"action\":\"join\"")) {
                    joined.complete(null);
                } else if (s.startsWith("{\"action\":\"error\"")) {
                    System.out.println("server error: " + s);
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            if (statusCode != 1000) {
                System.out.println("WARNING: a connection was closed with " + statusCode);
            }
            return null;
        }

        void close() {
            ws.abort();
        }
    }
}
