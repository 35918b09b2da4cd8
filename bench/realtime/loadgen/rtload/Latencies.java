package rtload;

/**
 * A histogram of latencies: 1 µs buckets up to 100 ms, 100 µs buckets up to 10 s. Written by
 * one reactor thread; read after the run, merged with the others.
 */
final class Latencies {
    private static final int FINE = 100_000;
    private static final int COARSE = 100_000;

    private final long[] fine = new long[FINE];
    private final long[] coarse = new long[COARSE];
    private long count;
    private long max;

    void record(long nanos) {
        long micros = Math.max(0, nanos / 1000);
        if (micros < FINE) {
            fine[(int) micros]++;
        } else {
            coarse[(int) Math.min(COARSE - 1, micros / 100)]++;
        }
        count++;
        max = Math.max(max, micros);
    }

    void add(Latencies other) {
        for (int i = 0; i < FINE; i++) {
            fine[i] += other.fine[i];
        }
        for (int i = 0; i < COARSE; i++) {
            coarse[i] += other.coarse[i];
        }
        count += other.count;
        max = Math.max(max, other.max);
    }

    long count() {
        return count;
    }

    long maxMicros() {
        return max;
    }

    /** The latency in microseconds below which {@code q} of the recorded ones lie. */
    long percentileMicros(double q) {
        long rank = (long) Math.ceil(q * count);
        long seen = 0;
        for (int i = 0; i < FINE; i++) {
            seen += fine[i];
            if (seen >= rank) {
                return i;
            }
        }
        for (int i = FINE / 100; i < COARSE; i++) {
            seen += coarse[i];
            if (seen >= rank) {
                return i * 100L;
            }
        }
        return max;
    }
}
