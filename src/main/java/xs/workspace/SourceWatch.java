package xs.workspace;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import xs.source.DeepStacks;

/**
 * Watches the {@code .xs} files under the paths {@code xs serve --watch} serves, and reports a
 * burst of changes once it has gone quiet. Folders are watched recursively (new folders as they
 * appear) with the platform's file notifications, not by polling; hidden folders ({@code .git},
 * {@code .xano-backup}) are not part of a program, so they are not watched, and only names ending
 * in {@code .xs} count, which leaves out editors' temporary files ({@code .app.xs.swp},
 * {@code app.xs~}, {@code #app.xs#}). A folder created or deleted counts too (a {@code git
 * checkout} or {@code rm -r} of one). A watched folder's own parent is watched for that folder's
 * name alone, so the folder deleted and made again (a checkout of another branch that replaces it,
 * an editor or a script swapping in a new copy) is watched again, whole, and reported. The report
 * runs on the watch's own thread, one at a time; changes made meanwhile make the next report.
 * <pre>SourceWatch w = SourceWatch.start(List.of(Path.of("app")), 200, changed -> reload(), log::println);</pre>
 */
public final class SourceWatch implements AutoCloseable {
    /** A burst that never goes quiet (a long copy) is still reported after this long. */
    private static final long MAX_WAIT_MILLIS = 2_000;

    private final WatchService service;
    private final long quietNanos;
    private final Consumer<Set<Path>> onChange;
    private final Consumer<String> log;
    /** The folder each key watches, and for a folder watched for named files only, those names. */
    private final Map<WatchKey, Path> folders = new HashMap<>();
    private final Map<Path, Set<String>> onlyNames = new HashMap<>();
    /** Every folder watched, kept after its key is gone, so its deletion is known as a folder's. */
    private final Set<Path> knownFolders = new HashSet<>();
    /** For the parent of each watched root folder, the names of those roots: watched for nothing else. */
    private final Map<Path, Set<String>> rootNames = new HashMap<>();
    private final Thread thread;
    private volatile boolean closed;
    private boolean warnedLimit;

    private SourceWatch(WatchService service, long quietMillis, Consumer<Set<Path>> onChange, Consumer<String> log) {
        this.service = service;
        this.quietNanos = TimeUnit.MILLISECONDS.toNanos(quietMillis);
        this.onChange = onChange;
        this.log = log;
        // The reload it reports parses and checks scripts, which recurse as deep as they nest.
        this.thread = DeepStacks.thread("xs-watch", this::run);
        this.thread.setDaemon(true);
    }

    /**
     * Starts watching. A folder is watched with every folder below it; a file by its folder, for
     * that name only.
     *
     * @param quietMillis how long no change must come before a burst is reported
     * @param onChange    gets the paths that changed (folders for created or deleted folders)
     * @param log         one line for a folder that cannot be watched
     * @throws IOException when the platform cannot watch the paths at all
     */
    public static SourceWatch start(List<Path> paths, long quietMillis, Consumer<Set<Path>> onChange,
                                    Consumer<String> log) throws IOException {
        SourceWatch w = new SourceWatch(FileSystems.getDefault().newWatchService(), quietMillis, onChange, log);
        try {
            for (Path p : paths) {
                Path path = p.toAbsolutePath().normalize();
                if (Files.isDirectory(path)) {
                    w.registerTree(path);
                    w.watchForReplacement(path);
                } else {
                    Path folder = path.getParent();
                    w.watch(folder);
                    w.onlyNames.computeIfAbsent(folder, k -> new HashSet<>()).add(path.getFileName().toString());
                }
            }
        } catch (IOException | RuntimeException e) {
            w.service.close();
            throw e;
        }
        w.thread.start();
        return w;
    }

    private void registerTree(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!dir.equals(root) && hidden(dir.getFileName().toString())) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                register(dir);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                // A folder gone or unreadable between listing and visiting: nothing to watch there.
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /**
     * Watches the parent of a root folder for the root's name, so a root deleted and made again is
     * noticed (its own watch ends with it). A root without a parent that can be watched is still
     * watched, and the log says what will not be noticed.
     */
    private void watchForReplacement(Path root) {
        Path parent = root.getParent();
        if (parent == null) {
            return;
        }
        try {
            watch(parent);
            rootNames.computeIfAbsent(parent, k -> new HashSet<>()).add(root.getFileName().toString());
        } catch (IOException e) {
            log.accept("xs serve: --watch cannot watch " + parent + " (" + e.getMessage() + "); if " + root
                + " itself is deleted and made again, restart xs serve");
        }
    }

    /** Watches one folder for files and folders made, changed and deleted in it. */
    private void watch(Path dir) throws IOException {
        folders.put(dir.register(service, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY), dir);
    }

