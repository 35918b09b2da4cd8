import io.undertow.Undertow;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.xnio.Options;
import xs.ast.Program;
import xs.ast.Script;
import xs.db.Condition;
import xs.db.Database;
import xs.db.engines.Engines;
import xs.db.Direction;
import xs.db.Op;
import xs.db.Operand;
import xs.db.Paging;
import xs.db.Query;
import xs.db.ReturnSpec;
import xs.db.Sort;
import xs.db.TableSchema;
import xs.http.XsServer;
import xs.interp.Identity;
import xs.interp.Interpreter;
import xs.interp.Json;
import xs.interp.Services;
import xs.interp.TableDefinitions;
import xs.realtime.AuthTables;
import xs.realtime.Hub;
import xs.realtime.HubConfig;
import xs.realtime.LocalBroker;
import xs.realtime.Tokens;
import xs.interp.ChannelDirectory;
import xs.source.Source;
import xs.syntax.ScriptParser;
import xs.workspace.Api;
import xs.workspace.Workspace;

/**
 * The workspace benchmark: bench/api/app served by xs (the query endpoint), and the same two
 * endpoints hand-written as Undertow handlers over the same in-memory database, in this process;
 * LoadGen drives each from its own JVM over keep-alive HTTP, one after the other in the same run.
 */
public final class WorkspaceBench {
    static final Tokens TOKENS = new Tokens("bench-secret");
    static final int WARM_UP = 30;

