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
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import xs.ast.Program;
import xs.interp.ChannelDirectory;
import xs.interp.EventRecorder;
import xs.interp.Services;
import xs.services.StandardOutside;
import xs.interp.TestRunner;
import xs.workspace.TableTriggers;

/**
 * {@code xs test PATH... [--data FILE] [--junit-xml FILE] [--filter TEXT]}: runs every
 * {@code test} block, each against a fresh database, and ends with {@code N passed, M failed}.
 */
@Command(name = "test", mixinStandardHelpOptions = true,
    description = "Run the test blocks of .xs files; exit 1 when any fails.")
final class TestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders of .xs scripts.")
    List<Path> paths;

    @Mixin
    RunOptions options;

    @Option(names = "--junit-xml", paramLabel = "FILE", description = "Also write a JUnit XML report.")
    Path junitXml;

    @Option(names = "--filter", paramLabel = "TEXT", description = "Run only tests whose name (or construct) contains TEXT.")
    String filter;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ProgramLoader.Loaded loaded;
        try {
            loaded = ProgramLoader.loadChecked(paths, err);
        } catch (ProgramLoader.Rejected e) {
            return e.exitCode();
        }
        Program program = loaded.program();
        Map<String, String> environment;
        try {
            environment = options.environment();
            // Read the data file once up front so a bad file is a usage error, not N failed tests.
            ProgramSetup.database(program, options.data, null, options.databaseUrl(), true).close();
        } catch (ProgramSetup.SetupException e) {
            err.println("xs: " + e.getMessage());
            return 2;
        }
        ChannelDirectory channels = ChannelDirectory.of(program);
        long millis = options.timeoutMillis();
        TestRunner runner = new TestRunner(program, () -> {
            try {
                return Services.of(ProgramSetup.database(program, options.data, null, options.databaseUrl(), true),
                    new EventRecorder(channels), environment, millis).withLambdas(ProgramSetup.lambdas())
                    .with(StandardOutside.create());
            } catch (ProgramSetup.SetupException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }, interpreter -> TableTriggers.attach(interpreter, line -> err.println("xs: " + line)));
        List<TestRunner.Result> results = runner.run(filter);
        long failed = results.stream().filter(r -> !r.passed()).count();
        for (TestRunner.Result r : results) {
            if (!r.passed()) {
                String what = r.construct().kind().equals("workflow_test") ? r.construct().title()
                    : "test \"" + r.name() + "\" of " + r.construct().title();
                out.println(r.failureAt() + ": " + what + " failed: " + r.failure());
            }
        }
        if (junitXml != null) {
            try {
                writeJunit(junitXml, results);
            } catch (IOException e) {
                err.println("xs: cannot write " + junitXml + ": " + e.getMessage());
                return 2;
            }
        }
        out.println((results.size() - failed) + " passed, " + failed + " failed");
        out.flush();
        return failed > 0 ? 1 : 0;
    }

    /** The common JUnit XML shape CI systems read: one suite per file, one case per test block. */
    private static void writeJunit(Path file, List<TestRunner.Result> results) throws IOException {
        Map<String, List<TestRunner.Result>> byFile = new LinkedHashMap<>();
        for (TestRunner.Result r : results) {
            byFile.computeIfAbsent(r.span().source().name(), k -> new java.util.ArrayList<>()).add(r);
        }
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites tests=\"")
            .append(results.size()).append("\" failures=\"").append(results.stream().filter(r -> !r.passed()).count())
            .append("\">\n");
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
