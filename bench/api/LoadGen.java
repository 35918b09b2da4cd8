import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keep-alive HTTP load, in its own JVM: CONNECTIONS threads, each with its own client (one
 * persistent connection), send METHOD URL for WARMUP + MEASURE seconds. RATE 0 is closed loop
 * (as fast as answers come: the maximum rate); RATE > 0 sends on a fixed schedule and measures
 * latency from each request's scheduled time, so a stall counts for every request it delays.
 * Prints "measuring" when the measured window opens and "measured" when it closes (so the server
 * can take its CPU time over the window), then one line: rps, p50 and p99 in milliseconds,
 * non-200 answers.
 *
 *   java LoadGen URL METHOD BODY|- TOKEN CONNECTIONS WARMUP MEASURE RATE
 */
public final class LoadGen {
    public static void main(String[] a) throws Exception {
        URI uri = URI.create(a[0]);
        String method = a[1];
        String body = a[2].equals("-") ? null : a[2];
        String token = a[3];
        int connections = Integer.parseInt(a[4]);
        double warmup = Double.parseDouble(a[5]);
        double measure = Double.parseDouble(a[6]);
        double rate = Double.parseDouble(a[7]);
        long start = System.nanoTime() + 200_000_000L;
        long measureFrom = start + (long) (warmup * 1e9);
        long end = measureFrom + (long) (measure * 1e9);
        long[][] latencies = new long[connections][];
        int[] counts = new int[connections];
        AtomicLong errors = new AtomicLong();
        Thread[] threads = new Thread[connections];
        for (int t = 0; t < connections; t++) {
            int id = t;
            threads[t] = new Thread(() -> {
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();
                HttpRequest.Builder b = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token);
                HttpRequest request = body == null ? b.GET().build()
                    : b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body)).build();
                long[] mine = new long[1 << 20];
                int n = 0;
                double interval = rate > 0 ? 1e9 * connections / rate : 0;
                long k = 0;
                while (true) {
                    long scheduled = rate > 0 ? start + (long) (interval * k++) + (long) (interval * id / connections)
                        : System.nanoTime();
                    if (scheduled >= end) {
                        break;
                    }
                    long now = System.nanoTime();
                    if (scheduled > now) {
                        java.util.concurrent.locks.LockSupport.parkNanos(scheduled - now);
                    }
                    long sent = rate > 0 ? scheduled : System.nanoTime();
                    try {
                        HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        if (r.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    long done = System.nanoTime();
                    if (sent >= measureFrom && done <= end && n < mine.length) {
                        mine[n++] = done - sent;
                    }
                }
                latencies[id] = mine;
                counts[id] = n;
            });
            threads[t].start();
        }
        Thread clock = new Thread(() -> {
            at(measureFrom);
            System.out.println("measuring");
            at(end);
            System.out.println("measured");
        });
        clock.start();
        for (Thread t : threads) {
            t.join();
        }
        clock.join();
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int t = 0; t < connections; t++) {
            System.arraycopy(latencies[t], 0, all, at, counts[t]);
            at += counts[t];
        }
        Arrays.sort(all);
        double p50 = total == 0 ? 0 : all[(int) (total * 0.50)] / 1e6;
        double p99 = total == 0 ? 0 : all[Math.min(total - 1, (int) (total * 0.99))] / 1e6;
        System.out.printf("rps=%.0f p50=%.2f p99=%.2f errors=%d%n", total / measure, p50, p99, errors.get());
    }

    private static void at(long nanos) {
        for (long now = System.nanoTime(); now < nanos; now = System.nanoTime()) {
            java.util.concurrent.locks.LockSupport.parkNanos(nanos - now);
        }
    }
}
