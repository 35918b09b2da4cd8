package xs.interp;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import xs.ast.GenericStmt;
import xs.source.Span;

/**
 * The {@code redis.*} statements over the run's {@link KeyValueStore}: values are stored as JSON
 * and read back as the script values they were; {@code ttl} is in seconds; {@code package_key}
 * (written by Xano's editor) puts the key in that namespace. A call past {@code redis.ratelimit}'s
 * {@code max} within its {@code ttl} window fails with {@code toomanyrequests} (HTTP 429).
 * <pre>redis.ratelimit { key = "api:" ~ $env.$remote_ip max = 100 ttl = 60 error = "Slow down" }</pre>
 */
final class RedisStatements {
    private RedisStatements() {
    }

    /** One statement's work against the store, given its evaluated key. */
    private interface Work {
        Object run(KeyValueStore store, String key, Frame f) throws KeyValueStore.Failure;
    }

    static void register(StatementRegistry r) {
        r.add("redis.set", Set.of("package_key", "key", "data", "ttl"), Set.of("key"), (s, c) -> {
            Eval data = c.attr(s, "data", null);
            Eval ttl = c.attr(s, "ttl", 0L);
            return keyed(s, c, (store, key, f) -> {
                store.set(key, Json.write(data.eval(f)), seconds(ttl.eval(f), "ttl", s) * 1000);
                return null;
            });
        });
        r.add("redis.get", Set.of("package_key", "key"), Set.of("key"),
            (s, c) -> keyed(s, c, (store, key, f) -> decode(store.get(key))));
        r.add("redis.has", Set.of("package_key", "key"), Set.of("key"),
            (s, c) -> keyed(s, c, (store, key, f) -> store.has(key)));
        r.add("redis.del", Set.of("package_key", "key"), Set.of("key"), (s, c) -> keyed(s, c, (store, key, f) -> {
            store.delete(key);
            return null;
        }));
        r.add("redis.incr", Set.of("package_key", "key", "by"), Set.of("key"), (s, c) -> counter(s, c, 1));
        r.add("redis.decr", Set.of("package_key", "key", "by"), Set.of("key"), (s, c) -> counter(s, c, -1));
        r.add("redis.keys", Set.of("package_key", "search"), Set.of(), RedisStatements::keys);
        r.add("redis.push", Set.of("package_key", "key", "value"), Set.of("key"), (s, c) -> push(s, c, false));
        r.add("redis.unshift", Set.of("package_key", "key", "value"), Set.of("key"), (s, c) -> push(s, c, true));
        r.add("redis.pop", Set.of("package_key", "key"), Set.of("key"),
            (s, c) -> keyed(s, c, (store, key, f) -> decode(store.pop(key, false))));
        r.add("redis.shift", Set.of("package_key", "key"), Set.of("key"),
            (s, c) -> keyed(s, c, (store, key, f) -> decode(store.pop(key, true))));
        r.add("redis.count", Set.of("package_key", "key"), Set.of("key"),
            (s, c) -> keyed(s, c, (store, key, f) -> store.length(key)));
        r.add("redis.range", Set.of("package_key", "key", "start", "stop"), Set.of("key"), (s, c) -> {
            Eval start = c.attr(s, "start", 0L);
            Eval stop = c.attr(s, "stop", -1L);
            return keyed(s, c, (store, key, f) -> {
                List<Object> out = new ArrayList<>();
                for (String v : store.range(key, whole(start.eval(f), "start", s), whole(stop.eval(f), "stop", s))) {
                    out.add(decode(v));
                }
                return out;
            });
        });
        r.add("redis.remove", Set.of("package_key", "key", "value", "count"), Set.of("key"), (s, c) -> {
            Eval value = c.attr(s, "value", null);
            Eval count = c.attr(s, "count", 0L);
            return keyed(s, c, (store, key, f) -> store.remove(key, Json.write(value.eval(f)),
                whole(count.eval(f), "count", s)));
        });
        r.add("redis.ratelimit", Set.of("package_key", "key", "max", "ttl", "error"), Set.of("key", "max", "ttl"),
            RedisStatements::ratelimit);
    }

