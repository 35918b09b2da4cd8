package xs.db.memory;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import xs.db.DbException;

/**
 * The durable form of a database: a snapshot plus a journal of the changes committed since.
 *
 * <p>Files in the directory come in generations: {@code snapshot-N.json} holds the whole state
 * when journal N began, {@code journal-N.log} the commits after it (generation 0 has no
 * snapshot). A journal record is one committed statement or transaction:
 * {@code [length:4][crc32 of body:4][crc32 of the first 8 bytes:4][body]}, big-endian, the body
 * a JSON array of entries {@code ["p", table, row]}, {@code ["d", table, id]},
 * {@code ["t", table, resetIds]}. Each append is forced to disk before the commit returns.
 *
 * <p>At start-up a record cut short at the end of the journal (a crash during the append) is
 * dropped and the file truncated; a damaged record followed by more data is an error naming
 * the file and offset, because dropping it would silently lose later commits. When the journal
 * outgrows its limit, the state is written to a new snapshot (temporary file, fsync, atomic
 * rename) and a new, empty journal is started; the previous generation is then deleted. A crash
 * at any point leaves either the old generation or the new one complete.
 */
final class Journal {
    private static final int HEADER = 12;
    private static final Pattern FILE = Pattern.compile("(snapshot|journal)-(\\d+)\\.(json|log)");

    private final Path dir;
    private final long limit;
    private long generation;
    private FileChannel channel;
    private long size;
    /** Set when a failed append could not be rolled back; the journal then refuses writes. */
    private boolean broken;
    private boolean warnedAboutSnapshot;
    /** Held while open so that a second process (or MemoryDatabase) cannot journal into the same directory. */
    private FileChannel lockFile;
    private FileLock lock;

    private Journal(Path dir, long limit) {
        this.dir = dir;
        this.limit = limit;
    }

    /** Opens (or creates) the store in dir and loads its tables into {@code tables}. */
    static Journal open(Path dir, long limit, Map<String, Table> tables) throws IOException {
        Files.createDirectories(dir);
        Journal journal = new Journal(dir, limit);
        journal.lockDirectory();
        try {
            journal.load(tables);
        } catch (IOException | RuntimeException e) {
            journal.unlockDirectory();
            throw e;
        }
        return journal;
    }

