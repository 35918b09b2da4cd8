package xs.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xs.interp.ErrorType;
import xs.interp.KeyValueStore;
import xs.interp.XsError;
import xs.realtime.redis.RedisProcess;
import xs.services.cache.MemoryKeyValueStore;
import xs.services.cache.RedisKeyValueStore;

/**
 * The redis.* statements on the in-process store (with a clock the test moves, for TTLs and
 * rate-limit windows) and, with the same script, on a real redis-server.
 */
class RedisStatementsTest {
    private static final String SCRIPT = """
        function put {
          input {
            text key
            json data?
            int ttl?
          }
          stack {
            redis.set {
              key = $input.key
              data = $input.data
              ttl = $input.ttl ?? 0
            }
          }
          response = true
        }

        function read {
          input {
            text key
          }
          stack {
            redis.get {
              key = $input.key
            } as $value

            redis.has {
              key = $input.key
            } as $present
          }
          response = {value: $value, present: $present}
        }

        function limited {
          input {
          }
          stack {
            redis.ratelimit {
              key = "login"
              max = 3
              ttl = 60
              error = "Slow down"
            } as $calls
          }
          response = $calls
        }

        function everything {
          input {
          }
          stack {
            redis.set {
              key = "user:1"
              data = {name: "Ada", tags: ["a"]}
            }

            redis.set {
              key = "user:2"
              data = "two"
            }

            redis.set {
              key = "other"
              data = 5
            }

            redis.keys {
              search = "user:*"
            } as $users

            redis.incr {
              key = "other"
              by = 10
            } as $fifteen

            redis.decr {
              key = "fresh"
              by = 2
            } as $minus_two

            redis.del {
              key = "user:2"
            }

            redis.has {
              key = "user:2"
            } as $gone

            redis.push {
              key = "queue"
              value = {job: 1}
            } as $len1

            redis.push {
              key = "queue"
              value = "b"
            }

            redis.unshift {
              key = "queue"
              value = "front"
            } as $len3

            redis.push {
              key = "queue"
              value = "b"
            }

            redis.range {
              key = "queue"
              start = 0
              stop = -1
            } as $all

            redis.remove {
              key = "queue"
              value = "b"
              count = 0
            } as $removed

            redis.shift {
              key = "queue"
            } as $first

            redis.pop {
              key = "queue"
            } as $last

            redis.pop {
              key = "queue"
            } as $empty

            redis.count {
              key = "queue"
            } as $count

            redis.get {
              key = "user:1"
              package_key = "other_package"
            } as $namespaced

            redis.get {
              key = "user:1"
            } as $user
          }
          response = {
            users: $users, fifteen: $fifteen, minus_two: $minus_two, gone: $gone, len1: $len1, len3: $len3,
            all: $all, removed: $removed, first: $first, last: $last, empty: $empty, count: $count,
            namespaced: $namespaced, user: $user
          }
        }
        """;

    private static final Map<String, Object> EVERYTHING = Map.ofEntries(
        Map.entry("users", List.of("user:1", "user:2")), Map.entry("fifteen", 15L), Map.entry("minus_two", -2L),
        Map.entry("gone", false), Map.entry("len1", 1L), Map.entry("len3", 3L),
        Map.entry("all", List.of("front", Map.of("job", 1L), "b", "b")), Map.entry("removed", 2L),
        Map.entry("first", "front"), Map.entry("last", Map.of("job", 1L)), Map.entry("count", 0L),
        Map.entry("user", Map.of("name", "Ada", "tags", List.of("a"))));

    private static Scripts withStore(KeyValueStore store) {
        return Scripts.of(SCRIPT, s -> s.with(StandardOutside.create().withCache(store)));
    }

    @SuppressWarnings("unchecked")
    private static void checkEverything(Scripts s) {
        Map<String, Object> r = (Map<String, Object>) s.call("everything", Map.of());
        assertNull(r.get("empty"));
        assertNull(r.get("namespaced"));
        r.remove("empty");
        r.remove("namespaced");
        assertEquals(EVERYTHING, r);
    }

    @Test
    void everyStatementOnTheInProcessStore() {
        checkEverything(withStore(new MemoryKeyValueStore(System::currentTimeMillis)));
    }

    @Test
    void valuesExpireAfterTheirTtl() {
        AtomicLong clock = new AtomicLong(1_000_000);
        Scripts s = withStore(new MemoryKeyValueStore(clock::get));
        s.call("put", Map.of("key", "session", "data", Map.of("id", 7L), "ttl", 60L));
        s.call("put", Map.of("key", "forever", "data", "x"));
        assertEquals(Map.of("value", Map.of("id", 7L), "present", true), s.call("read", Map.of("key", "session")));
        clock.addAndGet(59_999);
        assertEquals(true, ((Map<?, ?>) s.call("read", Map.of("key", "session"))).get("present"));
        clock.addAndGet(1);
        Map<?, ?> expired = (Map<?, ?>) s.call("read", Map.of("key", "session"));
        assertNull(expired.get("value"));
        assertEquals(false, expired.get("present"));
        assertEquals("x", ((Map<?, ?>) s.call("read", Map.of("key", "forever"))).get("value"));
    }

    @Test
    void ratelimitRefusesPastMaxUntilTheWindowEnds() {
        AtomicLong clock = new AtomicLong(5_000_000);
        Scripts s = withStore(new MemoryKeyValueStore(clock::get));
        assertEquals(1L, s.call("limited", Map.of()));
        assertEquals(2L, s.call("limited", Map.of()));
        assertEquals(3L, s.call("limited", Map.of()));
        XsError e = s.error("limited", Map.of());
        assertEquals(ErrorType.TOOMANYREQUESTS, e.type());
        assertEquals("Slow down", e.getMessage());
        clock.addAndGet(60_000);
        assertEquals(1L, s.call("limited", Map.of()));
    }

    @Test
    void aListKeyReadAsAValueIsAClearError() {
        XsError e = Scripts.of("""
            function f {
              input {
              }
              stack {
                redis.push {
                  key = "l"
                  value = 1
                }

                redis.incr {
                  key = "l"
                } as $n
              }
              response = $n
            }
            """).error("f", Map.of());
        assertTrue(e.getMessage().contains("redis.incr: the key \"l\" does not hold a whole number"), e.getMessage());
    }

    @Test
    void everyStatementOnARealRedis(@TempDir Path dir) throws Exception {
        try (RedisProcess redis = RedisProcess.start(dir);
             RedisKeyValueStore store = RedisKeyValueStore.connect(redis.url())) {
            checkEverything(withStore(store));
            Scripts s = withStore(store);
            assertEquals(1L, s.call("limited", Map.of()));
            s.call("limited", Map.of());
            s.call("limited", Map.of());
            assertEquals(ErrorType.TOOMANYREQUESTS, s.error("limited", Map.of()).type());
            s.call("put", Map.of("key", "session", "data", List.of(1L, "two"), "ttl", 100L));
            assertEquals(Map.of("value", List.of(1L, "two"), "present", true), s.call("read", Map.of("key", "session")));
        }
    }

}
