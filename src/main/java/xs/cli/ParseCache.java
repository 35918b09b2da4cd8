package xs.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import xs.ast.Program;
import xs.ast.Script;
import xs.diag.Diagnostic;
import xs.source.DeepStacks;
import xs.source.SourceLoader;
import xs.syntax.ParseResult;

/**
 * Loads the scripts under the paths again and again, as {@code xs serve --watch} does on each
 * change: every file is read each time (so nothing stale is served), but only a file whose text
 * changed is parsed again; the others keep their parse result. Files that changed together (a
 * {@code git checkout}) are parsed in parallel.
 * <pre>ParseCache cache = new ParseCache();  ProgramLoader.Loaded loaded = cache.load(paths);</pre>
 */
final class ParseCache {
    /** A file's text when it was parsed, and what the parse produced. */
    private record Parsed(String text, ParseResult result) {
    }

    private final SourceLoader loader = new SourceLoader();
    private Map<Path, Parsed> parsed = new HashMap<>();

    /** Every file under the paths, parsed or taken from the last load when its text is the same. */
    ProgramLoader.Loaded load(List<Path> paths) throws SourceLoader.MissingPath, IOException {
        List<Path> files = loader.find(paths);
        List<SourceLoader.Loaded> read = new ArrayList<>(files.size());
        for (Path file : files) {
            read.add(loader.load(file));
        }
        ParseResult[] results = new ParseResult[files.size()];
        List<Integer> changed = new ArrayList<>();
        for (int i = 0; i < read.size(); i++) {
            SourceLoader.Loaded r = read.get(i);
            Parsed before = parsed.get(r.path());
            if (r.problem() == null && before != null && before.text().equals(r.source().text())) {
                results[i] = before.result();
            } else {
                changed.add(i);
            }
        }
        parse(read, changed, results);
        Map<Path, Parsed> next = new HashMap<>();
        List<Script> scripts = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (int i = 0; i < results.length; i++) {
            SourceLoader.Loaded r = read.get(i);
            if (r.problem() == null) {
                next.put(r.path(), new Parsed(r.source().text(), results[i]));
            }
            diagnostics.addAll(results[i].diagnostics());
            if (results[i].script() != null) {
                scripts.add(results[i].script());
            }
        }
        parsed = next;
        return new ProgramLoader.Loaded(new Program(scripts), diagnostics, files.size());
    }

    private static void parse(List<SourceLoader.Loaded> read, List<Integer> changed, ParseResult[] results)
        throws IOException {
        if (changed.size() <= 1) {
            for (int i : changed) {
                results[i] = ProgramLoader.parse(read.get(i));
            }
            return;
        }
        int threads = Math.max(1, Math.min(changed.size(), Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, DeepStacks.factory("xs-parse"));
        try {
            List<Future<ParseResult>> futures = new ArrayList<>();
            for (int i : changed) {
                SourceLoader.Loaded r = read.get(i);
                futures.add(pool.submit(() -> ProgramLoader.parse(r)));
            }
            for (int k = 0; k < changed.size(); k++) {
                results[changed.get(k)] = futures.get(k).get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while parsing scripts", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
