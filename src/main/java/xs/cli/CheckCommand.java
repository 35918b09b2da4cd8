package xs.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import xs.check.Checker;
import xs.diag.Diagnostic;
import xs.diag.GithubRenderer;
import xs.diag.JsonReport;
import xs.diag.Severity;
import xs.diag.TextRenderer;

/**
 * {@code xs check PATH... [--format text|json|github] [--strict]}: validate scripts for editors
 * and CI. Errors fail the run (exit 1); with {@code --strict} warnings fail it too.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = "Check .xs files (folders are searched recursively) and report problems with file:line:col.")
final class CheckCommand implements Callable<Integer> {

    enum Format { text, json, github }

    @Mixin
    ScriptPaths scripts;

    @Option(names = "--format", defaultValue = "text", description = "text, json or github (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--strict", description = "Warnings fail the run too (exit 1): for CI.")
    boolean strict;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = scripts.out();
        PrintWriter err = scripts.err();
        ProgramLoader.Loaded loaded = scripts.load();
        if (loaded.files() == 0) {
            err.println("xs: no .xs files found in " + scripts.paths);
            return 2;
        }
        List<Diagnostic> diagnostics = new ArrayList<>(loaded.diagnostics());
        diagnostics.addAll(new Checker(loaded.program()).check());
        diagnostics.sort(ORDER);
        long errors = diagnostics.stream().filter(Diagnostic::isError).count();
        long warnings = diagnostics.stream().filter(d -> d.severity() == Severity.WARNING).count();
        switch (format) {
            case json -> out.println(new JsonReport().render(loaded.files(), diagnostics));
            case github -> {
                GithubRenderer renderer = new GithubRenderer();
                diagnostics.forEach(d -> out.println(renderer.render(d)));
            }
            default -> {
                TextRenderer renderer = new TextRenderer();
                diagnostics.forEach(d -> out.print(renderer.render(d)));
                out.println("checked " + plural(loaded.files(), "file") + ": " + plural(errors, "error") + ", "
                    + plural(warnings, "warning") + (strict && errors == 0 && warnings > 0
                    ? " (--strict: warnings fail the check)" : ""));
            }
        }
        out.flush();
        return errors > 0 || (strict && warnings > 0) ? 1 : 0;
    }

    static final Comparator<Diagnostic> ORDER = Comparator
        .comparing((Diagnostic d) -> d.span() == null ? "" : d.span().source().name())
        .thenComparingInt(d -> d.span() == null ? 0 : d.span().start());

    static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
