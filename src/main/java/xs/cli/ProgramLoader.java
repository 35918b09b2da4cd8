package xs.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import xs.ast.Program;
import xs.ast.Script;
import xs.diag.Code;
import xs.diag.Diagnostic;
import xs.source.DeepStacks;
import xs.source.Source;
import xs.source.SourceLoader;
import xs.source.Span;
import xs.syntax.ParseResult;
import xs.syntax.ScriptParser;

/**
 * Reads and parses every {@code .xs} file under the given paths, in parallel, into one
 * {@link Program} plus the diagnostics found on the way.
 */
final class ProgramLoader {

    /** The outcome of loading: scripts that parsed, and every diagnostic, in file order. */
    record Loaded(Program program, List<Diagnostic> diagnostics, int files) {
        boolean hasErrors() {
            return diagnostics.stream().anyMatch(Diagnostic::isError);
        }
    }

    /**
     * The scripts could not be loaded or have errors; what to exit with (printed already). Commands let
     * it through: {@link Main} exits with its code, without the internal-error report.
     */
    static final class Rejected extends Exception {
        private final int exitCode;

        Rejected(int exitCode) {
            super(null, null, false, false);
            this.exitCode = exitCode;
        }

        int exitCode() {
            return exitCode;
        }
    }

    /**
     * Loads the scripts a command runs: a missing path is a usage error (2), and scripts with
     * errors are refused (1) with their diagnostics on {@code err}, as {@code xs check} prints them.
     */
    static Loaded loadChecked(List<Path> paths, java.io.PrintWriter err) throws Rejected, IOException {
        Loaded loaded = loadFound(paths, err);
        if (CheckGate.failed(loaded, err)) {
            throw new Rejected(1);
        }
        return loaded;
    }

    /** Loads the scripts, errors and all; a missing path is a usage error (2), said on {@code err}. */
    static Loaded loadFound(List<Path> paths, java.io.PrintWriter err) throws Rejected, IOException {
        try {
            return load(paths);
        } catch (SourceLoader.MissingPath e) {
            err.println("xs: " + e.getMessage());
            throw new Rejected(2);
        }
    }

    static Loaded load(List<Path> paths) throws SourceLoader.MissingPath, IOException {
        SourceLoader loader = new SourceLoader();
        List<Path> files = loader.find(paths);
        int threads = Math.max(1, Math.min(files.size(), Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, DeepStacks.factory("xs-parse"));
        try {
            List<Future<ParseResult>> results = new ArrayList<>();
            for (Path file : files) {
                results.add(pool.submit(() -> parse(loader.load(file))));
            }
            List<Script> scripts = new ArrayList<>();
            List<Diagnostic> diagnostics = new ArrayList<>();
            for (Future<ParseResult> f : results) {
                ParseResult r = f.get();
                diagnostics.addAll(r.diagnostics());
                if (r.script() != null) {
                    scripts.add(r.script());
                }
            }
            return new Loaded(new Program(scripts), diagnostics, files.size());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading scripts", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    static ParseResult parse(SourceLoader.Loaded loaded) {
        if (loaded.problem() != null) {
            Source source = loaded.source() != null ? loaded.source()
                : new Source(SourceLoader.display(loaded.path()), "");
            Code code = loaded.source() != null ? Code.XS0107 : Code.XS0001;
            int at = loaded.problemOffset();
            return new ParseResult(null, List.of(Diagnostic.error(code, new Span(source, at, at), loaded.problem())));
        }
        return new ScriptParser().parse(loaded.source());
    }
}
