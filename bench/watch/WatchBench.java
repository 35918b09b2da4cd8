import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long {@code xs serve --watch} takes from a file change to the new program serving, on a
 * generated 300-file workspace in the Xano CLI's layout (api groups, queries, functions, tables).
 * Starts {@code java -jar target/xs.jar serve DIR --watch} as its own process, then for each run
 * saves a file as an editor does (write beside it, rename over it) and asks the changed endpoint
 * every 2 ms until it answers the new text. Three kinds of change: one query, one function that
 * queries call, and a burst of 30 files (a git checkout). Prints each run, then p50 and max per
 * kind, with the server's own reload time (parse, check, workspace build, swap) beside it.
 * <pre>java WatchBench target/xs.jar 300 15</pre>
 */
public final class WatchBench {
    static final int GROUPS = 5;
    static int tables;
    static int functions;
    static final Pattern READY = Pattern.compile("xs serving (http://[^ ]+) ");
    static final Pattern RELOADED = Pattern.compile("xs serve: reloaded: .* \\((\\d+) ms\\)");

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        int files = Integer.parseInt(args[1]);
        int runs = Integer.parseInt(args[2]);
        Path dir = Files.createTempDirectory("xs-watch-bench");
        Path app = dir.resolve("app");
        int written = generate(app, files);
        System.out.println("workspace: " + written + " files (a temporary folder)");
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30", "-jar", jar.toString(), "serve", app.toString(),
            "--port", "0", "--watch").start();
        LinkedBlockingQueue<String> reloads = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> read(server, reloads));
        reader.setDaemon(true);
        reader.start();
        try {
            String line = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8)).readLine();
            Matcher m = READY.matcher(line == null ? "" : line);
            if (!m.find()) {
                throw new IllegalStateException("xs serve did not start: " + line);
            }
            String base = m.group(1);
            HttpClient http = HttpClient.newHttpClient();
            // The watch starts after the readiness line, then goes once through a reload to warm it
            // up; a developer's first save comes later than that.
            Thread.sleep(3000);
            // The first requests a server and this client ever make are not part of a reload.
            for (int i = 0; i < 20; i++) {
                for (String kind : List.of("query", "function", "burst")) {
                    http.send(HttpRequest.newBuilder(URI.create(base + "/api:g0/probe_" + kind)).build(),
                        HttpResponse.BodyHandlers.ofString());
                }
            }
            List<long[]> query = new ArrayList<>();
            List<long[]> function = new ArrayList<>();
            List<long[]> burst = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                query.add(change(http, base, app, reloads, "query", run));
                function.add(change(http, base, app, reloads, "function", run));
                burst.add(change(http, base, app, reloads, "burst", run));
            }
            System.out.println();
            System.out.println("kind      runs  change->serving p50 / max ms   server reload p50 / max ms   (first run)");
            report("query", query);
            report("function", function);
            report("burst30", burst);
        } finally {
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
            server.destroyForcibly();
        }
    }

    private static void read(Process server, LinkedBlockingQueue<String> reloads) {
        try (BufferedReader err = new BufferedReader(new InputStreamReader(server.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String l = err.readLine(); l != null; l = err.readLine()) {
                if (l.startsWith("xs serve: reloaded") || l.startsWith("xs serve: not reloaded")) {
                    reloads.add(l);
                } else if (!l.startsWith("GET ") && !l.startsWith("xs serve: ")) {
                    System.err.println("server: " + l);
                }
            }
        } catch (IOException e) {
            // ended
        }
    }

    /** One change; returns {change to serving, server's reload} in ms. */
    private static long[] change(HttpClient http, String base, Path app, LinkedBlockingQueue<String> reloads,
                                 String kind, int run) throws Exception {
        String marker = kind + "-" + run;
        String url = base + "/api:g0/probe_" + kind;
        List<Path> targets = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        switch (kind) {
            case "query" -> {
                targets.add(app.resolve("api/g0/probe_query_GET.xs"));
                texts.add(probe("query", "\"" + marker + "\""));
            }
            case "function" -> {
                targets.add(app.resolve("function/probe_function.xs"));
                texts.add(probeFunction(marker));
            }
            default -> {
                // A checkout: the probe and 29 other queries change together.
                targets.add(app.resolve("api/g0/probe_burst_GET.xs"));
                texts.add(probe("burst", "\"" + marker + "\""));
                for (int i = 0; i < 29; i++) {
                    targets.add(queryPath(app, i));
                    texts.add(query(i, marker));
                }
            }
        }
        List<Path> staged = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            Path s = app.resolveSibling("staged-" + i + ".xs");
            Files.writeString(s, texts.get(i));
            staged.add(s);
        }
        reloads.clear();
        long t0 = System.nanoTime();
        for (int i = 0; i < targets.size(); i++) {
            Files.move(staged.get(i), targets.get(i), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        String want = "\"" + marker + "\"";
        long deadline = t0 + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
            if (r.body().equals(want)) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(kind + " run " + run + ": still " + r.body() + " after 30 s");
            }
            Thread.sleep(2);
        }
        long serving = (System.nanoTime() - t0) / 1_000_000;
        String line = reloads.poll(30, TimeUnit.SECONDS);
        Matcher m = RELOADED.matcher(line == null ? "" : line);
        long reload = m.matches() ? Long.parseLong(m.group(1)) : -1;
        System.out.println(kind + " run " + run + ": serving after " + serving + " ms; " + line);
        Thread.sleep(300); // let the server settle before the next change
        return new long[] {serving, reload};
    }

    private static void report(String kind, List<long[]> runs) {
        List<Long> serving = new ArrayList<>();
        List<Long> reload = new ArrayList<>();
        for (long[] r : runs) {
            serving.add(r[0]);
            reload.add(r[1]);
        }
        long firstServing = serving.get(0);
        long firstReload = reload.get(0);
        Collections.sort(serving);
        Collections.sort(reload);
        System.out.printf("%-9s %4d  %8d / %-8d               %8d / %-8d           (%d / %d)%n", kind, runs.size(),
            serving.get((serving.size() - 1) / 2), serving.get(serving.size() - 1),
            reload.get((reload.size() - 1) / 2), reload.get(reload.size() - 1), firstServing, firstReload);
    }

    // ---- the generated workspace ----

    static int generate(Path app, int files) throws IOException {
        int count = 0;
        for (int g = 0; g < GROUPS; g++) {
            write(app.resolve("api/g" + g + "/g" + g + ".xs"), "api_group g" + g + " {\n  canonical = \"g" + g + "\"\n}\n");
            count++;
        }
        write(app.resolve("api/g0/probe_query_GET.xs"), probe("query", "\"start\""));
        write(app.resolve("api/g0/probe_function_GET.xs"), probe("function", "$value"));
        write(app.resolve("api/g0/probe_burst_GET.xs"), probe("burst", "\"start\""));
        write(app.resolve("function/probe_function.xs"), probeFunction("start"));
        count += 4;
        tables = (files - count) * 15 / 100;
        functions = (files - count) * 30 / 100;
        int queries = files - count - tables - functions;
        for (int i = 0; i < tables; i++) {
            write(app.resolve("table/t" + i + ".xs"), table(i));
        }
        for (int i = 0; i < functions; i++) {
            write(app.resolve("function/f" + i + ".xs"), function(i));
        }
        for (int i = 0; i < queries; i++) {
            write(queryPath(app, i), query(i, "v0"));
        }
        return count + tables + functions + queries;
    }

    static Path queryPath(Path app, int i) {
        return app.resolve("api/g" + (i % GROUPS) + "/items" + i + "/item_" + i + "_GET.xs");
    }

    static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    static String probe(String kind, String response) {
        String call = kind.equals("function") ? """
                function.run probe_function {
                  input = {}
                } as $value
            """ : "";
        return """
            query probe_%s verb=GET {
              api_group = "g0"
              stack {
            %s  }
              response = %s
            }
            """.formatted(kind, call, response);
    }

    static String probeFunction(String marker) {
        return """
            function probe_function {
              input {
              }
              stack {
                var $out {
                  value = "%s"
                }
              }
              response = $out
            }
            """.formatted(marker);
    }

    static String table(int i) {
        return """
            // Records of kind %d, as an export writes them.
            table t%d {
              auth = false
              schema {
                int id
                timestamp created_at?=now
                text name filters=trim
                text status?="new"
                int owner_id?
                decimal amount?
                bool archived?
                json meta?
              }
              index = [
                {type: "primary", field: [{name: "id"}]}
                {type: "btree", field: [{name: "owner_id", op: "asc"}]}
              ]
            }
            """.formatted(i, i);
    }

    static String function(int i) {
        return """
            // Totals of one owner's records in t%d.
            function "reports/total_%d" {
              input {
                int owner_id
                text status?="new"
              }
              stack {
                db.query t%d {
                  where = $db.t%d.owner_id == $input.owner_id && $db.t%d.status == $input.status
                  return = {type: "list"}
                } as $rows
                var $total {
                  value = $rows|map:$$.amount|sum
                }
                conditional {
                  if ($total > 1000) {
                    debug.log {
                      value = "large total for " ~ $input.owner_id
                    }
                  }
                }
              }
              response = {owner: $input.owner_id, total: $total, count: $rows|count}
            }
            """.formatted(i % tables, i, i % tables, i % tables, i % tables);
    }

    static String query(int i, String marker) {
        return """
            // One record of t%d with its owner's total.
            query "items%d/{item_id}" verb=GET {
              api_group = "g%d"
              description = "One record and its owner's total (%s)"
              input {
                int item_id filters=min:1
                text status?="new"
              }
              stack {
                db.get t%d {
                  field_name = "id"
                  field_value = $input.item_id
                } as $item
                precondition ($item != null) {
                  error_type = "notfound"
                  error = "no item " ~ $input.item_id
                }
                function.run "reports/total_%d" {
                  input = {owner_id: $item.owner_id, status: $input.status}
                } as $total
                var $label {
                  value = ($item.name|to_upper) ~ " (" ~ $item.status ~ ")"
                }
              }
              response = {item: $item, label: $label, total: $total}
            }
            """.formatted(i % tables, i, i % GROUPS, marker, i % tables, i % functions);
    }
}