    private static Exec keyed(GenericStmt s, Compilation c, Work work) {
        Eval key = c.required(s, "key");
        Eval namespace = c.attr(s, "package_key", null);
        Span span = s.span();
        return CoreStatements.produce(s, c, f -> {
            Object k = key.eval(f);
            if (k == null || k instanceof List<?> || k instanceof java.util.Map<?, ?> || "".equals(k)) {
                throw XsError.runtime(span, s.name() + " needs a key (text), got " + Operators.describe(k));
            }
            try {
                return work.run(f.context.services.outside().cache(), namespaced(namespace.eval(f), Values.toText(k)), f);
            } catch (KeyValueStore.Failure e) {
                throw XsError.runtime(span, s.name() + ": " + e.getMessage());
            }
        });
    }

    private static String namespaced(Object namespace, String key) {
        return namespace == null || "".equals(namespace) ? key : Values.toText(namespace) + ":" + key;
    }

    private static Exec counter(GenericStmt s, Compilation c, int sign) {
        Eval by = c.attr(s, "by", 1L);
        return keyed(s, c, (store, key, f) -> store.increment(key, sign * whole(by.eval(f), "by", s)));
    }

    private static Exec push(GenericStmt s, Compilation c, boolean front) {
        Eval value = c.attr(s, "value", null);
        return keyed(s, c, (store, key, f) -> store.push(key, Json.write(value.eval(f)), front));
    }

    private static Exec keys(GenericStmt s, Compilation c) {
        Eval search = c.attr(s, "search", "*");
        Eval namespace = c.attr(s, "package_key", null);
        Span span = s.span();
        return CoreStatements.produce(s, c, f -> {
            Object ns = namespace.eval(f);
            String prefix = ns == null || "".equals(ns) ? "" : Values.toText(ns) + ":";
            Object pattern = search.eval(f);
            String glob = pattern == null || "".equals(pattern) ? "*" : Values.toText(pattern);
            try {
                List<Object> out = new ArrayList<>();
                for (String k : f.context.services.outside().cache().keys(prefix + glob)) {
                    out.add(k.substring(prefix.length()));
                }
                return out;
            } catch (KeyValueStore.Failure e) {
                throw XsError.runtime(span, s.name() + ": " + e.getMessage());
            }
        });
    }

    private static Exec ratelimit(GenericStmt s, Compilation c) {
        Eval max = c.required(s, "max");
        Eval ttl = c.required(s, "ttl");
        Eval error = c.attr(s, "error", null);
        Span span = s.span();
        return keyed(s, c, (store, key, f) -> {
            long limit = whole(max.eval(f), "max", s);
            long window = seconds(ttl.eval(f), "ttl", s);
            long calls = store.hit("ratelimit:" + key, window * 1000);
            if (calls > limit) {
                Object message = error.eval(f);
                throw new XsError(ErrorType.TOOMANYREQUESTS, message == null || "".equals(message)
                    ? "Too many requests" : Values.toText(message), null, null, span);
            }
            return calls;
        });
    }

    /** Stored JSON back to a value; text another client stored that is not JSON stays text. */
    private static Object decode(String stored) {
        if (stored == null) {
            return null;
        }
        try {
            return Json.read(stored);
        } catch (Json.Malformed e) {
            return stored;
        }
    }

    private static long whole(Object v, String what, GenericStmt s) {
        Object n = Values.number(v);
        if (!(n instanceof Long l)) {
            throw XsError.runtime(s.span(), s.name() + ": " + what + " must be a whole number, got " + Operators.describe(v));
        }
        return l;
    }

    private static long seconds(Object v, String what, GenericStmt s) {
        if (v == null) {
            return 0;
        }
        long n = whole(v, what, s);
        if (n < 0) {
            throw XsError.runtime(s.span(), s.name() + ": " + what + " must not be negative, got " + n);
        }
        return n;
    }
}
