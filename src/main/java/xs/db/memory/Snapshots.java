package xs.db.memory;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import xs.db.DbException;

/**
 * Writing and reading whole-state snapshots as streamed JSON:
 * {@code {"format": 1, "tables": [{"name", "nextId", "rows": [...]}]}}. A snapshot is written to
 * a temporary file, forced, and renamed into place; a failed write leaves no temporary file.
 */
final class Snapshots {
    private Snapshots() {
    }

    static void write(Path target, Map<String, Table> tables, FileOpener files) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            try (FileChannel channel = files.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
                try (JsonGenerator g = JsonValues.MAPPER.getFactory().createGenerator(out)) {
                    writeTables(g, tables);
                    g.flush();
                    channel.force(true);
                }
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Journal.fsyncDirectory(target.getParent());
    }

    private static void writeTables(JsonGenerator g, Map<String, Table> tables) throws IOException {
        g.writeStartObject();
        g.writeNumberField("format", 1);
        g.writeArrayFieldStart("tables");
        for (Table t : tables.values()) {
            g.writeStartObject();
            g.writeStringField("name", t.name);
            g.writeNumberField("nextId", t.store.nextId);
            g.writeArrayFieldStart("rows");
            for (Object[] row : t.rows()) JsonValues.write(g, t.layout.toStoredMap(row));
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    static void read(Path file, Replay replay) {
        try (JsonParser p = JsonValues.MAPPER.getFactory().createParser(file.toFile())) {
            expect(p, JsonToken.START_OBJECT, file);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if (field.equals("tables")) {
                    while (p.nextToken() == JsonToken.START_OBJECT) readTable(p, replay);
                } else {
                    p.skipChildren();
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof DbException d) throw d;
            throw new DbException(DbException.Kind.STORAGE, null, "unreadable database snapshot " + file + ": " + e.getMessage(), e);
        }
    }

    private static void readTable(JsonParser p, Replay replay) throws IOException {
        String name = null;
        long nextId = 1;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "name" -> {
                    name = p.getText();
                    replay.table(name);
                }
                case "nextId" -> nextId = p.getLongValue();
                case "rows" -> {
                    if (name == null) throw new IOException("table rows before the table name");
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> row = JsonValues.MAPPER.readValue(p, LinkedHashMap.class);
                        replay.put(name, row);
                    }
                }
                default -> p.skipChildren();
            }
        }
        if (name == null) throw new IOException("a table without a name");
        Table t = replay.table(name);
        t.store.nextId = Math.max(t.store.nextId, nextId);
    }

    private static void expect(JsonParser p, JsonToken token, Path file) throws IOException {
        if (p.nextToken() != token) throw new IOException("expected " + token + " at the start of " + file);
    }
}
