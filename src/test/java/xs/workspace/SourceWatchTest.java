package xs.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code xs serve --watch} notices: .xs files added, changed and deleted anywhere below the
 * folder (new folders included), a burst reported once, nothing for hidden folders or
 * editors' temporary files, and the folder itself deleted and made again. Each step waits for the report; none measures time.
 */
class SourceWatchTest {
    /** Long enough that the files one test writes back to back make one burst even on a loaded machine. */
    private static final long QUIET_MILLIS = 400;

    private final BlockingQueue<Set<Path>> reports = new LinkedBlockingQueue<>();

    private Set<String> nextReport(Path root) throws InterruptedException {
        Set<Path> changed = reports.poll(30, TimeUnit.SECONDS);
        assertNotNull(changed, "no change was reported within 30 s");
        Set<String> names = new TreeSet<>();
        Path base = root.toAbsolutePath().normalize();
        for (Path p : changed) {
            names.add(base.relativize(p).toString().replace('\\', '/'));
        }
        return names;
    }

    @Test
    @Timeout(120)
    void reportsAddChangeAndDeleteOfXsFilesBelowTheFolderOnceABurstIsOver(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("api/shop"));
        Files.writeString(dir.resolve("api/shop/list_GET.xs"), "query list verb=GET {}\n");
        try (SourceWatch w = SourceWatch.start(List.of(dir), QUIET_MILLIS, reports::add, line -> { })) {
            Files.writeString(dir.resolve("api/shop/list_GET.xs"), "query list verb=GET { }\n");
            assertEquals(Set.of("api/shop/list_GET.xs"), nextReport(dir));

            // A folder made after the watch started, filled at once: one report naming all of it.
            Path tables = dir.resolve("tables");
            Files.createDirectories(tables.resolve("nested"));
            for (int i = 0; i < 20; i++) {
                Files.writeString(tables.resolve("nested").resolve("t" + i + ".xs"), "table t" + i + " {}\n");
            }
            Set<String> burst = nextReport(dir);
            assertEquals(true, burst.contains("tables"), burst.toString());

            // Files in the new folder are watched now, one by one.
            Files.writeString(tables.resolve("nested/t3.xs"), "table t3 { }\n");
            assertEquals(Set.of("tables/nested/t3.xs"), nextReport(dir));

            // Hidden folders, editors' swap and backup files, other extensions: not reported with the real change.
            Files.createDirectories(dir.resolve(".xano-backup"));
            Files.writeString(dir.resolve(".xano-backup/list_GET.xs"), "query list verb=GET {}\n");
            Files.writeString(dir.resolve("api/shop/.list_GET.xs.swp"), "swap");
            Files.writeString(dir.resolve("api/shop/list_GET.xs~"), "backup");
            Files.writeString(dir.resolve("api/shop/#list_GET.xs#"), "autosave");
            Files.writeString(dir.resolve("api/shop/notes.txt"), "notes");
            Files.delete(dir.resolve("api/shop/list_GET.xs"));
            assertEquals(Set.of("api/shop/list_GET.xs"), nextReport(dir));

            // A folder removed with its files.
            for (int i = 0; i < 20; i++) {
                Files.delete(tables.resolve("nested").resolve("t" + i + ".xs"));
            }
            Files.delete(tables.resolve("nested"));
            Set<String> removed = nextReport(dir);
            assertEquals(true, removed.contains("tables/nested/t0.xs") && removed.contains("tables/nested"),
                removed.toString());
        }
    }

    @Test
    @Timeout(120)
    void aWatchedFolderDeletedAndMadeAgainIsWatchedAgainWhole(@TempDir Path dir) throws Exception {
        Path app = dir.resolve("app");
        Files.createDirectories(app.resolve("api"));
        Files.writeString(app.resolve("api/list_GET.xs"), "query list verb=GET {}\n");
        try (SourceWatch w = SourceWatch.start(List.of(app), QUIET_MILLIS, reports::add, line -> { })) {
            // Deleted: the root itself is reported (the reload then says it is missing).
            Files.delete(app.resolve("api/list_GET.xs"));
            Files.delete(app.resolve("api"));
            Files.delete(app);
            assertEquals(true, nextReport(dir).contains("app"));

            // Made again with a folder inside: reported, and every folder of it watched again.
            Files.createDirectories(app.resolve("api"));
            Files.writeString(app.resolve("api/list_GET.xs"), "query list verb=GET { }\n");
            assertEquals(true, nextReport(dir).contains("app"));
            Files.writeString(app.resolve("api/list_GET.xs"), "query list verb=GET {  }\n");
            assertEquals(Set.of("app/api/list_GET.xs"), nextReport(dir));

            // Swapped for a new copy by renames: the copy is watched; the old one, moved away, no more.
            Path copy = dir.resolve("copy");
            Files.createDirectories(copy.resolve("api"));
            Files.writeString(copy.resolve("api/list_GET.xs"), "query list verb=GET {}\n");
            Path old = dir.resolve("old");
            Files.move(app, old);
            Files.move(copy, app);
            assertEquals(true, nextReport(dir).contains("app"));
            Files.writeString(old.resolve("api/stale.xs"), "function stale {}\n");
            Files.writeString(app.resolve("api/list_GET.xs"), "query list verb=GET { }\n");
            assertEquals(Set.of("app/api/list_GET.xs"), nextReport(dir));

            // Its neighbours are not watched.
            Files.writeString(dir.resolve("beside.xs"), "function b {}\n");
            Files.writeString(app.resolve("api/list_GET.xs"), "query list verb=GET {}\n");
            assertEquals(Set.of("app/api/list_GET.xs"), nextReport(dir));
        }
    }

    @Test
    @Timeout(60)
    void aFileNamedOnItsOwnIsWatchedWithoutItsNeighbours(@TempDir Path dir) throws Exception {
        Path app = dir.resolve("app.xs");
        Files.writeString(app, "function a {}\n");
        try (SourceWatch w = SourceWatch.start(List.of(app), QUIET_MILLIS, reports::add, line -> { })) {
            Files.writeString(dir.resolve("other.xs"), "function b {}\n");
            Files.writeString(app, "function a { }\n");
            assertEquals(Set.of("app.xs"), nextReport(dir));
        }
    }
}
