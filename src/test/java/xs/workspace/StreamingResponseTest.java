package xs.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import xs.interp.HttpRequests;
import xs.interp.Outside;

/**
 * {@code api.stream} and {@code util.post_process} over a real {@code xs serve}: events reach the
 * client one by one while the stack still runs (the stack waits at a gate the test opens after
 * reading the first event), a failure after the stream started ends it with an error event, and
 * post-process stacks run after the client has its answer, their errors logged with file and line,
 * never sent. A client that leaves mid-stream: {@code xs.http.StreamDisconnectTest}.
 */
@Timeout(120)
class StreamingResponseTest {
    static final String API = "/api:s";
    @TempDir
    static Path dir;
    static ApiServer api;
    static final Gates GATES = new Gates();

    static final Map<String, String> FILES = Map.ofEntries(
        Map.entry("table/tables.xs", """
            table order {
              schema {
                int id
                text item
              }
            }
            table audit {
              schema {
                int id
                int order_id
                text note
              }
            }
            """),
        Map.entry("api/s/s.xs", "api_group s {\n}\n"),
        Map.entry("api/s/poem_GET.xs", """
            query poem verb=GET {
              api_group = "s"
              stack {
                util.set_header { value = "X-Poem: frost" }
                api.stream { value = "Two roads diverged" }
                api.request { url = "http://gate/poem" } as $waited
                api.stream { value = {line: 2, text: "in a yellow wood"} }
              }
              response = "not sent: the answer is the events"
            }
            """),
        Map.entry("api/s/broken_GET.xs", """
            query broken verb=GET {
              api_group = "s"
              stack {
                api.stream { value = "first" }
                precondition (false) {
                  error_type = "notfound"
                  error = "the rest is missing"
                }
              }
              response = null
            }
            """),
        Map.entry("api/s/early_GET.xs", """
            query early verb=GET {
              api_group = "s"
              stack {
                precondition (false) {
                  error_type = "accessdenied"
                  error = "no stream for you"
                }
                api.stream { value = "never" }
              }
              response = null
            }
            """),
        Map.entry("api/s/order_POST.xs", """
            query order verb=POST {
              api_group = "s"
              stack {
                db.add order { data = {item: "book"} } as $order
                util.post_process {
                  stack {
                    api.request { url = "http://gate/post" } as $waited
                    db.add audit { data = {order_id: $order.id, note: "after " ~ $order.item} }
                  }
                }
                var.update $order { value = {id: $order.id, item: "changed after the statement"} }
              }
              response = {id: $order.id}
            }
            """),
        Map.entry("api/s/failing_POST.xs", """
            query failing verb=POST {
              api_group = "s"
              stack {
                util.post_process {
                  stack {
                    var $x { value = 1 / 0 }
                  }
                }
              }
              response = "ok"
            }
            """),
        Map.entry("api/s/audits_GET.xs", """
            query audits verb=GET {
              api_group = "s"
              stack {
                db.query audit {} as $rows
              }
              response = $rows
            }
            """));

    /** api.request to {@code http://gate/NAME} waits until the test opens that gate. */
    static final class Gates implements HttpRequests {
        final Map<String, CountDownLatch> open = new ConcurrentHashMap<>();
        final Map<String, CountDownLatch> reached = new ConcurrentHashMap<>();

        CountDownLatch opening(String name) {
            return open.computeIfAbsent(name, k -> new CountDownLatch(1));
        }

        CountDownLatch reaching(String name) {
            return reached.computeIfAbsent(name, k -> new CountDownLatch(1));
        }

        @Override
        public Reply send(Call call) throws Failure {
            String name = URI.create(call.url()).getPath().substring(1);
            reaching(name).countDown();
            try {
                if (!opening(name).await(60, TimeUnit.SECONDS)) {
                    throw new Failure("gate " + name + " was never opened");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Failure("interrupted at gate " + name);
            }
            return new Reply(200, List.of("Content-Type: application/json"), "{}".getBytes(StandardCharsets.UTF_8));
        }
    }

    @BeforeAll
    static void start() throws Exception {
        api = new ApiServer(ApiServer.write(dir, FILES), 1 << 20, Outside.none().withHttp(GATES));
    }

    @AfterAll
    static void stop() {
        GATES.open.values().forEach(CountDownLatch::countDown);
        api.close();
    }

    /** One server-sent event: its fields as written. */
    record Event(Map<String, String> fields) {
        String get(String name) {
            return fields.get(name);
        }
    }

