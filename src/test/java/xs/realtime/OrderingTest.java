package xs.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Within one channel every member sees messages and events in one order, the order the hub
 * accepted them, even with several publishers (sockets and an HTTP function) at once.
 */
class OrderingTest {
    static final int PUBLISHERS = 4;
    static final int EACH = 150;
    static final int EVENTS = 40;

    @Test
    @Timeout(60)
    void oneOrderForEveryMemberUnderConcurrentPublishers() throws Exception {
        try (TestHub hub = TestHub.start()) {
            List<WsClient> publishers = new ArrayList<>();
            for (int p = 0; p < PUBLISHERS; p++) {
                WsClient c = hub.user(String.valueOf(100 + p));
                c.joined("order:1");
                publishers.add(c);
            }
            List<WsClient> readers = new ArrayList<>(publishers);
            for (int r = 0; r < 2; r++) {
                WsClient c = hub.user(String.valueOf(200 + r));
                c.joined("order:1");
                readers.add(c);
            }
            ExecutorService pool = Executors.newFixedThreadPool(PUBLISHERS + 1);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> running = new ArrayList<>();
            for (int p = 0; p < PUBLISHERS; p++) {
                WsClient c = publishers.get(p);
                int publisher = p;
                running.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < EACH; i++) {
                        c.message("order:1", "{\"p\":" + publisher + ",\"i\":" + i + "}");
                    }
                    return null;
                }));
            }
            running.add(pool.submit(() -> {
                go.await();
                for (int i = 0; i < EVENTS; i++) {
                    assertEquals(200, hub.post("emit", "{\"channel\":\"order:1\",\"data\":{\"p\":-1,\"i\":" + i + "}}", null)
                        .statusCode());
                }
                return null;
            }));
            go.countDown();
            for (Future<?> f : running) {
                f.get(30, TimeUnit.SECONDS);
            }
            pool.shutdown();
            int total = PUBLISHERS * EACH + EVENTS;
            List<String> reference = null;
            for (WsClient reader : readers) {
                List<String> seen = new ArrayList<>();
                Map<Integer, Integer> lastPerPublisher = new HashMap<>();
                for (int n = 0; n < total; n++) {
                    JsonNode f = reader.next();
                    int p = f.path("payload").path("p").asInt();
                    int i = f.path("payload").path("i").asInt();
                    int last = lastPerPublisher.getOrDefault(p, -1);
                    assertEquals(last + 1, i, "publisher " + p + "'s frames arrive in the order sent");
                    lastPerPublisher.put(p, i);
                    seen.add(f.path("action").asText() + p + ":" + i);
                }
                reader.expectSilence(100);
                if (reference == null) {
                    reference = seen;
                } else {
                    assertEquals(reference, seen, "every member sees the same order");
                }
            }
            WsClient late = hub.user("300");
            late.join("order:1", false, true);
            late.expect("join");
            JsonNode history = late.expect("history").path("payload").path("history");
            assertEquals(total, history.size());
            List<String> stored = new ArrayList<>();
            for (JsonNode f : history) {
                stored.add(f.path("action").asText() + f.path("payload").path("p").asInt() + ":"
                    + f.path("payload").path("i").asInt());
            }
            assertEquals(reference, stored, "history keeps the delivery order");
            assertTrue(hub.hub.stats().deliveries() >= (long) total * readers.size());
        }
    }
}
