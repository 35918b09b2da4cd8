package xs.realtime.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import xs.realtime.WsClient;

/**
 * Several real {@code xs serve --broker redis://…} processes on one redis-server of the test's
 * own: delivery, order, presence and history across nodes, a node killed with SIGKILL, and Redis
 * killed and restarted under running nodes.
 */
class ClusterTest {
    @TempDir
    Path dir;
    private RedisProcess redis;
    private final List<ServeNode> nodes = new ArrayList<>();

    @BeforeEach
    void startRedis() throws Exception {
        redis = RedisProcess.start(dir);
    }

    @AfterEach
    void stopAll() throws Exception {
        for (ServeNode n : nodes) {
            n.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    private ServeNode node(String name) throws Exception {
        ServeNode n = ServeNode.start(redis.url(), dir, name);
        nodes.add(n);
        return n;
    }

    @Test
    @Timeout(90)
    void messagesEventsAndFunctionCallsReachMembersOnEveryNode() throws Exception {
        ServeNode one = node("one");
        ServeNode two = node("two");
        WsClient a = one.user("1");
        WsClient b = two.user("2");
        a.joined("chat:x");
        b.joined("chat:x");

        a.message("chat:x", "{\"text\":\"hi\"}");
        for (WsClient c : List.of(a, b)) {
            JsonNode m = c.expect("message");
            assertEquals("hi", m.path("payload").path("text").asText());
            assertEquals(a.socketId, m.path("client").path("socketId").asText());
            assertEquals(1, m.path("client").path("permissions").path("row_id").asInt());
        }

        assertEquals(200, two.post("emit", "{\"channel\":\"chat:x\",\"event\":\"ping\",\"data\":{\"n\":1}}").statusCode());
        for (WsClient c : List.of(a, b)) {
            JsonNode e = c.expect("event");
            assertEquals("ping", e.path("options").path("event").asText());
            assertEquals(1, e.path("payload").path("n").asInt());
        }

        a.privateMessage("chat:x", b.socketId, "{\"secret\":true}");
        JsonNode p = b.expect("message");
        assertEquals(b.socketId, p.path("options").path("socketId").asText());
        assertEquals(a.socketId, p.path("client").path("socketId").asText());
        a.expectSilence(300);

        a.privateMessage("chat:x", "nobody-has-this-id", "{}");
        assertEquals("target_not_found", a.expect("error").path("payload").path("code").asText());
    }

    @Test
    @Timeout(120)
    void oneOrderOnEveryNodeUnderConcurrentPublishers() throws Exception {
        int each = 80;
        int events = 25;
        List<ServeNode> cluster = List.of(node("one"), node("two"), node("three"));
        List<WsClient> publishers = new ArrayList<>();
        List<WsClient> readers = new ArrayList<>();
        int user = 100;
        for (ServeNode n : cluster) {
            for (int i = 0; i < 2; i++) {
                WsClient c = n.user(String.valueOf(user++));
                c.joined("order:x");
                publishers.add(c);
            }
            WsClient r = n.user(String.valueOf(user++));
            r.joined("order:x");
            readers.add(r);
        }
        readers.addAll(publishers);
        ExecutorService pool = Executors.newFixedThreadPool(publishers.size() + cluster.size());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> running = new ArrayList<>();
        for (int p = 0; p < publishers.size(); p++) {
            WsClient c = publishers.get(p);
            int publisher = p;
            running.add(pool.submit(() -> {
                go.await();
                for (int i = 0; i < each; i++) {
                    c.message("order:x", "{\"p\":" + publisher + ",\"i\":" + i + "}");
                }
                return null;
            }));
        }
        for (int n = 0; n < cluster.size(); n++) {
            ServeNode node = cluster.get(n);
            int publisher = 100 + n;
            running.add(pool.submit(() -> {
                go.await();
                for (int i = 0; i < events; i++) {
                    assertEquals(200, node.post("emit", "{\"channel\":\"order:x\",\"data\":{\"p\":" + publisher + ",\"i\":"
                        + i + "}}").statusCode());
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : running) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        int total = publishers.size() * each + cluster.size() * events;
        List<String> reference = null;
        for (WsClient reader : readers) {
            List<String> seen = new ArrayList<>();
            Map<Integer, Integer> last = new HashMap<>();
            for (int n = 0; n < total; n++) {
                JsonNode f = reader.next();
                int p = f.path("payload").path("p").asInt();
                int i = f.path("payload").path("i").asInt();
                assertEquals(last.getOrDefault(p, -1) + 1, i, "publisher " + p + "'s frames arrive in the order sent");
                last.put(p, i);
                seen.add(p + ":" + i);
            }
            reader.expectSilence(200);
            if (reference == null) {
                reference = seen;
            } else {
                assertEquals(reference, seen, "every member on every node sees one order");
            }
        }
        for (ServeNode n : cluster) {
            WsClient late = n.user("900");
            late.join("order:x", false, true);
            late.joinReply();
            List<String> stored = new ArrayList<>();
            for (JsonNode f : late.expect("history").path("payload").path("history")) {
                stored.add(f.path("payload").path("p").asInt() + ":" + f.path("payload").path("i").asInt());
            }
            assertEquals(reference, stored, "history, read from any node, has the order of delivery");
        }
    }

    @Test
    @Timeout(120)
    void presenceSpansNodesAndTheMembersOfAKilledNodeLeaveWithin30Seconds() throws Exception {
        ServeNode one = node("one");
        ServeNode two = node("two");
        ServeNode three = node("three");
        WsClient a = one.user("1");
        a.join("chat:p", true, false);
        a.joinReply();
        assertEquals(List.of(a.socketId), ids(a.expect("presence_full")));

        WsClient b = two.user("2");
        b.join("chat:p", true, false);
        b.joinReply();
        assertEquals(List.of(a.socketId, b.socketId), ids(b.expect("presence_full")), "members of both nodes, in join order");
        assertUpdate(a.expect("presence_update"), "join", b.socketId);

        WsClient c = two.user("3");
        c.joined("chat:p");
        assertUpdate(a.expect("presence_update"), "join", c.socketId);
        assertUpdate(b.expect("presence_update"), "join", c.socketId);

        WsClient e = three.user("5");
        e.joined("chat:p");
        assertUpdate(a.expect("presence_update"), "join", e.socketId);
        assertUpdate(b.expect("presence_update"), "join", e.socketId);
        three.stop(); // SIGTERM: a clean stop says goodbye at once
        assertUpdate(a.next(5_000), "leave", e.socketId);
        assertUpdate(b.next(5_000), "leave", e.socketId);
        assertTrue(!three.log().contains("Exception"), three.log());

        long killed = System.nanoTime();
        two.kill();
        Set<String> left = new TreeSet<>();
        for (int i = 0; i < 2; i++) {
            JsonNode u = a.next(30_000);
            assertEquals("presence_update", u.path("action").asText(), u::toString);
            assertEquals("leave", u.path("payload").path("action").asText());
            left.add(u.path("payload").path("presence").path("socketId").asText());
        }
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - killed);
        assertEquals(new TreeSet<>(List.of(b.socketId, c.socketId)), left);
        assertTrue(seconds < 30, "left within 30 s, took " + seconds);
        a.expectSilence(300);

        WsClient d = one.user("4");
        d.join("chat:p", true, false);
        d.joinReply();
        assertEquals(List.of(a.socketId, d.socketId), ids(d.expect("presence_full")), "the dead node's members are gone");
        assertTrue(one.log().contains("stopped renewing its heartbeat: 2 members left"), one.log());
    }

    @Test
    @Timeout(90)
    void historyIsOneTrimmedListReadOldestFirstFromAnyNode() throws Exception {
        ServeNode one = node("one");
        ServeNode two = node("two");
        WsClient a = one.user("1");
        a.joined("chat:h");
        for (int i = 0; i < 30; i++) {
            a.message("chat:h", "{\"i\":" + i + "}");
        }
        for (int i = 0; i < 30; i++) {
            assertEquals(i, a.expect("message").path("payload").path("i").asInt());
        }
        assertEquals(200, two.post("emit", "{\"channel\":\"chat:h\",\"data\":{\"i\":30}}").statusCode());
        a.expect("event");

        WsClient b = two.user("2");
        b.join("chat:h", false, true);
        b.joinReply();
        List<Integer> expected = new ArrayList<>();
        for (int i = 6; i <= 30; i++) {
            expected.add(i);
        }
        assertEquals(expected, numbers(b.expect("history")), "the last 25 (message_history), oldest first");
        a.history("chat:h");
        assertEquals(expected, numbers(a.expect("history")), "the same list on the other node");
        assertEquals("25", redis.command("LLEN", "xs:history:chat:h"), "Redis keeps no more than message_history");
    }

    @Test
    @Timeout(120)
    void nodesServeTheirOwnMembersWhileRedisIsDownAndRejoinWhenItIsBack() throws Exception {
        ServeNode one = node("one");
        ServeNode two = node("two");
        WsClient a1 = one.user("1");
        WsClient a2 = one.user("2");
        WsClient b = two.user("3");
        for (WsClient c : List.of(a1, a2, b)) {
            c.joined("chat:r");
        }
        a1.message("chat:r", "{\"n\":\"before\"}");
        for (WsClient c : List.of(a1, a2, b)) {
            assertEquals("before", c.expect("message").path("payload").path("n").asText());
        }

        redis.kill();
        one.awaitLog("lost Redis at " + redis.url(), 60_000);
        two.awaitLog("lost Redis at " + redis.url(), 60_000);
        a1.message("chat:r", "{\"n\":\"during\"}");
        for (WsClient c : List.of(a1, a2)) {
            assertEquals("during", c.expect("message").path("payload").path("n").asText(), "local delivery goes on");
        }
        b.message("chat:r", "{\"n\":\"during on two\"}");
        assertEquals("during on two", b.expect("message").path("payload").path("n").asText());
        a1.expectSilence(300);
        b.expectSilence(100);
        a1.history("chat:r");
        assertEquals(1, a1.expect("history").path("payload").path("history").size(), "this node's history meanwhile");

        int threadsEarly = one.threads();
        Thread.sleep(5_000); // reconnection attempts with backoff
        int threadsLate = one.threads();
        assertTrue(threadsLate <= threadsEarly + 3, "no thread growth while reconnecting: " + threadsEarly + " -> "
            + threadsLate);

        redis.start();
        one.awaitLog("is back: cross-node delivery resumed", 15_000);
        two.awaitLog("is back: cross-node delivery resumed", 15_000);
        a1.message("chat:r", "{\"n\":\"after\"}");
        for (WsClient c : List.of(a1, a2, b)) {
            assertEquals("after", c.expect("message").path("payload").path("n").asText(), "cross-node delivery resumed");
        }
        // The nodes write their members back to the restarted (empty) Redis shortly after reconnecting.
        Set<String> expected = Set.of(a1.socketId, a2.socketId, b.socketId);
        Set<String> listed = Set.of();
        for (long deadline = System.currentTimeMillis() + 10_000; System.currentTimeMillis() < deadline; Thread.sleep(200)) {
            WsClient c = two.user("4");
            c.join("chat:r", true, false);
            c.joinReply();
            listed = new TreeSet<>(ids(c.expect("presence_full")));
            listed.remove(c.socketId);
            c.abort();
            if (listed.equals(expected)) {
                break;
            }
        }
        assertEquals(expected, listed, "presence was written back to the restarted Redis");
        assertTrue(one.process.isAlive() && two.process.isAlive());
        assertEquals(1, one.log().split("lost Redis", -1).length - 1, "one line for the outage, not one per attempt");
        assertTrue(!one.log().contains("Exception") && !two.log().contains("Exception"), one.log() + two.log());
    }

    /** Two nodes and the members of one channel, after an outage in which node one's membership changed. */
    private record Outage(ServeNode one, ServeNode two, WsClient here, WsClient leaving, WsClient there,
                          WsClient arriving) {
    }

    /**
     * Node one has {@code here} and {@code leaving}, node two {@code there}, all watching the
     * channel. Redis dies; {@code arriving} joins node one and {@code leaving} leaves. Node one's
     * watchers hear of both at once; node two's cannot yet.
     */
    private Outage presenceChangesDuringAnOutage(String channel) throws Exception {
        ServeNode one = node("one");
        ServeNode two = node("two");
        WsClient here = one.user("1");
        here.watching(channel);
        WsClient leaving = one.user("2");
        leaving.watching(channel);
        assertUpdate(here.expect("presence_update"), "join", leaving.socketId);
        WsClient there = two.user("3");
        there.watching(channel);
        assertUpdate(here.expect("presence_update"), "join", there.socketId);
        assertUpdate(leaving.expect("presence_update"), "join", there.socketId);

        redis.kill();
        one.awaitLog("lost Redis at " + redis.url(), 60_000);
        two.awaitLog("lost Redis at " + redis.url(), 60_000);
        WsClient arriving = one.user("4");
        arriving.watching(channel);
        leaving.leave(channel);
        assertUpdate(here.expect("presence_update"), "join", arriving.socketId);
        assertUpdate(here.expect("presence_update"), "leave", leaving.socketId);
        assertUpdate(arriving.expect("presence_update"), "leave", leaving.socketId);
        there.expectSilence(500);
        return new Outage(one, two, here, leaving, there, arriving);
    }

    @Test
    @Timeout(300)
    void joinsAndLeavesDuringAnOutageReachTheOtherNodesOnceRedisIsBack() throws Exception {
        Outage o = presenceChangesDuringAnOutage("chat:o");
        ServeNode one = o.one();
        ServeNode two = o.two();
        WsClient here = o.here();
        WsClient leaving = o.leaving();
        WsClient there = o.there();
        WsClient arriving = o.arriving();

        redis.start();
        one.awaitLog("is back: cross-node delivery resumed", 60_000);
        two.awaitLog("is back: cross-node delivery resumed", 60_000);
        // Node two's watcher hears of both changes, in order, and then the whole list anew (a node
        // cannot tell whether it heard every change of the others); so does every watcher.
        Set<String> expected = Set.of(here.socketId, arriving.socketId, there.socketId);
        List<JsonNode> got = untilFull(there);
        assertEquals(List.of("join " + arriving.socketId, "leave " + leaving.socketId), updates(got), got::toString);
        assertEquals(expected, lastFull(got), got::toString);
        for (WsClient c : List.of(here, arriving)) {
            List<JsonNode> mine = untilFull(c);
            assertEquals(List.of(), updates(mine), "no second copy for the members that had them: " + mine);
            assertEquals(expected, lastFull(mine), mine::toString);
        }

        // Afterwards presence travels as usual again, once.
        WsClient later = one.user("5");
        later.join("chat:o", true, false);
        later.joinReply();
        assertUpdate(there.expect("presence_update"), "join", later.socketId);
        assertUpdate(here.expect("presence_update"), "join", later.socketId);
        here.expectSilence(300);
        there.expectSilence(100);
        assertTrue(!one.log().contains("Exception") && !two.log().contains("Exception"), one.log() + two.log());
    }

    @Test
    @Timeout(300)
    void aNodeBackLaterThanTheOthersGetsTheWholePresenceListAnew() throws Exception {
        Outage o = presenceChangesDuringAnOutage("chat:l");
        ServeNode one = o.one();
        ServeNode two = o.two();
        WsClient here = o.here();
        WsClient there = o.there();
        WsClient arriving = o.arriving();

        // Node two is frozen while node one comes back and sends its changes on: they pass it by.
        signal(two, "STOP");
        try {
            redis.start();
            one.awaitLog("is back: cross-node delivery resumed", 60_000);
            Thread.sleep(5_000);
        } finally {
            signal(two, "CONT");
        }
        two.awaitLog("is back: cross-node delivery resumed", 60_000);
        // The list comes a few seconds after the node is back (its refresh): waited for, not timed.
        List<JsonNode> got = untilFull(there);
        assertEquals(Set.of(here.socketId, arriving.socketId, there.socketId), lastFull(got),
            "the list node two's watcher gets when its node is back: " + got);
    }

    @Test
    @Timeout(150)
    void aStalledNodeTakenForDeadAnnouncesItsMembersAgainWhenItResumes() throws Exception {
        ServeNode one = node("one");
        ServeNode two = node("two");
        WsClient a = one.user("1");
        a.watching("chat:s");
        WsClient b = two.user("2");
        b.watching("chat:s");
        assertUpdate(a.expect("presence_update"), "join", b.socketId);

        // Frozen (SIGSTOP), node one stops renewing its heartbeat: node two reaps it.
        signal(one, "STOP");
        try {
            assertUpdate(b.next(30_000), "leave", a.socketId);
        } finally {
            signal(one, "CONT");
        }
        one.awaitLog("took this node for dead", 15_000);
        assertUpdate(b.next(10_000), "join", a.socketId);
        b.expectSilence(500);
        a.expectSilence(100); // both updates are about a itself

        WsClient c = two.user("3");
        c.join("chat:s", true, false);
        c.joinReply();
        assertEquals(List.of(b.socketId, a.socketId, c.socketId), ids(c.expect("presence_full")),
            "node one's member is listed again, as joined when it was announced again");
        assertUpdate(a.expect("presence_update"), "join", c.socketId);
        assertUpdate(b.expect("presence_update"), "join", c.socketId);
        a.message("chat:s", "{\"n\":\"still here\"}");
        for (WsClient x : List.of(a, b, c)) {
            assertEquals("still here", x.expect("message").path("payload").path("n").asText());
        }
    }

    @Test
    @Timeout(120)
    void aHungRedisIsTakenForLostAndNoFrameArrivesTwice() throws Exception {
        ServeNode one = node("one");
        ServeNode two = node("two");
        WsClient a1 = one.user("1");
        WsClient a2 = one.user("2");
        WsClient b = two.user("3");
        for (WsClient c : List.of(a1, a2, b)) {
            c.joined("chat:h2");
        }
        redis.signal("STOP"); // sockets stay open, nothing answers
        try {
            // Sent before anyone noticed: the publish times out, this node's members get it anyway.
            a1.message("chat:h2", "{\"n\":\"early\"}");
            for (WsClient c : List.of(a1, a2)) {
                assertEquals("early", c.next(5_000).path("payload").path("n").asText());
            }
            one.awaitLog("does not answer", 10_000);
            // Once noticed, local delivery is immediate.
            a1.message("chat:h2", "{\"n\":\"during\"}");
            for (WsClient c : List.of(a1, a2)) {
                JsonNode m = c.next(1_000);
                assertEquals("during", m.path("payload").path("n").asText(), "local delivery at once: " + m);
            }
            b.expectSilence(200);
        } finally {
            redis.signal("CONT");
        }
        one.awaitLog("is back: cross-node delivery resumed", 15_000);
        // Redis ran the timed-out publish when it woke: node two's member gets it late, node one's
        // members do not get it a second time.
        assertEquals("early", b.next(10_000).path("payload").path("n").asText());
        a1.message("chat:h2", "{\"n\":\"after\"}");
        for (WsClient c : List.of(a1, a2, b)) {
            assertEquals("after", c.next(5_000).path("payload").path("n").asText(), "once, and in order");
        }
        for (WsClient c : List.of(a1, a2, b)) {
            c.expectSilence(300);
        }
        assertEquals(1, one.log().split("does not answer", -1).length - 1, "one line for the hang");
        assertTrue(!one.log().contains("Exception") && !two.log().contains("Exception"), one.log() + two.log());
    }

    private static void signal(ServeNode node, String signal) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(node.process.pid())).inheritIO().start();
        assertEquals(0, kill.waitFor());
    }

    private static List<String> ids(JsonNode presenceFull) {
        List<String> ids = new ArrayList<>();
        for (JsonNode m : presenceFull.path("payload").path("presence")) {
            ids.add(m.path("socketId").asText());
        }
        return ids;
    }

    private static List<Integer> numbers(JsonNode history) {
        List<Integer> numbers = new ArrayList<>();
        for (JsonNode f : history.path("payload").path("history")) {
            numbers.add(f.path("payload").path("i").asInt());
        }
        return numbers;
    }

    /** The presence updates among the frames, as "join ID" / "leave ID". */
    private static List<String> updates(List<JsonNode> frames) {
        List<String> out = new ArrayList<>();
        for (JsonNode f : frames) {
            if (f.path("action").asText().equals("presence_update")) {
                out.add(f.path("payload").path("action").asText() + " "
                    + f.path("payload").path("presence").path("socketId").asText());
            }
        }
        return out;
    }

    /** The members of the last presence_full among the frames (empty when none came). */
    /** The frames a client gets up to and including the next whole member list (waiting up to a minute for it). */
    private static List<JsonNode> untilFull(WsClient c) {
        List<JsonNode> got = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 60_000;
        while (got.isEmpty() || !got.get(got.size() - 1).path("action").asText().equals("presence_full")) {
            long left = deadline - System.currentTimeMillis();
            assertTrue(left > 0, () -> "no presence_full within a minute; got " + got);
            got.add(c.next(left));
        }
        return got;
    }

    private static Set<String> lastFull(List<JsonNode> frames) {
        Set<String> members = Set.of();
        for (JsonNode f : frames) {
            if (f.path("action").asText().equals("presence_full")) {
                members = new TreeSet<>(ids(f));
            }
        }
        return members;
    }

    private static void assertUpdate(JsonNode update, String action, String socketId) {
        assertEquals(action, update.path("payload").path("action").asText(), update::toString);
        assertEquals(socketId, update.path("payload").path("presence").path("socketId").asText(), update::toString);
    }
}
