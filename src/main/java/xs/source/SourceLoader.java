package xs.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds and reads {@code .xs} files: the paths a user names, folders searched recursively, in a
 * stable order. Text must be UTF-8; anything else is reported, not guessed at.
 */
public final class SourceLoader {

    /** A file that was found: its text, or why it could not be read. */
    public record Loaded(Path path, Source source, String problem, int problemOffset) {
        public boolean ok() {
            return source != null;
        }
    }

    /** Thrown when a named path does not exist: a usage error, not a script problem. */
    public static final class MissingPath extends Exception {
        public MissingPath(String message) {
            super(message);
        }
    }

    public List<Path> find(List<Path> paths) throws MissingPath, IOException {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(".xs")
                            && !hidden(p, f))
                        .sorted()
                        .forEach(files::add);
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                throw new MissingPath("no such file or folder: " + p);
            }
        }
        return files;
    }

    /**
     * Under a folder, files inside hidden folders ({@code .git}, {@code .xano-backup}) are not part of the
     * program: they hold copies (backups of an earlier pull) that would clash with the real files.
     */
    private static boolean hidden(Path root, Path file) {
        Path relative = root.relativize(file);
        for (int i = 0; i < relative.getNameCount() - 1; i++) {
            if (relative.getName(i).toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    public Loaded load(Path file) {
        String name = display(file);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new Loaded(file, null, "no such file", 0);
        } catch (IOException e) {
            return new Loaded(file, null, "cannot read the file: " + e.getMessage(), 0);
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return new Loaded(file, new Source(name, ""), "this is not a text file (it contains a NUL byte at byte "
                    + i + ")", 0);
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return new Loaded(file, new Source(name, decoder.decode(ByteBuffer.wrap(bytes)).toString()), null, 0);
        } catch (MalformedInputException e) {
            int at = firstInvalid(bytes);
            String lenient = new String(bytes, StandardCharsets.UTF_8);
            return new Loaded(file, new Source(name, lenient),
                "the file is not valid UTF-8 (invalid byte at byte offset " + at + ")",
                new String(bytes, 0, at, StandardCharsets.UTF_8).length());
        } catch (CharacterCodingException e) {
            return new Loaded(file, null, "the file is not valid UTF-8", 0);
        }
    }

    /** Byte offset of the first byte that is not valid UTF-8. */
    private static int firstInvalid(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        java.nio.charset.CoderResult r = decoder.decode(in, java.nio.CharBuffer.allocate(bytes.length + 1), true);
        return r.isError() ? in.position() : bytes.length;
    }

    /** Paths are shown as given (relative stays relative), with forward slashes. */
    public static String display(Path file) {
        return file.normalize().toString().replace('\\', '/');
    }
}
