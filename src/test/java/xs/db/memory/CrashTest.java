package xs.db.memory;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xs.db.ColumnSchema;
import xs.db.Query;
import xs.db.TableSchema;

import static org.junit.jupiter.api.Assertions.*;

/** Kills a writing child JVM with SIGKILL and checks that every acknowledged write survived. */
class CrashTest {
    @TempDir
    Path dir;

    static String payload(long n) {
        return "row-" + n + "-" + "x".repeat((int) (n % 50));
    }

    @Test
    void acknowledgedWritesSurviveSigkill() throws Exception {
        for (int round = 0; round < 3; round++) {
            killWhileWriting(300 + round * 150);
        }
    }

    private void killWhileWriting(int acknowledgementsBeforeKill) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), CrashWriter.class.getName(),
                dir.toString(), String.valueOf(16 * 1024))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        List<Long> acked = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (acked.size() < acknowledgementsBeforeKill && (line = out.readLine()) != null) acked.add(Long.parseLong(line.trim()));
            assertEquals(acknowledgementsBeforeKill, acked.size(), "the child stopped early");
            // The child is mid-write now; ids it printed after our last read are simply not checked.
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        } finally {
            child.destroyForcibly();
        }

        try (MemoryDatabase db = MemoryDatabase.durable(dir, 16 * 1024)) {
            db.define(new TableSchema("entry", List.of(ColumnSchema.of("n", "int"), ColumnSchema.of("payload", "text")),
                    List.of(), List.of(), false));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> rows = (List<Map<String, Object>>) db.query(Query.all("entry"));
            for (int i = 0; i < rows.size(); i++) {
                Map<String, Object> row = rows.get(i);
                assertEquals((long) i + 1, row.get("id"), "ids are contiguous");
                long n = (Long) row.get("n");
                assertEquals(payload(n), row.get("payload"), "row " + row.get("id") + " is intact");
            }
            long last = acked.get(acked.size() - 1);
            assertTrue(rows.size() >= last, "acknowledged id " + last + " lost; only " + rows.size() + " rows");
            for (long id : acked) assertNotNull(db.get("entry", "id", id), "acknowledged id " + id);
            Map<String, Object> next = db.add("entry", Map.of("n", 999L, "payload", payload(999)));
            assertEquals((long) rows.size() + 1, next.get("id"), "the database accepts new writes after the crash");
        }
    }
}
