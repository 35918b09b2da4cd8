package xs.db.memory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A {@link FileOpener} for tests: real files, whose channels count {@code force} calls and
 * {@code open}s, and refuse writes to the paths a test names (a full disk, for one file).
 */
final class WatchedFiles implements FileOpener {
    final AtomicInteger forces = new AtomicInteger();
    final AtomicInteger opens = new AtomicInteger();
    /** Writes to counted files since their last force. */
    final AtomicInteger unforcedWrites = new AtomicInteger();
    private volatile Predicate<Path> failing = p -> false;
    private volatile Predicate<Path> counted = p -> true;

    /** Writes to files matching {@code which} fail from now on. */
    WatchedFiles failWritesTo(Predicate<Path> which) {
        failing = which;
        return this;
    }

    /** Only files matching {@code which} count their opens and forces. */
    WatchedFiles count(Predicate<Path> which) {
        counted = which;
        return this;
    }

    @Override
    public FileChannel open(Path file, OpenOption... options) throws IOException {
        boolean count = counted.test(file);
        if (count) opens.incrementAndGet();
        return new Watched(FileChannel.open(file, options), file, count);
    }

    private final class Watched extends FileChannel {
        private final FileChannel real;
        private final Path file;
        private final boolean count;

        Watched(FileChannel real, Path file, boolean count) {
            this.real = real;
            this.file = file;
            this.count = count;
        }

        private void mayWrite() throws IOException {
            if (failing.test(file)) throw new IOException("No space left on device (test)");
            if (count) unforcedWrites.incrementAndGet();
        }

        @Override
        public void force(boolean metaData) throws IOException {
            real.force(metaData);
            if (count) {
                forces.incrementAndGet();
                unforcedWrites.set(0);
            }
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            mayWrite();
            return real.write(src);
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
            mayWrite();
            return real.write(srcs, offset, length);
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            mayWrite();
            return real.write(src, position);
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return real.read(dst);
        }

        @Override
        public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
            return real.read(dsts, offset, length);
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return real.read(dst, position);
        }

        @Override
        public long position() throws IOException {
            return real.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            real.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return real.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            real.truncate(size);
            return this;
        }

        @Override
        public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
            return real.transferTo(position, count, target);
        }

        @Override
        public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
            mayWrite();
            return real.transferFrom(src, position, count);
        }

        @Override
        public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
            return real.map(mode, position, size);
        }

        @Override
        public FileLock lock(long position, long size, boolean shared) throws IOException {
            return real.lock(position, size, shared);
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return real.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            real.close();
        }
    }
}
