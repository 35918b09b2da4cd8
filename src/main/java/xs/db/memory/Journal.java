package xs.db.memory;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
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
 * dropped and the file truncated. A last record whose bytes are all there but whose checksum
 * fails was damaged after it was written (no crash does that): its bytes are set aside in a
 * file beside the journal ({@code journal-N.log.damaged-at-OFFSET}), stderr says so, and the
 * database starts without it. A damaged record followed by more data is an error naming the
 * file and offset, because dropping it would silently lose later commits. When the journal
 * outgrows its limit, the state is written to a new snapshot (temporary file, fsync, atomic
 * rename) and a new, empty journal is started; the previous generation is then deleted. A crash
 * at any point leaves either the old generation or the new one complete. A snapshot that cannot
 * be written is tried again only after the journal has grown by another limit's worth.
 */
final class Journal {
    private static final int HEADER = 12;
    private static final Pattern FILE = Pattern.compile("(snapshot|journal)-(\\d+)\\.(json|log)");

    private final Path dir;
    private final long limit;
    private final FileOpener files;
    /** Journal size past which the next snapshot is written; moves on when one fails. */
    private long compactAt;
    private long generation;
    private FileChannel channel;
    private long size;
    /** Set when a failed append could not be rolled back; the journal then refuses writes. */
    private boolean broken;
    /** Held while open so that a second process (or MemoryDatabase) cannot journal into the same directory. */
    private FileChannel lockFile;
    private FileLock lock;

    private Journal(Path dir, long limit, FileOpener files) {
        this.dir = dir;
        this.limit = limit;
        this.files = files;
        this.compactAt = limit;
    }

    /** Opens (or creates) the store in dir and loads its tables into {@code tables}. */
    static Journal open(Path dir, long limit, Map<String, Table> tables, FileOpener files) throws IOException {
        Files.createDirectories(dir);
        Journal journal = new Journal(dir, limit, files);
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
        Replayed replayed = Files.exists(log) ? replayJournal(log, replay) : new Replayed(0, null);
        long valid = replayed.valid();
        if (replayed.damage() != null) setAside(log, valid, replayed.damage());
        deleteGenerationsBefore(generation);
        channel = files.open(log, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
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

    /**
     * Writes a snapshot and starts a new journal once the journal is over its limit. A failed
     * snapshot is tried again once the journal has grown by another limit, not at every commit.
     */
    void compactIfDue(Map<String, Table> tables) {
        if (size <= compactAt || broken) return;
        try {
            compact(tables);
        } catch (IOException | RuntimeException e) {
            // The commit is already durable in the current journal, which simply keeps growing.
            compactAt = size + limit;
            System.err.println("xs: warning: cannot write a database snapshot in " + dir + ": " + e.getMessage()
                    + " (the journal keeps every commit; the next attempt is at " + compactAt + " bytes of journal)");
        }
    }

    void compact(Map<String, Table> tables) throws IOException {
        long next = generation + 1;
        Snapshots.write(snapshotPath(next), tables, files);
        FileChannel fresh = files.open(journalPath(next), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        fsyncDirectory(dir);
        FileChannel old = channel;
        channel = fresh;
        size = 0;
        compactAt = limit;
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

    /**
     * What replaying a journal found: the length of its valid prefix, and why the bytes after it
     * were damaged when they are not simply a torn write (null for a clean or torn tail).
     */
    record Replayed(long valid, String damage) {
    }

    /** Replays every intact record; a torn tail, or a damaged last record, is left out. */
    static Replayed replayJournal(Path file, Replay replay) throws IOException {
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
                // Every byte of the last record is there, so no crash cut it short: it was changed since.
                if (pos + HEADER + length == all.length) return new Replayed(pos, "its checksum does not match although all its bytes are there");
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
        return new Replayed(pos, null);
    }

    /**
     * Copies the journal's bytes from {@code offset} on to a file beside it, forced to disk
     * before the journal is cut back, and says on stderr what was set aside and why.
     */
    private void setAside(Path log, long offset, String why) throws IOException {
        byte[] all = Files.readAllBytes(log);
        byte[] damaged = Arrays.copyOfRange(all, (int) offset, all.length);
        Path evidence = log.resolveSibling(log.getFileName() + ".damaged-at-" + offset);
        for (int n = 2; Files.exists(evidence); n++) {
            evidence = log.resolveSibling(log.getFileName() + ".damaged-at-" + offset + "-" + n);
        }
        try (FileChannel out = files.open(evidence, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(damaged);
            while (buffer.hasRemaining()) out.write(buffer);
            out.force(true);
        }
        fsyncDirectory(dir);
        System.err.println("xs: warning: the last record of the database journal " + log + " (offset " + offset + ", "
                + damaged.length + " bytes) is damaged: " + why + ". It was set aside in " + evidence
                + " and the database starts without that commit.");
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
}
