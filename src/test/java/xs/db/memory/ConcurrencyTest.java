package xs.db.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import xs.db.DbException;
import xs.db.Query;
import xs.db.ReturnSpec;

import static org.junit.jupiter.api.Assertions.*;
import static xs.db.memory.Schemas.*;

class ConcurrencyTest {
    private static final int THREADS = 8;

    private static <T> List<T> race(int threads, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) out.add(f.get(60, TimeUnit.SECONDS));
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void transactionalIncrementsLoseNothing() throws Exception {
        MemoryDatabase db = MemoryDatabase.inMemory();
        db.define(table("counter", List.of(col("n", "int"))));
        db.add("counter", row("n", 0L));
        race(THREADS, () -> {
            for (int i = 0; i < 1000; i++) {
                db.transaction(() -> {
                    long n = (Long) db.get("counter", "id", 1L).get("n");
                    return db.edit("counter", "id", 1L, row("n", n + 1));
                });
            }
            return null;
        });
        assertEquals(8000L, db.get("counter", "id", 1L).get("n"));
    }

    @Test
    void exactlyOneOfManyRacingInsertsOfAUniqueEmailWins() throws Exception {
        for (int round = 0; round < 20; round++) {
            MemoryDatabase db = MemoryDatabase.inMemory();
            db.define(user());
            List<Boolean> won = race(THREADS, () -> {
                try {
                    db.add("user", row("email", "same@x.io"));
                    return true;
                } catch (DbException e) {
                    assertEquals(DbException.Kind.UNIQUE_VIOLATION, e.kind());
                    return false;
                }
            });
            assertEquals(1, won.stream().filter(b -> b).count());
            assertEquals(1L, db.query(new Query("user", null, null, new ReturnSpec("count", null), null, null)));
        }
    }

    @Test
    void readersNeverSeeHalfATransaction() throws Exception {
        MemoryDatabase db = MemoryDatabase.inMemory();
        db.define(table("account", List.of(col("balance", "int"))));
        db.add("account", row("balance", 100L));
        db.add("account", row("balance", 100L));
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> readers = new ArrayList<>();
            for (int r = 0; r < 3; r++) {
                readers.add(pool.submit(() -> {
                    int checks = 0;
                    while (!stop.get()) {
                        @SuppressWarnings("unchecked")
                        List<Map<String, Object>> rows = (List<Map<String, Object>>) db.query(Query.all("account"));
                        long total = 0;
                        for (Map<String, Object> row : rows) total += (Long) row.get("balance");
                        assertEquals(200L, total);
                        checks++;
                    }
                    return checks;
                }));
            }
            for (int i = 0; i < 2000; i++) {
                int from = i % 2 + 1, to = 2 - i % 2;
                db.transaction(() -> {
                    long a = (Long) db.get("account", "id", (long) from).get("balance");
                    db.edit("account", "id", (long) from, row("balance", a - 1));
                    Thread.yield();
                    long b = (Long) db.get("account", "id", (long) to).get("balance");
                    return db.edit("account", "id", (long) to, row("balance", b + 1));
                });
            }
            stop.set(true);
            for (Future<Integer> f : readers) assertTrue(f.get(60, TimeUnit.SECONDS) > 0);
        } finally {
            stop.set(true);
            pool.shutdownNow();
        }
    }
}
