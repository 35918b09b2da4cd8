package xs.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import xs.interp.XsError;

/** api.request against an HTTP server of the test's own, on 127.0.0.1. */
class ApiRequestTest {
    private HttpServer server;
    private String base;
    private final ConcurrentLinkedQueue<String> seen = new ConcurrentLinkedQueue<>();
    private final CountDownLatch release = new CountDownLatch(1);

    private static final String SCRIPT = """
        function call {
          input {
            text url
            text method?
            json params?
            json headers?
            decimal timeout?
            bool follow?
          }
          stack {
            api.request {
              url = $input.url
              method = $input.method ?? "GET"
              params = $input.params
              headers = $input.headers ?? []
              timeout = $input.timeout ?? 10
              follow_location = $input.follow ?? true
            } as $r
          }
          response = $r
        }
        """;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/json", x -> {
            record(x);
            reply(x, 200, "application/json", "{\"ok\":true,\"n\":[1,2.5]}");
        });
        server.createContext("/text", x -> reply(x, 200, "text/plain", "hello"));
        server.createContext("/missing", x -> reply(x, 404, "application/json", "{\"error\":\"nope\"}"));
        server.createContext("/echo", x -> {
            String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            seen.add(x.getRequestMethod() + " " + x.getRequestURI() + " " + x.getRequestHeaders().getFirst("Content-Type")
                + " " + x.getRequestHeaders().getFirst("X-Token") + " " + body);
            reply(x, 201, "text/plain", "ok");
        });
        server.createContext("/moved", x -> {
            x.getResponseHeaders().add("Location", "/json");
            x.sendResponseHeaders(302, -1);
            x.close();
        });
        server.createContext("/loop", x -> {
            x.getResponseHeaders().add("Location", "/loop");
            x.sendResponseHeaders(302, -1);
            x.close();
        });
        server.createContext("/slow", x -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            reply(x, 200, "text/plain", "late");
        });
        server.createContext("/huge", x -> {
            x.sendResponseHeaders(200, 0);
            byte[] chunk = new byte[64 * 1024];
            try (OutputStream out = x.getResponseBody()) {
                for (int i = 0; i < 1024; i++) {
                    out.write(chunk);
                }
            } catch (IOException e) {
                // the client hung up once the body passed its cap
            }
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    private void record(HttpExchange x) {
        seen.add(x.getRequestMethod() + " " + x.getRequestURI());
    }

    private static void reply(HttpExchange x, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", type);
        x.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, Object> ordered(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> response(Object result) {
        return (Map<String, Object>) ((Map<String, Object>) result).get("response");
    }

    @Test
    void jsonBodyIsDecodedAndGetParamsGoToTheQueryString() {
        Object r = Scripts.of(SCRIPT).call("call", Map.of("url", base + "/json?x=1", "params", Map.of("q", "a b")));
        Map<String, Object> response = response(r);
        assertEquals(200L, response.get("status"));
        assertEquals(Map.of("ok", true, "n", List.of(1L, new java.math.BigDecimal("2.5"))), response.get("result"));
        assertTrue(((List<?>) response.get("headers")).contains("content-type: application/json"), response.toString());
        assertEquals(List.of("GET /json?x=1&q=a+b"), List.copyOf(seen));
        Map<?, ?> request = (Map<?, ?>) ((Map<?, ?>) r).get("request");
        assertEquals("GET", request.get("method"));
        assertEquals(base + "/json?x=1", request.get("url"));
    }

    @Test
    void textStaysTextAndErrorsStatusesAreResultsNotErrors() {
        Scripts s = Scripts.of(SCRIPT);
        assertEquals("hello", response(s.call("call", Map.of("url", base + "/text"))).get("result"));
        Map<String, Object> missing = response(s.call("call", Map.of("url", base + "/missing")));
        assertEquals(404L, missing.get("status"));
        assertEquals(Map.of("error", "nope"), missing.get("result"));
    }

    @Test
    void postSendsJsonOrAFormAsTheContentTypeSays() {
        Scripts s = Scripts.of(SCRIPT);
        s.call("call", Map.of("url", base + "/echo", "method", "post", "params", ordered("a", 1L, "b", List.of("x")),
            "headers", List.of("X-Token: t1")));
        s.call("call", Map.of("url", base + "/echo", "method", "PUT", "params", ordered("a", "1 2", "b", Map.of("c", true)),
            "headers", List.of("Content-Type: application/x-www-form-urlencoded")));
        assertEquals(List.of("POST /echo application/json t1 {\"a\":1,\"b\":[\"x\"]}",
            "PUT /echo application/x-www-form-urlencoded null a=1+2&b%5Bc%5D=1"), List.copyOf(seen));
    }

    @Test
    void redirectsAreFollowedOrNotAndALoopIsAnError() {
        Scripts s = Scripts.of(SCRIPT);
        assertEquals(Map.of("ok", true, "n", List.of(1L, new java.math.BigDecimal("2.5"))),
            response(s.call("call", Map.of("url", base + "/moved"))).get("result"));
        assertEquals(302L, response(s.call("call", Map.of("url", base + "/moved", "follow", false))).get("status"));
        XsError loop = s.error("call", Map.of("url", base + "/loop"));
        assertTrue(loop.getMessage().contains("redirects"), loop.getMessage());
    }

    @Test
    void aTimeoutIsABoundedErrorThatDoesNotBlockOtherCalls() throws Exception {
        Scripts s = Scripts.of(SCRIPT);
        var pool = Executors.newFixedThreadPool(2);
        try {
            var slow = pool.submit(() -> s.error("call", Map.of("url", base + "/slow?key=secret", "timeout", 1L)));
            // Meanwhile another call is served.
            assertEquals("hello", response(pool.submit(() -> s.call("call", Map.of("url", base + "/text")))
                .get(20, TimeUnit.SECONDS)).get("result"));
            XsError e = slow.get(20, TimeUnit.SECONDS);
            assertTrue(e.getMessage().contains("timed out"), e.getMessage());
            assertTrue(e.getMessage().contains(base + "/slow"), e.getMessage());
            assertFalse(e.getMessage().contains("secret"), "the query string may hold keys: " + e.getMessage());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anUnreachableHostAndAHugeBodyAreErrorsNamingTheUrl() throws IOException {
        int closed;
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            closed = probe.getLocalPort();
        }
        Scripts s = Scripts.of(SCRIPT);
        XsError refused = s.error("call", Map.of("url", "http://user:pw@127.0.0.1:" + closed + "/x?token=abc"));
        assertTrue(refused.getMessage().contains("http://127.0.0.1:" + closed + "/x failed"), refused.getMessage());
        assertFalse(refused.getMessage().contains("pw") || refused.getMessage().contains("abc"), refused.getMessage());
        Scripts small = Scripts.of(SCRIPT, sv -> sv.with(xs.interp.Outside.none()
            .withHttp(new xs.services.httpclient.JdkHttpRequests(1024 * 1024))));
        XsError huge = small.error("call", Map.of("url", base + "/huge"));
        assertTrue(huge.getMessage().contains("larger than 1 MB"), huge.getMessage());
    }

    @Test
    void mockReplacesTheRequestInItsTest() {
        Scripts s = Scripts.of("""
            function f {
              input {
              }
              stack {
                api.request {
                  url = "http://127.0.0.1:1/never"
                  mock = {"uses the mock": {response: {status: 200, result: "mocked"}}}
                } as $r
              }
              response = $r.response.result
              test "uses the mock" {
                expect.to_equal ($response) {
                  value = "mocked"
                }
              }
            }
            """);
        var construct = s.interpreter().program().function("f").orElseThrow();
        var outcome = s.test(construct, "uses the mock");
        assertTrue(outcome.ok(), () -> String.valueOf(outcome.error()));
        assertEquals("mocked", outcome.response());
    }
}
