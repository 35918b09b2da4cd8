package xs.services.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The folder the workers may read: the worker script (copied from xs's resources), the modules
 * the lambdas' code becomes, and {@code tmp/}, the only place they may write (their TMPDIR).
 */
final class WorkFolder {
    private final Path root;
    private final boolean owned;

    private WorkFolder(Path root, boolean owned) {
        this.root = root;
        this.owned = owned;
    }

    /** Prepares {@code root}, or a new temporary folder when it is null (deleted again by {@link #delete()}). */
    static WorkFolder create(Path root) throws IOException {
        Path dir = root != null ? Files.createDirectories(root) : Files.createTempDirectory("xs-lambda-");
        WorkFolder folder = new WorkFolder(dir.toRealPath(), root == null);
        Files.createDirectories(folder.modules());
        Files.createDirectories(folder.scratch());
        try (InputStream script = WorkFolder.class.getResourceAsStream("worker.js")) {
            if (script == null) {
                throw new IOException("worker.js is missing from xs's resources");
            }
            Files.copy(script, folder.workerScript(), StandardCopyOption.REPLACE_EXISTING);
        }
        return folder;
    }

    Path root() {
        return root;
    }

    Path modules() {
        return root.resolve("modules");
    }

    Path scratch() {
        return root.resolve("tmp");
    }

    Path workerScript() {
        return root.resolve("worker.js");
    }

    /** Writes a lambda's module, unless an earlier call wrote it (its name is a hash of its code). */
    void write(LambdaModule module) {
        Path file = modules().resolve(module.name());
        if (Files.exists(file)) {
            return;
        }
        try {
            Path part = Files.createTempFile(modules(), "part-", ".tmp");
            Files.writeString(part, module.text(), StandardCharsets.UTF_8);
            Files.move(part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the lambda's module in " + modules(), e);
        }
    }

    /** Removes the folder if this process made it. */
    void delete() {
        if (!owned) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