    private void lockDirectory() throws IOException {
        lockFile = FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            lock = lockFile.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            lockFile.close();
            throw new DbException(DbException.Kind.STORAGE, "the database in " + dir + " is already open (by this or another process)");
        }
    }

    private void unlockDirectory() {
        try {
            if (lock != null) lock.release();
            lockFile.close();
        } catch (IOException e) {
            // closing the channel releases the lock in any case
        }
    }

    private void load(Map<String, Table> tables) throws IOException {
        long latestSnapshot = -1;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (name.endsWith(".tmp")) Files.deleteIfExists(f);
                Matcher m = FILE.matcher(name);
                if (m.matches() && m.group(1).equals("snapshot")) latestSnapshot = Math.max(latestSnapshot, Long.parseLong(m.group(2)));
            }
        }
        generation = Math.max(0, latestSnapshot);
        Replay replay = new Replay(tables);
        if (latestSnapshot >= 0) Snapshots.read(snapshotPath(generation), replay);
        Path log = journalPath(generation);
        long valid = Files.exists(log) ? replayJournal(log, replay) : 0;
        deleteGenerationsBefore(generation);
        channel = FileChannel.open(log, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        if (channel.size() > valid) {
            channel.truncate(valid);
            channel.force(true);
        }
        channel.position(valid);
        size = valid;
        fsyncDirectory(dir);
    }

    Path journalPath(long gen) {
        return dir.resolve(String.format("journal-%06d.log", gen));
    }

    Path snapshotPath(long gen) {
        return dir.resolve(String.format("snapshot-%06d.json", gen));
    }

    /** Appends one committed statement or transaction and forces it to disk. */
    void append(List<ChangeLog.Change> changes) throws IOException {
        if (broken) throw new IOException("the journal is unusable after an earlier failed write");
        byte[] body = encode(changes);
        if (body == null) return;
        ByteBuffer record = frame(body);
        try {
            while (record.hasRemaining()) channel.write(record);
            channel.force(false);
            size += HEADER + body.length;
        } catch (IOException e) {
            try {
                channel.truncate(size);
                channel.position(size);
                channel.force(false);
            } catch (IOException again) {
                broken = true;
            }
            throw e;
        }
    }

    /** Writes a snapshot and starts a new journal once the journal is over its limit. */
    void compactIfDue(Map<String, Table> tables) {
        if (size <= limit || broken) return;
        try {
            compact(tables);
        } catch (IOException e) {
            // The commit is already durable in the current journal, which simply keeps growing.
            if (!warnedAboutSnapshot) System.err.println("xs: warning: cannot write a database snapshot in " + dir + ": " + e.getMessage());
            warnedAboutSnapshot = true;
        }
    }

    void compact(Map<String, Table> tables) throws IOException {
        long next = generation + 1;
        Snapshots.write(snapshotPath(next), tables);
        FileChannel fresh = FileChannel.open(journalPath(next), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        fsyncDirectory(dir);
        FileChannel old = channel;
        channel = fresh;
        size = 0;
        generation = next;
        old.close();
        deleteGenerationsBefore(next);
    }

    void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new DbException(DbException.Kind.STORAGE, null, "cannot close the journal: " + e.getMessage(), e);
        } finally {
            unlockDirectory();
        }
    }

    private void deleteGenerationsBefore(long gen) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                Matcher m = FILE.matcher(f.getFileName().toString());
                if (m.matches() && Long.parseLong(m.group(2)) < gen) Files.deleteIfExists(f);
            }
        }
    }

    private static byte[] encode(List<ChangeLog.Change> changes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int entries = 0;
        try (JsonGenerator g = JsonValues.MAPPER.getFactory().createGenerator(out)) {
            g.writeStartArray();
            for (ChangeLog.Change change : changes) {
                if (change instanceof ChangeLog.RowChange c) {
                    g.writeStartArray();
                    if (c.after() != null) {
                        g.writeString("p");
                        g.writeString(c.table().name);
                        JsonValues.write(g, c.table().layout.toStoredMap(c.after()));
                    } else {
                        g.writeString("d");
                        g.writeString(c.table().name);
                        JsonValues.write(g, c.before()[Layout.ID_SLOT]);
                    }
                    g.writeEndArray();
                    entries++;
                } else if (change instanceof ChangeLog.Truncated t) {
                    g.writeStartArray();
                    g.writeString("t");
                    g.writeString(t.table().name);
                    g.writeBoolean(t.resetIds());
                    g.writeEndArray();
                    entries++;
                }
            }
            g.writeEndArray();
        }
        return entries == 0 ? null : out.toByteArray();
    }

    private static ByteBuffer frame(byte[] body) {
        ByteBuffer record = ByteBuffer.allocate(HEADER + body.length);
        record.putInt(body.length);
        record.putInt(crc(body, 0, body.length));
        record.putInt(crc(record.array(), 0, 8));
        record.put(body);
        record.flip();
        return record;
    }

    private static int crc(byte[] bytes, int offset, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }

    /** Replays every intact record; returns the length of the valid prefix (a torn tail is left out). */
    static long replayJournal(Path file, Replay replay) throws IOException {
        byte[] all = Files.readAllBytes(file);
        ByteBuffer in = ByteBuffer.wrap(all);
        int pos = 0;
        while (pos < all.length) {
            int left = all.length - pos;
            if (left < HEADER) break;
            int length = in.getInt(pos);
            int bodyCrc = in.getInt(pos + 4);
            if (in.getInt(pos + 8) != crc(all, pos, 8)) {
                if (allZero(all, pos)) break;
                throw corrupt(file, pos, "damaged record header");
            }
            if (length < 0 || length > left - HEADER) break;
            if (crc(all, pos + HEADER, length) != bodyCrc) {
                if (pos + HEADER + length == all.length) break;
                throw corrupt(file, pos, "checksum mismatch");
            }
            List<?> entries;
            try {
                entries = JsonValues.MAPPER.readValue(all, pos + HEADER, length, List.class);
                for (Object entry : entries) replay.apply((List<?>) entry);
            } catch (IOException | RuntimeException e) {
                throw corrupt(file, pos, "unreadable record (" + e.getMessage() + ")");
            }
            pos += HEADER + length;
        }
        return pos;
    }

    private static boolean allZero(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) if (bytes[i] != 0) return false;
        return true;
    }

    private static DbException corrupt(Path file, long offset, String what) {
        return new DbException(DbException.Kind.STORAGE, null,
                "corrupt database journal " + file + " at offset " + offset + ": " + what);
    }

    static void fsyncDirectory(Path dir) throws IOException {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            // Some file systems cannot sync a directory; the files themselves are already synced.
        }
    }

    /** Writing and reading whole-state snapshots as streamed JSON. */
    static final class Snapshots {
        private Snapshots() {
        }

        static void write(Path target, Map<String, Table> tables) throws IOException {
            Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
            try (FileOutputStream file = new FileOutputStream(tmp.toFile());
                 OutputStream out = new BufferedOutputStream(file, 1 << 16);
                 JsonGenerator g = JsonValues.MAPPER.getFactory().createGenerator(out)) {
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
                g.flush();
                file.getChannel().force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            fsyncDirectory(target.getParent());
        }

        static void read(Path file, Replay replay) {
            try (JsonParser p = JsonValues.MAPPER.getFactory().createParser(file.toFile())) {
                expect(p, JsonToken.START_OBJECT, file);
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    p.nextToken();
                    if (field.equals("tables")) {
                        while (p.nextToken() == JsonToken.START_OBJECT) readTable(p, replay, file);
                    } else {
                        p.skipChildren();
                    }
                }
            } catch (IOException | RuntimeException e) {
                if (e instanceof DbException d) throw d;
                throw new DbException(DbException.Kind.STORAGE, null, "unreadable database snapshot " + file + ": " + e.getMessage(), e);
            }
        }

        private static void readTable(JsonParser p, Replay replay, Path file) throws IOException {
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
}
