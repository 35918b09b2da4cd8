package xs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import xs.interp.Json;

/**
 * Opt-in: {@code xs check} over real exported workspaces fetched locally ({@code XS_EXPORTS=DIR},
 * DIR/OWNER+REPO/**.xs, never committed), one repository at a time as bench/exports/sweep.sh does.
 * No file Xano saved may have an error; the files judged not saved by Xano are listed with their
 * evidence in bench/exports/not-saved-by-xano.tsv, and each listed file that is present must still
 * have an error (else it leaves the list).
 */
@EnabledIfEnvironmentVariable(named = "XS_EXPORTS", matches = ".+")
class ExportsCheckSweepTest {
    private static final Path LIST = Path.of("bench/exports/not-saved-by-xano.tsv");

    @Test
    @SuppressWarnings("unchecked")
    void noFileXanoSavedHasAnError() throws Exception {
        Path root = Path.of(System.getenv("XS_EXPORTS")).toRealPath();
        Set<String> listed = listed();
        List<String> saved = new ArrayList<>();
        Set<String> erroneous = new HashSet<>();
        int files = 0;
        int repositories = 0;
        try (Stream<Path> folders = Files.list(root)) {
            for (Path repo : folders.filter(Files::isDirectory).sorted().toList()) {
                Path real = repo.toRealPath();
                Cli.Result r = Cli.run("check", "--format", "json", real.toString());
                if (r.out().isBlank()) {
                    continue; // no .xs file in this folder
                }
                repositories++;
                Map<String, Object> report = (Map<String, Object>) Json.read(r.out());
                files += ((Number) report.get("files")).intValue();
                for (Map<String, Object> d : (List<Map<String, Object>>) report.get("diagnostics")) {
                    if (!"error".equals(d.get("severity"))) {
                        continue;
                    }
                    String file = repo.getFileName() + "/" + real.relativize(Path.of((String) d.get("file")))
                        .toString().replace('\\', '/');
                    erroneous.add(file);
                    if (!listed.contains(file)) {
                        saved.add(file + ":" + d.get("line") + ":" + d.get("column") + ": " + d.get("code") + " "
                            + d.get("message"));
                    }
                }
            }
        }
        List<String> stale = listed.stream().filter(f -> Files.exists(root.resolve(f)) && !erroneous.contains(f))
            .sorted().toList();
        System.out.println("exports check sweep: " + repositories + " repositories, " + files + " files, "
            + saved.size() + " errors in files Xano saved, " + erroneous.stream().filter(listed::contains).count()
            + " listed files not saved by Xano with errors");
        assertTrue(repositories > 0, "no repository folder with .xs files under " + root);
        assertEquals(List.of(), saved, "errors in files Xano saved");
        assertEquals(List.of(), stale, "listed in " + LIST + " but without errors now: remove them from the list");
    }

    /** OWNER+REPO/file of every listed file. */
    private static Set<String> listed() throws IOException {
        Set<String> out = new HashSet<>();
        for (String line : Files.readAllLines(LIST)) {
            if (line.startsWith("#") || line.startsWith("repository\t") || line.isBlank()) {
                continue;
            }
            String[] cols = line.split("\t");
            out.add(cols[0].replaceFirst("/", "+") + "/" + cols[1]);
        }
        return out;
    }
}
