package xs.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import xs.ast.Program;
import xs.diag.Diagnostic;
import xs.diag.TextRenderer;
import xs.interp.ChannelDirectory;
import xs.interp.EventRecorder;
import xs.interp.Identity;
import xs.interp.TestRunner;
import xs.realtime.Tokens;
import xs.workspace.Workspace;

/**
 * {@code xs test PATH... [--data FILE] [--junit-xml FILE] [--filter TEXT] [--user ID [--extras JSON]]}:
 * runs every {@code test} block, each against a fresh database, and ends with
 * {@code N passed, M failed}. A run in which no test ran fails (exit 1), so a filter that
 * matches nothing cannot pass a CI step.
 */
@Command(name = "test", mixinStandardHelpOptions = true,
    description = "Run the test blocks of .xs files; exit 1 when any fails.")
final class TestCommand implements Callable<Integer> {
    @Mixin
    ScriptPaths scripts;

    @Mixin
    RunOptions options;

    @Option(names = "--junit-xml", paramLabel = "FILE", description = "Also write a JUnit XML report.")
    Path junitXml;

    @Option(names = "--filter", paramLabel = "TEXT", description = "Run only tests whose name (or construct) contains TEXT.")
    String filter;

    @Mixin
    Auth user;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = scripts.out();
        PrintWriter err = scripts.err();
        ProgramLoader.Loaded loaded = scripts.load();
        if (user.extras != null && user.user == null) {
            err.println("xs: --extras needs --user (the extras belong to a signed-in user)");
            return 2;
        }
        List<Diagnostic> diagnostics = CheckGate.diagnostics(loaded);
        if (CheckGate.failed(diagnostics, err)) {
            List<Diagnostic> errors = diagnostics.stream().filter(Diagnostic::isError).toList();
            // CI reads the report even when nothing ran: one failing case carries the diagnostics.
            return junitXml == null || writeReport(List.of(), errors, err) ? 1 : 2;
        }
        Program program = loaded.program();
        Workspace workspace = Workspace.of(program);
        if (WorkspaceGate.failed(workspace, err, "no test ran")) {
            List<Diagnostic> errors = workspace.problems().stream().filter(Diagnostic::isError).toList();
            return junitXml == null || writeReport(List.of(), errors, err) ? 1 : 2;
        }
        Tokens tokens = new Tokens(ServeSecret.forOneRun());
        Map<String, String> environment;
        Identity identity;
        Map<String, Object> auth;
        try {
            environment = options.environment();
            identity = user.identity();
            auth = identity.auth();
            // Read the data file once up front so a bad file is a usage error, not N failed tests.
            ProgramSetup.database(program, options.data, null, options.database(), true).close();
        } catch (ProgramSetup.SetupException e) {
            err.println("xs: " + e.getMessage());
            return 2;
        }
        ChannelDirectory channels = ChannelDirectory.of(program);
        TestRunner runner = new TestRunner(program, () -> {
            try {
                return RunServices.create(program, options, environment, new EventRecorder(channels), true);
            } catch (ProgramSetup.SetupException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }, auth, interpreter -> RunServices.wire(interpreter, workspace, tokens, err).forwarding(identity));
        List<TestRunner.Result> results = runner.run(filter);
        long failed = results.stream().filter(r -> !r.passed()).count();
        for (TestRunner.Result r : results) {
            if (!r.passed()) {
                String what = r.construct().kind().equals("workflow_test") ? r.construct().title()
                    : "test \"" + r.name() + "\" of " + r.construct().title();
                out.println(r.failureAt() + ": " + what + " failed: " + r.failure());
            }
        }
        if (junitXml != null && !writeReport(results, List.of(), err)) {
            return 2;
        }
        if (results.isEmpty()) {
            // A CI step whose filter matches nothing must not pass as if the tests had run.
            out.println(filter == null ? "no tests ran: the scripts have no test blocks"
                : "no tests ran: no test name or construct contains \"" + filter + "\"");
            out.flush();
            return 1;
        }
        out.println((results.size() - failed) + " passed, " + failed + " failed");
        out.flush();
        return failed > 0 ? 1 : 0;
    }

    private boolean writeReport(List<TestRunner.Result> results, List<Diagnostic> problems, PrintWriter err) {
        try {
            writeJunit(junitXml, results, problems);
            return true;
        } catch (IOException e) {
            err.println("xs: cannot write " + junitXml + ": " + e.getMessage());
            err.flush();
            return false;
        }
    }

    /**
     * The common JUnit XML shape CI systems read: one suite per file, one case per test block.
     * When the scripts do not load, one failing case carries their diagnostics.
     */
    private static void writeJunit(Path file, List<TestRunner.Result> results, List<Diagnostic> problems)
        throws IOException {
        Map<String, List<TestRunner.Result>> byFile = new LinkedHashMap<>();
        for (TestRunner.Result r : results) {
            byFile.computeIfAbsent(r.span().source().name(), k -> new java.util.ArrayList<>()).add(r);
        }
        long failures = results.stream().filter(r -> !r.passed()).count() + (problems.isEmpty() ? 0 : 1);
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites tests=\"")
            .append(results.size() + (problems.isEmpty() ? 0 : 1)).append("\" failures=\"").append(failures)
            .append("\">\n");
        if (!problems.isEmpty()) {
            TextRenderer renderer = new TextRenderer();
            StringBuilder text = new StringBuilder();
            problems.forEach(d -> text.append(renderer.render(d)));
            String message = CheckCommand.plural(problems.size(), "error") + " in the scripts; no test ran";
            x.append("  <testsuite name=\"xs check\" tests=\"1\" failures=\"1\" errors=\"0\" skipped=\"0\" time=\"0\">\n")
                .append("    <testcase classname=\"xs check\" name=\"the scripts load\" time=\"0\">\n")
                .append("      <failure message=\"").append(xml(message)).append("\">").append(xml(text.toString()))
                .append("</failure>\n    </testcase>\n  </testsuite>\n");
        }
        for (Map.Entry<String, List<TestRunner.Result>> e : byFile.entrySet()) {
            List<TestRunner.Result> list = e.getValue();
            double seconds = list.stream().mapToLong(TestRunner.Result::millis).sum() / 1000.0;
            x.append("  <testsuite name=\"").append(xml(e.getKey())).append("\" tests=\"").append(list.size())
                .append("\" failures=\"").append(list.stream().filter(r -> !r.passed()).count())
                .append("\" errors=\"0\" skipped=\"0\" time=\"").append(seconds).append("\">\n");
            for (TestRunner.Result r : list) {
                x.append("    <testcase classname=\"").append(xml(r.construct().title())).append("\" name=\"")
                    .append(xml(r.name())).append("\" file=\"").append(xml(e.getKey())).append("\" line=\"")
                    .append(r.span().line()).append("\" time=\"").append(r.millis() / 1000.0).append('"');
                if (r.passed()) {
                    x.append("/>\n");
                } else {
                    x.append(">\n      <failure message=\"").append(xml(r.failure())).append("\">")
                        .append(xml(r.failureAt() + ": " + r.failure())).append("</failure>\n    </testcase>\n");
                }
            }
            x.append("  </testsuite>\n");
        }
        x.append("</testsuites>\n");
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, x.toString());
    }

    private static String xml(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t') {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
