package xs.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * change: a file whose size, modification time and identity (inode) are those it had is taken as
 * it was; any other is read, and parsed again only when its text changed (a {@code touch} costs a
 * read). Files that changed together (a {@code git checkout}) are parsed in parallel.
 * <pre>ParseCache cache = new ParseCache();  ProgramLoader.Loaded loaded = cache.load(paths);</pre>
 */
final class ParseCache {
    /** A file's text and attributes when it was parsed, and what the parse produced. */
    private record Parsed(String text, Stamp stamp, ParseResult result) {
    }

    /**
     * What tells that a file was not written since: size, modification time, identity. As git
     * does, a stamp taken less than {@value #SETTLE_MILLIS} ms after the file was written is not
     * trusted (a file system with coarse times could see a second write in the same tick).
     */
    private record Stamp(long size, FileTime modified, Object key, boolean settled) {
        static Stamp of(Path file) {
            try {
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                boolean settled = System.currentTimeMillis() - a.lastModifiedTime().toMillis() > SETTLE_MILLIS;
                return new Stamp(a.size(), a.lastModifiedTime(), a.fileKey(), settled);
            } catch (IOException e) {
                // Unreadable now: read it (and report why) as any changed file.
                return null;
            }
        }
    }

    private static final long SETTLE_MILLIS = 2_000;

    private final SourceLoader loader = new SourceLoader();
    private Map<Path, Parsed> parsed = new HashMap<>();

    /** Every file under the paths, parsed or taken from the last load when its text is the same. */
    ProgramLoader.Loaded load(List<Path> paths) throws SourceLoader.MissingPath, IOException {
        List<Path> files = loader.find(paths);
        ParseResult[] results = new ParseResult[files.size()];
        Parsed[] kept = new Parsed[files.size()];
        Stamp[] stamps = new Stamp[files.size()];
        List<SourceLoader.Loaded> read = new ArrayList<>(files.size());
        List<Integer> changed = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            Parsed before = parsed.get(file);
            stamps[i] = Stamp.of(file);
            if (before != null && stamps[i] != null && before.stamp() != null && before.stamp().settled()
                && sameFile(stamps[i], before.stamp())) {
                kept[i] = before;
                results[i] = before.result();
                read.add(null);
                continue;
            }
            SourceLoader.Loaded r = loader.load(file);
            read.add(r);
            if (r.problem() == null && before != null && before.text().equals(r.source().text())) {
                kept[i] = new Parsed(before.text(), stamps[i], before.result());
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
            if (kept[i] != null) {
                next.put(files.get(i), kept[i]);
            } else if (r.problem() == null) {
                next.put(files.get(i), new Parsed(r.source().text(), stamps[i], results[i]));
            }
            diagnostics.addAll(results[i].diagnostics());
            if (results[i].script() != null) {
                scripts.add(results[i].script());
            }
        }
        parsed = next;
        return new ProgramLoader.Loaded(new Program(scripts), diagnostics, files.size());
    }

    private static boolean sameFile(Stamp now, Stamp then) {
        return now.size() == then.size() && now.modified().equals(then.modified()) && Objects.equals(now.key(), then.key());
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
