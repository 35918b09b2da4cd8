package xs.db.memory;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import xs.db.ColumnSchema;
import xs.db.TableSchema;

/**
 * Child process of {@link CrashTest}: writes rows to a durable database as fast as it can and
 * prints each id once the write has returned (and so is acknowledged as durable).
 * Arguments: directory, journal limit in bytes.
 */
public final class CrashWriter {
    private CrashWriter() {
    }

    public static void main(String[] args) {
        MemoryDatabase db = MemoryDatabase.durable(Path.of(args[0]), Long.parseLong(args[1]));
        db.define(new TableSchema("entry", List.of(ColumnSchema.of("n", "int"), ColumnSchema.of("payload", "text")),
                List.of(), List.of(), false));
        for (long n = 0; ; n++) {
            Map<String, Object> row = db.add("entry", Map.of("n", n, "payload", CrashTest.payload(n)));
            System.out.println(row.get("id"));
            System.out.flush();
        }
    }
}
