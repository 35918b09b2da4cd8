package xs.db.memory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;

/**
 * Opens the files of a durable database (journals and snapshots). The real one is
 * {@link FileChannel#open}; a test passes one whose channels count {@code force} calls or fail
 * on write, to hold the journal to its promise that a commit is on disk when it returns.
 */
@FunctionalInterface
interface FileOpener {
    FileOpener DISK = FileChannel::open;

    FileChannel open(Path file, OpenOption... options) throws IOException;
}