    public static void main(String[] args) throws Exception {
        Path app = Path.of(args[0]);
        String loadgenClasses = args[1];
        int connections = Integer.parseInt(args.length > 2 ? args[2] : "16");
        List<String> rows = List.of((args.length > 3 ? args[3] : "read,write").split(","));
        List<Script> scripts = new ArrayList<>();
        try (Stream<Path> files = Files.walk(app)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".xs")).sorted().toList()) {
                scripts.add(new ScriptParser().parse(new Source(f.toString(), Files.readString(f))).script());
            }
        }
        Program program = new Program(scripts);
        Database db = Engines.inMemory();
        for (TableSchema t : TableDefinitions.of(program)) {
            db.define(t);
        }
        seed(db);
        Hub hub = new Hub(HubConfig.defaults(), ChannelDirectory.of(program), AuthTables.of(program), new LocalBroker(),
            System.err);
        Interpreter interpreter = new Interpreter(program, Services.of(db, hub.sink(), Map.of(), 30_000));
        hub.attach(interpreter);
        XsServer xs = XsServer.start(new XsServer.Settings("127.0.0.1", 0, null, null, 1 << 20), hub,
            new Api(Workspace.of(program), interpreter, TOKENS), new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        Undertow hand = Undertow.builder().addHttpListener(0, "127.0.0.1").setWorkerOption(Options.WORKER_NAME, "hand")
            .setHandler(exchange -> exchange.dispatch(() -> handWritten(exchange, db))).build();
        hand.start();
        int handPort = ((java.net.InetSocketAddress) hand.getListenerInfo().get(0).getAddress()).getPort();
        String token = TOKENS.mint("7", Map.of(), 3600, "user");
        String xsBase = "http://127.0.0.1:" + xs.port() + "/api:shop";
        String handBase = "http://127.0.0.1:" + handPort;
        String read = "/products?category=cat3&page=2&per_page=20";
        String write = "/orders";
        String order = "{\"product_id\": 43, \"quantity\": 2}";
        sameAnswers(xsBase + read, handBase + read, token);
        System.out.println("connections " + connections + "; each server warmed up for " + WARM_UP
            + " s per endpoint first, then 3 s warm-up and 5 s measured per row");
        for (String[] row : new String[][] {{"read", "GET", read, "-"}, {"write", "POST", write, order}}) {
            if (!rows.contains(row[0])) {
                continue;
            }
            Load xsLoad = new Load(loadgenClasses, xsBase + row[2], row[1], row[3], token, connections, true);
            Load handLoad = new Load(loadgenClasses, handBase + row[2], row[1], row[3], token, connections, false);
            // The JIT compiles for minutes on a busy machine: both servers warm before any measured
            // row, so neither is charged for compiling code the other then reuses.
            xsLoad.run(0, WARM_UP);
            handLoad.run(0, WARM_UP);
            String xsMax = xsLoad.run(0, 3);
            String handMax = handLoad.run(0, 3);
            double rps = Double.parseDouble(xsMax.replaceAll(".*rps=(\\S+).*", "$1"));
            String xsHalf = xsLoad.run(rps / 2, 3);
            // The same offered rate against the hand-written server: what the machine alone adds to latency.
            String handHalf = handLoad.run(rps / 2, 3);
            System.out.println("RESULT " + row[0] + " xs-max " + xsMax);
            System.out.println("RESULT " + row[0] + " hand-max " + handMax);
            System.out.println("RESULT " + row[0] + " xs-at-half-max(" + Math.round(rps / 2) + "/s) " + xsHalf);
            System.out.println("RESULT " + row[0] + " hand-at-the-same-rate " + handHalf);
        }
        hand.stop();
        xs.close();
        System.exit(0);
    }

    /** Both servers must answer the read endpoint with the same bytes, or the comparison is void. */
    static void sameAnswers(String xsUrl, String handUrl, String token) throws Exception {
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        String[] bodies = new String[2];
        int i = 0;
        for (String url : new String[] {xsUrl, handUrl}) {
            java.net.http.HttpResponse<String> r = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                .header("Authorization", "Bearer " + token).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
            }
            bodies[i++] = r.body();
        }
        if (!bodies[0].equals(bodies[1])) {
            throw new IllegalStateException("the two servers answer the read endpoint differently:\n" + bodies[0] + "\n"
                + bodies[1]);
        }
        System.out.println("read endpoint: both servers answer the same " + bodies[0].length() + " bytes");
    }

    /**
     * LoadGen runs against one server. Each result line gets the CPU time per request of the
     * threads that serve it (its I/O and worker threads, between LoadGen's "measuring" and
     * "measured", divided by the requests answered in the window) and of the whole process (which
     * also holds the JIT compiler, the GC and the other server, and so is noisier).
     */
    record Load(String classes, String url, String method, String body, String token, int connections, boolean xs) {
        String run(double rate, int warmUpSeconds) throws Exception {
            com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                ManagementFactory.getOperatingSystemMXBean();
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                classes, "LoadGen", url, method, body, token, String.valueOf(connections), String.valueOf(warmUpSeconds),
                "5", String.valueOf(rate)).redirectErrorStream(true).start();
            long[] from = new long[2];
            long[] to = new long[2];
            String line;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                while ((line = r.readLine()) != null && !line.startsWith("rps=")) {
                    if (line.equals("measuring")) {
                        from = new long[] {servingCpu(), os.getProcessCpuTime()};
                    } else if (line.equals("measured")) {
                        to = new long[] {servingCpu(), os.getProcessCpuTime()};
                    }
                }
            }
            p.waitFor();
            if (line == null) {
                return "LoadGen gave no result";
            }
            double requests = Math.max(1, Double.parseDouble(line.replaceAll(".*rps=(\\S+).*", "$1")) * 5);
            return line + String.format(" cpu-us/request=%.0f process-cpu-us/request=%.0f",
                (to[0] - from[0]) / 1e3 / requests, (to[1] - from[1]) / 1e3 / requests);
        }

        /** CPU time so far of this server's I/O and worker threads (the hand-written one's are named "hand"). */
        private long servingCpu() {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long sum = 0;
            for (ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (t == null) {
                    continue;
                }
                String name = t.getThreadName();
                boolean mine = xs ? name.startsWith("xs-http-") || name.startsWith("XNIO-") : name.startsWith("hand ");
                long cpu = mine ? threads.getThreadCpuTime(t.getThreadId()) : -1;
                sum += Math.max(0, cpu);
            }
            return sum;
        }
    }

    static void seed(Database db) {
        List<Map<String, Object>> users = new ArrayList<>();
        for (long i = 1; i <= 1000; i++) {
            users.add(Map.of("name", "user " + i, "role", i % 10 == 0 ? "admin" : "member"));
        }
        db.bulkAdd("user", users);
        List<Map<String, Object>> products = new ArrayList<>();
        for (long i = 1; i <= 10_000; i++) {
            products.add(Map.of("name", "product " + i, "category", "cat" + (i % 20),
                "price", BigDecimal.valueOf((i * 37) % 10_000, 2), "stock", i % 7));
        }
        db.bulkAdd("product", products);
    }

    /** The same two endpoints, written by hand: token, lookups, query, and the same JSON. */
    static void handWritten(HttpServerExchange exchange, Database db) {
        try {
            String auth = exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
            Identity who;
            try {
                who = TOKENS.verify(auth.substring(7)).identity();
            } catch (Exception e) {
                reply(exchange, 401, Map.of("code", "ERROR_CODE_UNAUTHORIZED"));
                return;
            }
            Map<String, Object> out;
            if (exchange.getRequestPath().equals("/products")) {
                String category = exchange.getQueryParameters().get("category").getFirst();
                long page = Long.parseLong(exchange.getQueryParameters().get("page").getFirst());
                long perPage = Long.parseLong(exchange.getQueryParameters().get("per_page").getFirst());
                Map<String, Object> me = db.get("user", "id", who.id());
                Condition where = new Condition.And(List.of(
                    new Condition.Compare(new Operand.Column("product", "category", List.of()), Op.EQ, new Operand.Constant(category)),
                    new Condition.Compare(new Operand.Column("product", "stock", List.of()), Op.GT, new Operand.Constant(0L))));
                @SuppressWarnings("unchecked")
                Map<String, Object> result = (Map<String, Object>) db.query(new Query("product", where,
                    List.of(new Sort("price", Direction.ASC)), new ReturnSpec("list", new Paging(page, perPage, 0, true)),
                    null, null));
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> items = (List<Map<String, Object>>) result.get("items");
                List<Object> names = new ArrayList<>();
                BigDecimal value = BigDecimal.ZERO;
                for (Map<String, Object> item : items) {
                    names.add(String.valueOf(item.get("name")).toUpperCase(Locale.ROOT));
                    value = value.add((BigDecimal) item.get("price"));
                }
                out = new LinkedHashMap<>();
                out.put("user", me.get("name"));
                out.put("page", result.get("curPage"));
                out.put("total", result.get("itemsTotal"));
                out.put("items", items);
                out.put("names", names);
                out.put("value", value.stripTrailingZeros());
            } else {
                exchange.startBlocking();
                @SuppressWarnings("unchecked")
                Map<String, Object> in = (Map<String, Object>) Json.read(new String(exchange.getInputStream().readAllBytes(),
                    StandardCharsets.UTF_8));
                long productId = ((Number) in.get("product_id")).longValue();
                long quantity = ((Number) in.get("quantity")).longValue();
                if (quantity < 1 || quantity > 10) {
                    reply(exchange, 400, Map.of("code", "ERROR_CODE_INPUT_ERROR"));
                    return;
                }
                Map<String, Object> product = db.get("product", "id", productId);
                if (product == null || ((Number) product.get("stock")).longValue() <= 0) {
                    reply(exchange, 404, Map.of("code", "ERROR_CODE_NOT_FOUND"));
                    return;
                }
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("user_id", who.id());
                row.put("product_id", productId);
                row.put("quantity", quantity);
                row.put("total", ((BigDecimal) product.get("price")).multiply(BigDecimal.valueOf(quantity))
                    .setScale(2, RoundingMode.HALF_UP));
                out = db.add("order", row);
            }
            reply(exchange, 200, out);
        } catch (Exception e) {
            reply(exchange, 500, Map.of("code", "ERROR_FATAL", "message", String.valueOf(e)));
        }
    }

    static void reply(HttpServerExchange exchange, int status, Object body) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json; charset=utf-8");
        exchange.getResponseSender().send(Json.write(body), StandardCharsets.UTF_8);
    }
}