    private void register(Path dir) throws IOException {
        try {
            watch(dir);
            knownFolders.add(dir);
        } catch (IOException e) {
            if (folders.isEmpty()) {
                throw e;
            }
            // Linux limits inotify watches per user; a folder beyond it is loaded but not watched.
            if (!warnedLimit) {
                warnedLimit = true;
                log.accept("xs serve: --watch cannot watch " + dir + " (" + e.getMessage() + "); changes there "
                    + "are seen only with changes elsewhere (raise fs.inotify.max_user_watches)");
            }
        }
    }

    private static boolean hidden(String name) {
        return name.startsWith(".");
    }

    private void run() {
        Set<Path> pending = new LinkedHashSet<>();
        long first = 0;
        long last = 0;
        try {
            while (!closed) {
                WatchKey key;
                if (pending.isEmpty()) {
                    key = service.take();
                } else {
                    long now = System.nanoTime();
                    long due = Math.min(last + quietNanos, first + TimeUnit.MILLISECONDS.toNanos(MAX_WAIT_MILLIS));
                    if (now - due >= 0) {
                        // Changes already queued (this thread was late) belong to the burst too.
                        boolean more = false;
                        for (WatchKey queued = service.poll(); queued != null; queued = service.poll()) {
                            more |= collect(queued, pending);
                        }
                        if (more && now - first < TimeUnit.MILLISECONDS.toNanos(MAX_WAIT_MILLIS)) {
                            last = System.nanoTime();
                            continue;
                        }
                        report(pending);
                        pending = new LinkedHashSet<>();
                        continue;
                    }
                    key = service.poll(due - now, TimeUnit.NANOSECONDS);
                    if (key == null) {
                        continue;
                    }
                }
                boolean wasQuiet = pending.isEmpty();
                if (collect(key, pending)) {
                    last = System.nanoTime();
                    if (wasQuiet) {
                        first = last;
                    }
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed
        }
    }

    /** Adds the key's changes that count to pending; true when there was one. */
    private boolean collect(WatchKey key, Set<Path> pending) {
        Path folder = folders.get(key);
        boolean seen = false;
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == OVERFLOW) {
                // Events were lost: the program is read again whole anyway.
                pending.add(folder == null ? Path.of(".") : folder);
                seen = true;
                continue;
            }
            if (folder == null) {
                continue;
            }
            String name = event.context().toString();
            Path path = folder.resolve(name);
            if (rootNames.getOrDefault(folder, Set.of()).contains(name)) {
                // A root's own times or mode changing (ENTRY_MODIFY) changes none of its files.
                if (event.kind() != ENTRY_MODIFY) {
                    rootReplaced(path, event.kind() == ENTRY_CREATE);
                    pending.add(path);
                    seen = true;
                }
                continue;
            }
            Set<String> only = onlyNames.get(folder);
            boolean named = only != null && only.contains(name);
            if (!named && (only != null || !knownFolders.contains(folder))) {
                continue;
            }
            if (hidden(name)) {
                continue;
            }
            boolean counts = name.endsWith(".xs");
            if (event.kind() == ENTRY_CREATE && only == null && Files.isDirectory(path)) {
                try {
                    registerTree(path);
                } catch (IOException e) {
                    log.accept("xs serve: --watch cannot watch the new folder " + path + ": " + e.getMessage());
                }
                counts = true;
            } else if (event.kind() == ENTRY_DELETE && knownFolders.remove(path)) {
                knownFolders.removeIf(p -> p.startsWith(path));
                counts = true;
            }
            if (counts) {
                pending.add(path);
                seen = true;
            }
        }
        if (!key.reset()) {
            folders.remove(key);
        }
        return seen;
    }

    /**
     * A root folder deleted, or made (again): the watches below its path are dropped (a folder
     * moved away keeps its watches, which would report its changes under the old name), and when
     * the root is there, all of it is watched again.
     */
    private void rootReplaced(Path root, boolean made) {
        folders.entrySet().removeIf(e -> {
            boolean below = e.getValue().startsWith(root);
            if (below) {
                e.getKey().cancel();
            }
            return below;
        });
        knownFolders.removeIf(p -> p.startsWith(root));
        if (made && Files.isDirectory(root)) {
            try {
                registerTree(root);
            } catch (IOException e) {
                log.accept("xs serve: --watch cannot watch " + root + " again: " + e.getMessage());
            }
        }
    }

    private void report(Set<Path> changed) {
        try {
            onChange.accept(changed);
        } catch (RuntimeException e) {
            log.accept("xs serve: the reload failed with an internal error (please report it): " + e);
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            service.close();
        } catch (IOException e) {
            // closing anyway
        }
        thread.interrupt();
    }
}
