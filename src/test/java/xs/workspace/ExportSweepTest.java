package xs.workspace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import xs.ast.Program;
import xs.ast.Script;
import xs.check.Checker;
import xs.diag.Diagnostic;
import xs.source.Source;
import xs.syntax.ParseResult;
import xs.syntax.ScriptParser;

/**
 * Opt-in sweep over real exported workspaces (never committed, not run by CI):
 * {@code mvn test -Dtest=ExportSweepTest -Dxs.exports=FOLDER} serves each folder under FOLDER
 * and calls every query at its URL (a token for its auth table, "1" for path parameters),
 * counting those that answer something other than "Unable to locate request.". The report
 * goes to stdout and target/export-sweep.txt.
 */
@EnabledIfSystemProperty(named = "xs.exports", matches = ".+")
class ExportSweepTest {
    @Test
    void everyQueryOfEveryExportAnswersAtItsUrl() throws Exception {
        Path root = Path.of(System.getProperty("xs.exports"));
        List<String> lines = new ArrayList<>();
        Map<String, Integer> totals = new TreeMap<>();
        Map<String, Integer> statuses = new TreeMap<>();
        Map<String, Integer> failures = new TreeMap<>();
        List<Path> exports;
        try (Stream<Path> s = Files.list(root)) {
            exports = s.filter(Files::isDirectory).sorted().toList();
        }
        for (Path export : exports) {
            List<Script> scripts = new ArrayList<>();
            int parseErrors = 0;
            try (Stream<Path> files = Files.walk(export)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".xs")).sorted().toList()) {
                    ParseResult r = new ScriptParser().parse(new Source(f.toString(), read(f)));
                    parseErrors += (int) r.diagnostics().stream().filter(Diagnostic::isError).count();
                    if (r.script() != null) {
                        scripts.add(r.script());
                    }
                }
            }
            Program program = new Program(scripts);
            long queries = program.constructs().stream().filter(c -> c.kind().equals("query")).count();
            if (queries == 0) {
                continue;
            }
            count(totals, "workspaces with queries", 1);
            count(totals, "queries declared", (int) queries);
            List<Diagnostic> checkErrors = parseErrors > 0 ? List.of()
                : new Checker(program).check().stream().filter(Diagnostic::isError).toList();
            if (parseErrors > 0 || !checkErrors.isEmpty()) {
                count(totals, "workspaces xs serve refuses (parse/check errors)", 1);
                lines.add(export.getFileName() + ": refused: " + parseErrors + " parse errors, " + checkErrors.size()
                    + " check errors" + (checkErrors.isEmpty() ? "" : " (first: " + checkErrors.get(0).headline() + ")"));
            }
            Workspace ws = Workspace.of(program);
            List<Diagnostic> wsErrors = ws.problems().stream().filter(Diagnostic::isError).toList();
            wsErrors.forEach(d -> lines.add(export.getFileName() + ": " + d.headline()));
            count(totals, "route collisions", wsErrors.size());
            int located = 0;
            int unlocated = 0;
            try (ApiServer api = new ApiServer(export)) {
                for (Route route : ws.routes()) {
                    StringBuilder url = new StringBuilder("/api:" + encode(route.group().canonical()));
                    for (Route.Segment s : route.segments()) {
                        url.append('/').append(s.parameter() ? "1" : encode(s.text()));
                    }
                    String[] headers = route.authTable() == null ? new String[0]
                        : new String[] {"Authorization", "Bearer " + api.token(route.authTable(), 1)};
                    ApiServer.Reply r = route.verb().equals("GET") || route.verb().equals("HEAD")
                        || route.verb().equals("DELETE") ? api.send(route.verb(), url.toString(), null, null, headers)
                        : api.json(route.verb(), url.toString(), "{}", headers);
                    boolean lost = r.body().contains("Unable to locate request.");
                    if (lost) {
                        unlocated++;
                        lines.add(export.getFileName() + ": NOT LOCATED " + route.verb() + " " + url);
                    } else {
                        located++;
                    }
                    count(statuses, String.valueOf(r.status()), 1);
                    if (r.status() >= 500) {
                        String message = message(r.body());
                        count(failures, failureClass(message), 1);
                        lines.add(export.getFileName() + ": " + r.status() + " " + route.verb() + " " + url + ": " + message);
                    }
                }
            } catch (RuntimeException e) {
                lines.add(export.getFileName() + ": could not serve: " + e);
                count(totals, "workspaces that could not be served", 1);
            }
            count(totals, "queries answering at their URL", located);
            count(totals, "queries answering Unable to locate request.", unlocated);
            lines.add(export.getFileName() + ": " + queries + " queries, " + located + " located, " + unlocated
                + " not located, " + (queries - ws.routes().size()) + " not served (inactive group or collision)");
        }
        lines.add("totals: " + totals);
        lines.add("statuses: " + statuses);
        lines.add("5xx by class:");
        failures.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
            .forEach(e -> lines.add(String.format("%5d  %s", e.getValue(), e.getKey())));
        String report = String.join("\n", lines) + "\n";
        System.out.println(report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/export-sweep.txt"), report);
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            return new String(readBytes(f), StandardCharsets.ISO_8859_1);
        }
    }

    private static byte[] readBytes(Path f) {
        try {
            return Files.readAllBytes(f);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    /** The message of a Xano error body, or the body's start. */
    private static String message(String body) {
        try {
            com.fasterxml.jackson.databind.JsonNode json = ApiServer.JSON.readTree(body);
            if (json != null && json.has("message")) {
                return json.get("message").asText();
            }
        } catch (IOException e) {
            // not JSON: its start
        }
        return body.length() > 200 ? body.substring(0, 200) : body;
    }

    /** A 5xx message with its names, numbers and quoted values blanked, so that alike failures count together. */
    private static String failureClass(String message) {
        String m = message.replaceAll("\"[^\"]*\"", "\"…\"").replaceAll("'[^']*'", "'…'")
            .replaceAll("\\$[A-Za-z_][A-Za-z0-9_.]*", "\\$…").replaceAll("\\d+", "N");
        int colon = m.indexOf(": ", m.indexOf(':') + 1);
        m = colon > 0 && colon < 60 ? m.substring(0, colon) : m;
        return m.length() > 110 ? m.substring(0, 110) + "…" : m;
    }

    private static String encode(String segment) {
        return java.net.URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void count(Map<String, Integer> m, String key, int n) {
        m.merge(key, n, Integer::sum);
    }

}