    /** Reads the next event from the lines of a stream, or null at its end. */
    static Event next(Iterator<String> lines) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        while (lines.hasNext()) {
            String line = lines.next();
            if (line.isEmpty()) {
                if (!fields.isEmpty()) {
                    return new Event(fields);
                }
                continue;
            }
            int colon = line.indexOf(':');
            fields.merge(line.substring(0, colon), line.substring(colon + 1).stripLeading(), (a, b) -> a + "\n" + b);
        }
        return fields.isEmpty() ? null : new Event(fields);
    }

    static HttpResponse<Stream<String>> open(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.base() + API + path))
            .timeout(Duration.ofSeconds(60)).header("Accept", "text/event-stream").GET().build();
        return ApiServer.HTTP.send(request, HttpResponse.BodyHandlers.ofLines());
    }

    @Test
    void eachEventArrivesWhileTheStackStillRuns() throws Exception {
        HttpResponse<Stream<String>> r = open("/poem");
        assertEquals(200, r.statusCode());
        assertEquals("text/event-stream; charset=utf-8", r.headers().firstValue("Content-Type").orElse(null));
        assertEquals("frost", r.headers().firstValue("X-Poem").orElse(null), "headers set before the first event go out");
        assertTrue(r.headers().firstValue("Content-Length").isEmpty(), "a stream has no length: it is chunked");
        Iterator<String> lines = r.body().iterator();
        Event first = next(lines);
        assertEquals("1", first.get("id"));
        assertEquals("\"Two roads diverged\"", first.get("data"));
        // The stack is still held at the gate: the first event came before it finished.
        assertTrue(GATES.reaching("poem").await(30, TimeUnit.SECONDS));
        assertEquals(1, GATES.opening("poem").getCount(), "the gate is still closed");
        GATES.opening("poem").countDown();
        Event second = next(lines);
        assertEquals("2", second.get("id"));
        assertEquals("{\"line\":2,\"text\":\"in a yellow wood\"}", second.get("data"));
        assertNull(next(lines), "the stream ends with the stack; the query's response is not sent");
    }

    @Test
    void aFailureAfterTheFirstEventEndsTheStreamWithAnErrorEvent() throws Exception {
        Iterator<String> lines = open("/broken").body().iterator();
        assertEquals("\"first\"", next(lines).get("data"));
        Event error = next(lines);
        assertEquals("error", error.get("event"));
        assertEquals("{\"code\":\"ERROR_CODE_NOT_FOUND\",\"message\":\"the rest is missing\",\"payload\":\"\"}",
            error.get("data"));
        assertNull(next(lines));
    }

    @Test
    void aFailureBeforeAnyEventIsAnOrdinaryErrorAnswer() throws Exception {
        ApiServer.Reply r = api.get(API + "/early");
        assertEquals(403, r.status());
        assertEquals("no stream for you", r.json().get("message").asText());
        assertTrue(r.header("Content-Type").startsWith("application/json"));
    }

    @Test
    void postProcessRunsAfterTheClientHasItsAnswer() throws Exception {
        ApiServer.Reply r = api.json("POST", API + "/order", "{}");
        assertEquals(200, r.status());
        long id = r.json().get("id").asLong();
        // The answer came while the post-process stack waits at its gate: it has not written yet.
        assertTrue(GATES.reaching("post").await(30, TimeUnit.SECONDS));
        assertEquals("[]", api.get(API + "/audits").body());
        GATES.opening("post").countDown();
        String rows = waitFor(() -> api.get(API + "/audits").body(), b -> !b.equals("[]"));
        assertTrue(rows.contains("\"order_id\":" + id), rows);
        assertTrue(rows.contains("\"note\":\"after book\""), "it sees the variables as they were when reached: " + rows);
    }

    @Test
    void postProcessFailuresAreLoggedWithFileAndLineNotSent() throws Exception {
        ApiServer.Reply r = api.json("POST", API + "/failing", "{}");
        assertEquals(200, r.status());
        assertEquals("\"ok\"", r.body());
        String line = waitForLog("division by zero");
        assertTrue(line.matches("(?s).*xs serve: util\\.post_process \\(\\S*failing_POST\\.xs:4:5\\) failed at "
            + "\\S*failing_POST\\.xs:6:\\d+: division by zero.*"), line);
    }

    private static String waitForLog(String text) throws Exception {
        return waitFor(() -> api.log.toString(StandardCharsets.UTF_8), l -> l.contains(text));
    }

    interface Check<T> {
        T get() throws Exception;
    }

    private static <T> T waitFor(Check<T> read, java.util.function.Predicate<T> done) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        T value = read.get();
        while (!done.test(value)) {
            if (System.nanoTime() > until) {
                throw new AssertionError("still not there after 60 s: " + value);
            }
            Thread.sleep(20);
            value = read.get();
        }
        return value;
    }
}
